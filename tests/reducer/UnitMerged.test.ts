import { describe, expect, it } from 'vitest'
import {
  children,
  type Event,
  endedUnits,
  evolve,
  formatError,
  leaderAssigned,
  leadersOf,
  replayOrThrow,
  rolesOf,
  roots,
  toJSON,
  unit,
  unitCreated,
  unitDissolved,
  unitMerged,
} from '../../src/index.js'
import { applied, rejection } from '../support/steps.js'

// group ─┬─ cdc ─┬─ taobao ── taobao-live ── live-studio
//        │       └─ tmall ── tmall-global
//        ├─ local ── eleme
//        └─ cloud
// old (ended)
const history: Event[] = [
  unitCreated({ unit: 'group', name: 'Group' }, { id: 'c-group', effective: '2020-01-01' }),
  unitCreated({ unit: 'cdc', name: 'CDC', parent: 'group' }, { id: 'c-cdc', effective: '2020-01-01' }),
  unitCreated({ unit: 'taobao', name: '淘寶', parent: 'cdc' }, { id: 'c-taobao', effective: '2020-01-01' }),
  unitCreated({ unit: 'taobao-live', name: 'Live', parent: 'taobao' }, { id: 'c-live', effective: '2020-01-01' }),
  unitCreated({ unit: 'live-studio', name: 'Studio', parent: 'taobao-live' }, { id: 'c-st', effective: '2020-01-01' }),
  unitCreated({ unit: 'tmall', name: '天貓', parent: 'cdc' }, { id: 'c-tmall', effective: '2020-01-01' }),
  unitCreated({ unit: 'tmall-global', name: 'Global', parent: 'tmall' }, { id: 'c-tg', effective: '2020-01-01' }),
  unitCreated({ unit: 'local', name: 'Local', parent: 'group' }, { id: 'c-local', effective: '2020-01-01' }),
  unitCreated({ unit: 'eleme', name: 'Ele.me', parent: 'local' }, { id: 'c-eleme', effective: '2020-01-01' }),
  unitCreated({ unit: 'cloud', name: 'Cloud', parent: 'group' }, { id: 'c-cloud', effective: '2020-01-01' }),
  unitCreated({ unit: 'old', name: 'Old', parent: 'group' }, { id: 'c-old', effective: '2020-01-01' }),
  unitDissolved({ unit: 'old' }, { id: 'd-old', effective: '2021-06-30' }),
  leaderAssigned({ unit: 'taobao', person: 'dai-shan' }, { id: 'l-taobao', effective: '2020-01-01' }),
  leaderAssigned({ unit: 'tmall', person: 'jiang-fan' }, { id: 'l-tmall', effective: '2020-01-01' }),
  leaderAssigned({ unit: 'cdc', person: 'dai-shan' }, { id: 'l-cdc', effective: '2020-01-01' }),
  leaderAssigned({ unit: 'cloud', person: 'zhang-jianfeng' }, { id: 'l-cloud', effective: '2020-01-01' }),
]

const org = replayOrThrow(history)

const intoNew = unitMerged(
  { units: ['taobao', 'tmall'], into: 'taobao-tmall', name: '大淘寶', kind: 'group' },
  { id: 'e1', effective: '2022-01-06' },
)

