import { describe, expect, it } from 'vitest'
import {
  type Change,
  diff,
  leaderAssigned,
  leaderRemoved,
  type OrgState,
  statesAtOrThrow,
  unitCreated,
  unitDissolved,
  unitMerged,
} from '../../src/index.js'
import { readHistoryOrThrow } from '../../src/node.js'

const history = readHistoryOrThrow(['events/alibaba-2021-2022.ndjson'])
const [before, after] = statesAtOrThrow(history, ['2021-12-31', '2022-01-06']) as [OrgState, OrgState]
const seed = diff(before, after).changes

const find = <K extends Change['kind']>(changes: readonly Change[], kind: K, unit: string, person?: string) =>
  changes.find(
    (c) => c.kind === kind && c.unit === unit && (person === undefined || ('person' in c && c.person === person)),
  ) as Extract<Change, { kind: K }> | undefined

describe('the changes of a diff carry what applying them needs', () => {
  it('gives an added unit its kind of unit and the date it came into being', () => {
    expect(find(seed, 'unit-added', 'taobao-tmall')).toMatchObject({ unitKind: 'business-group', since: '2022-01-06' })
  })

  it('gives an ended unit its end date', () => {
    expect(find(seed, 'unit-ended', 'taobao')).toEqual({
      kind: 'unit-ended',
      unit: 'taobao',
      status: 'merged',
      ended: '2022-01-06',
      successors: ['taobao-tmall'],
    })
  })

  it('numbers the added holdings in the order they were assigned, across units and people', () => {
    const order = (unit: string, person: string) => find(seed, 'leader-added', unit, person)!.order
    expect(order('china-digital-commerce', 'dai-shan')).toBeLessThan(order('alibaba-group', 'dai-shan'))
    expect(order('alibaba-group', 'dai-shan')).toBeLessThan(order('taobao-tmall', 'dai-shan'))
    expect(order('taobao-tmall', 'dai-shan')).toBeLessThan(order('taobao-tmall', 'lu-su'))
    expect(order('taobao-tmall', 'lu-su')).toBeLessThan(order('taobao-tmall', 'shi-tai'))
  })

  it('uses each order number once', () => {
    const orders = seed.flatMap((c) => (c.kind === 'leader-added' ? [c.order] : []))
    expect([...orders].sort((a, b) => a - b)).toEqual(orders.map((_, i) => i))
  })
})

describe('a diff over an interval where units come and go', () => {
  const events = [
    unitCreated({ unit: 'g', name: 'Group' }, { id: 'g', effective: '2020' }),
    leaderAssigned({ unit: 'g', person: 'p' }, { id: 'p-head', effective: '2020' }),
    unitCreated({ unit: 'b', name: 'B', parent: 'g' }, { id: 'b', effective: '2021-01' }),
    unitCreated({ unit: 'a', name: 'A', parent: 'g' }, { id: 'a', effective: '2021-01' }),
    unitCreated({ unit: 'z', name: 'Z', parent: 'g' }, { id: 'z', effective: '2021-01' }),
    unitMerged({ units: ['b'], into: 'z' }, { id: 'b-into-z', effective: '2021-02' }),
    unitDissolved({ unit: 'a' }, { id: 'a-gone', effective: '2021-03' }),
    leaderRemoved({ unit: 'g', person: 'p' }, { id: 'p-out', effective: '2021-04' }),
    leaderAssigned({ unit: 'g', person: 'p' }, { id: 'p-back', effective: '2021-05' }),
  ]
  const [start, end] = statesAtOrThrow(events, ['2020', '2021']) as [OrgState, OrgState]
  const changes = diff(start, end).changes
  const summary = changes.map((c) => `${c.kind} ${c.unit}${'person' in c ? ` ${c.person}` : ''}`)

  it('lists a unit created and ended inside it as added, then ended', () => {
    expect(summary.filter((s) => s.startsWith('unit-'))).toEqual([
      'unit-added z',
      'unit-added a',
      'unit-added b',
      'unit-ended a',
      'unit-ended b',
    ])
  })

  it('gives a unit that ended inside it the parent it had when it ended', () => {
    expect(find(changes, 'unit-added', 'a')?.parent).toBe('g')
  })

  it('lists a holding that ended and started again as removed and added', () => {
    expect(summary.filter((s) => s.startsWith('leader-'))).toEqual(['leader-added g p', 'leader-removed g p'])
    expect(find(changes, 'leader-added', 'g', 'p')?.since).toBe('2021-05')
  })
})