describe('UnitMerged into a new unit', () => {
  it('ends every merged unit with the new unit as successor', () => {
    expect(toJSON(applied(org, intoNew)).ended).toEqual([
      { id: 'old', status: 'dissolved', ended: '2021-06-30', successors: [] },
      { id: 'taobao', status: 'merged', ended: '2022-01-06', successors: ['taobao-tmall'] },
      { id: 'tmall', status: 'merged', ended: '2022-01-06', successors: ['taobao-tmall'] },
    ])
  })

  it('creates the new unit with its name and kind from the date of the merger', () => {
    const created = unit(applied(org, intoNew), 'taobao-tmall')
    expect([created?.name, created?.kind, created?.since, created?.status]).toEqual([
      '大淘寶',
      'group',
      '2022-01-06',
      'active',
    ])
  })

  it('records the merged units as predecessors of the new unit', () => {
    expect(unit(applied(org, intoNew), 'taobao-tmall')?.predecessors).toEqual(['taobao', 'tmall'])
  })

  it('puts the new unit under the parent of the first merged unit by default', () => {
    const s = applied(
      org,
      unitMerged({ units: ['eleme', 'tmall'], into: 'n', name: 'N' }, { id: 'e1', effective: '2022' }),
    )
    expect(unit(s, 'n')?.parent).toBe('local')
  })

  it('takes the merged units off the children of their parent', () => {
    expect(children(applied(org, intoNew), 'cdc').map((u) => u.id)).toEqual(['taobao-tmall'])
  })

  it('puts the new unit under the given parent', () => {
    const s = applied(
      org,
      unitMerged(
        { units: ['taobao', 'tmall'], into: 'n', name: 'N', parent: 'group' },
        { id: 'e1', effective: '2022' },
      ),
    )
    expect(unit(s, 'n')?.parent).toBe('group')
  })

  it('makes the new unit a root when the first merged unit was a root', () => {
    const s1 = applied(org, unitCreated({ unit: 'ant', name: 'Ant' }, { id: 'c-ant', effective: '2021' }))
    const s2 = applied(
      s1,
      unitMerged({ units: ['ant', 'cloud'], into: 'n', name: 'N' }, { id: 'e1', effective: '2022' }),
    )
    expect(roots(s2).map((u) => u.id)).toEqual(['group', 'n'])
  })

  it('puts the new unit above both when a parent merges with its child', () => {
    const s = applied(
      org,
      unitMerged({ units: ['taobao', 'taobao-live'], into: 'n', name: 'N' }, { id: 'e1', effective: '2022' }),
    )
    expect(unit(s, 'n')?.parent).toBe('cdc')
  })

  it('puts the new unit above both when the child is listed before its parent', () => {
    const s = applied(
      org,
      unitMerged({ units: ['taobao-live', 'taobao'], into: 'n', name: 'N' }, { id: 'e1', effective: '2022' }),
    )
    expect(unit(s, 'n')?.parent).toBe('cdc')
  })

  it('moves the children of a parent merged with its child under the new unit', () => {
    const s = applied(
      org,
      unitMerged({ units: ['taobao', 'taobao-live'], into: 'n', name: 'N' }, { id: 'e1', effective: '2022' }),
    )
    expect(children(s, 'n').map((u) => u.id)).toEqual(['live-studio'])
  })
})

describe('UnitMerged into an existing unit', () => {
  const absorb = unitMerged({ units: ['tmall'], into: 'taobao' }, { id: 'e1', effective: '2022-01-06' })

  it('keeps the absorbing unit active, with its name and date', () => {
    const into = unit(applied(org, absorb), 'taobao')
    expect([into?.status, into?.name, into?.since]).toEqual(['active', '淘寶', '2020-01-01'])
  })

  it('ends the absorbed unit with the absorbing unit as successor', () => {
    const tmall = unit(applied(org, absorb), 'tmall')
    expect([tmall?.status, tmall?.ended, tmall?.successors]).toEqual(['merged', '2022-01-06', ['taobao']])
  })

  it('records the absorbed unit as a predecessor', () => {
    expect(unit(applied(org, absorb), 'taobao')?.predecessors).toEqual(['tmall'])
  })

  it('keeps the leaders of the absorbing unit', () => {
    expect(leadersOf(applied(org, absorb), 'taobao').map((l) => l.person)).toEqual(['dai-shan'])
  })

  it('absorbs units from elsewhere in the tree', () => {
    const s = applied(org, unitMerged({ units: ['cloud', 'eleme'], into: 'cdc' }, { id: 'e1', effective: '2022' }))
    expect(children(s, 'group').map((u) => u.id)).toEqual(['cdc', 'local'])
  })

  it('can absorb a unit into its own parent', () => {
    const s = applied(org, unitMerged({ units: ['tmall-global'], into: 'tmall' }, { id: 'e1', effective: '2022' }))
    expect([children(s, 'tmall'), unit(s, 'tmall-global')?.status]).toEqual([[], 'merged'])
  })
})

describe('UnitMerged effects on children and leaders', () => {
  it('moves the active children of every merged unit under the new unit', () => {
    expect(children(applied(org, intoNew), 'taobao-tmall').map((u) => u.id)).toEqual(['taobao-live', 'tmall-global'])
  })

  it('moves the children with their own subtrees', () => {
    expect(children(applied(org, intoNew), 'taobao-live').map((u) => u.id)).toEqual(['live-studio'])
  })

  it('moves the children under an absorbing unit', () => {
    const s = applied(org, unitMerged({ units: ['tmall'], into: 'taobao' }, { id: 'e1', effective: '2022' }))
    expect(children(s, 'taobao').map((u) => u.id)).toEqual(['taobao-live', 'tmall-global'])
  })

  it('leaves the merged units without active children', () => {
    expect(children(applied(org, intoNew), 'taobao')).toEqual([])
  })

  it("ends the leaders' roles in the merged units", () => {
    expect([leadersOf(applied(org, intoNew), 'taobao'), leadersOf(applied(org, intoNew), 'tmall')]).toEqual([[], []])
  })

  it("removes the ended roles from the people's roles and keeps their other roles", () => {
    const s = applied(org, intoNew)
    expect([rolesOf(s, 'dai-shan').map((r) => r.unit), rolesOf(s, 'jiang-fan')]).toEqual([['cdc'], []])
  })

  it('lists the merged units among the ended units', () => {
    expect(
      endedUnits(applied(org, intoNew))
        .filter((u) => u.status === 'merged')
        .map((u) => u.id),
    ).toEqual(['taobao', 'tmall'])
  })
})

describe('UnitMerged rejections', () => {
  it('rejects an unknown merged unit', () => {
    const error = rejection(
      org,
      unitMerged({ units: ['taobao', 'nowhere'], into: 'n', name: 'N' }, { id: 'e1', effective: '2022' }),
    )
    expect(formatError(error)).toMatchInlineSnapshot(
      `"UnitMerged 'n' (event 'e1'): unit 'nowhere' does not exist on 2022; create it earlier or fix the id"`,
    )
  })

  it('rejects an ended merged unit', () => {
    const error = rejection(
      org,
      unitMerged({ units: ['taobao', 'old'], into: 'n', name: 'N' }, { id: 'e1', effective: '2022' }),
    )
    expect(formatError(error)).toMatchInlineSnapshot(
      `"UnitMerged 'n' (event 'e1'): unit 'old' ended (dissolved) on 2021-06-30; refer to its successor or date the event earlier"`,
    )
  })

  it('rejects a unit listed twice', () => {
    const error = rejection(
      org,
      unitMerged({ units: ['taobao', 'taobao'], into: 'n', name: 'N' }, { id: 'e1', effective: '2022' }),
    )
    expect(formatError(error)).toMatchInlineSnapshot(
      `"UnitMerged 'n' (event 'e1'): unit 'taobao' is listed twice in units; list each unit once"`,
    )
  })

  it('rejects into listed among the merged units', () => {
    const error = rejection(
      org,
      unitMerged({ units: ['taobao', 'tmall'], into: 'tmall' }, { id: 'e1', effective: '2022' }),
    )
    expect(formatError(error)).toMatchInlineSnapshot(
      `"UnitMerged 'tmall' (event 'e1'): into 'tmall' is also listed in units; merge the other units into it without listing it as a source"`,
    )
  })

  it('rejects a new into without a name', () => {
    const error = rejection(org, unitMerged({ units: ['taobao', 'tmall'], into: 'n' }, { id: 'e1', effective: '2022' }))
    expect(formatError(error)).toMatchInlineSnapshot(
      `"UnitMerged 'n' (event 'e1'): into 'n' is a new unit and has no name; give a name for the new unit"`,
    )
  })

  it('rejects an into that has ended', () => {
    const error = rejection(
      org,
      unitMerged({ units: ['taobao', 'tmall'], into: 'old' }, { id: 'e1', effective: '2022' }),
    )
    expect(formatError(error)).toMatchInlineSnapshot(
      `"UnitMerged 'old' (event 'e1'): into 'old' ended (dissolved) on 2021-06-30; refer to its successor or date the event earlier"`,
    )
  })

  it('rejects an existing into inside the subtree of a merged unit', () => {
    const error = rejection(
      org,
      unitMerged({ units: ['taobao', 'tmall'], into: 'live-studio' }, { id: 'e1', effective: '2022' }),
    )
    expect(formatError(error)).toMatchInlineSnapshot(
      `"UnitMerged 'live-studio' (event 'e1'): into 'live-studio' is inside the subtree of merged unit 'taobao'; move it out of that subtree first"`,
    )
  })

  it('rejects an unknown parent for the new unit', () => {
    const error = rejection(
      org,
      unitMerged(
        { units: ['taobao', 'tmall'], into: 'n', name: 'N', parent: 'nowhere' },
        { id: 'e1', effective: '2022' },
      ),
    )
    expect(formatError(error)).toMatchInlineSnapshot(
      `"UnitMerged 'n' (event 'e1'): parent 'nowhere' does not exist on 2022; create it earlier or fix the id"`,
    )
  })

  it('rejects an ended parent for the new unit', () => {
    const error = rejection(
      org,
      unitMerged({ units: ['taobao', 'tmall'], into: 'n', name: 'N', parent: 'old' }, { id: 'e1', effective: '2022' }),
    )
    expect(formatError(error)).toMatchInlineSnapshot(
      `"UnitMerged 'n' (event 'e1'): parent 'old' ended (dissolved) on 2021-06-30; refer to its successor or date the event earlier"`,
    )
  })

  it('rejects a parent for the new unit inside the subtree of a merged unit', () => {
    const error = rejection(
      org,
      unitMerged(
        { units: ['taobao', 'tmall'], into: 'n', name: 'N', parent: 'taobao-live' },
        { id: 'e1', effective: '2022' },
      ),
    )
    expect(formatError(error)).toMatchInlineSnapshot(
      `"UnitMerged 'n' (event 'e1'): parent 'taobao-live' ends in this merge (it is or is inside merged unit 'taobao'); choose a parent that stays"`,
    )
  })

  it('rejects a merged unit as the parent of the new unit, saying it is merged', () => {
    const error = rejection(
      org,
      unitMerged(
        { units: ['taobao', 'tmall'], into: 'n', name: 'N', parent: 'tmall' },
        { id: 'e1', effective: '2022' },
      ),
    )
    expect(formatError(error)).not.toContain('is the unit itself')
  })
})

describe('UnitMerged structural sharing', () => {
  it('gives the same state in a replay of the history as in a step', () => {
    expect(toJSON(replayOrThrow([...history, intoNew]))).toEqual(toJSON(applied(org, intoNew)))
  })

  it('leaves the state before unchanged', () => {
    const before = JSON.stringify(toJSON(org))
    evolve(org, intoNew)
    expect(JSON.stringify(toJSON(org))).toBe(before)
  })

  it('shares every unit the merger does not touch with the state before', () => {
    const after = evolve(org, intoNew)
    expect(unit(after, 'cloud')).toBe(unit(org, 'cloud'))
  })

  it('shares the people the merger does not touch with the state before', () => {
    const after = evolve(org, intoNew)
    expect(rolesOf(after, 'zhang-jianfeng')).toBe(rolesOf(org, 'zhang-jianfeng'))
  })

  it('returns a frozen state with frozen units', () => {
    const after = evolve(org, intoNew)
    expect([
      Object.isFrozen(after),
      Object.isFrozen(unit(after, 'taobao-tmall')),
      Object.isFrozen(unit(after, 'taobao')),
    ]).toEqual([true, true, true])
  })
})
