import fc from 'fast-check'
import { isLeft, isRight } from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import {
  applyDiff,
  type Change,
  type Diff,
  type DiffApplyError,
  diff,
  formatDiffApplyError,
  leaderAssigned,
  leaderRemoved,
  type OrgState,
  parseDate,
  replayOrThrow,
  statesAtOrThrow,
  toJSON,
  unit,
  unitCreated,
  unitMerged,
} from '../../src/index.js'
import { readHistoryOrThrow } from '../../src/node.js'
import { dateChoiceArb, historyArb, queryDate } from '../support/arbitraries.js'

const history = readHistoryOrThrow(['events/alibaba-2021-2022.ndjson'])
const [before, after] = statesAtOrThrow(history, ['2021-12-31', '2022-01-06']) as [OrgState, OrgState]

function applied(state: OrgState, d: Diff): OrgState {
  const r = applyDiff(state, d)
  if (isLeft(r)) throw new Error(formatDiffApplyError(r.left))
  return r.right
}

function rejection(state: OrgState, changes: readonly Change[]): DiffApplyError {
  const r = applyDiff(state, { from: state.at, to: '2030', changes, events: [] })
  if (isRight(r)) throw new Error('expected the diff not to fit')
  return r.left
}

/** What a diff promises to rebuild: units, ended units, and the roles of people who hold any. */
function lawView(s: OrgState) {
  const { units, ended, people } = toJSON(s)
  return { units, ended, roles: people.filter((p) => p.roles.length > 0).map((p) => ({ id: p.id, roles: p.roles })) }
}

describe('applyDiff on the seed history', () => {
  const d = diff(before, after)
  const result = applied(before, d)

  it('rebuilds the units, ended units and roles of 2022-01-06 from 2021-12-31', () => {
    expect(lawView(result)).toEqual(lawView(after))
  })

  it('dates the result at the end of the diff', () => {
    expect(result.at).toBe('2022-01-06')
  })

  it('keeps the order in which 戴珊 took her roles', () => {
    expect(
      toJSON(result)
        .people.find((p) => p.id === 'dai-shan')
        ?.roles.map((r) => r.unit),
    ).toEqual(['community-ecommerce', 'china-digital-commerce', 'alibaba-group', 'taobao-tmall'])
  })

  it('shares every unit the diff does not touch with the state it was applied to', () => {
    expect(unit(result, 'lingshoutong')).toBe(unit(before, 'lingshoutong'))
  })

  it('links the merged units to the unit they merged into', () => {
    expect(unit(result, 'taobao-tmall')?.predecessors).toEqual(['taobao', 'tmall'])
  })

  it('leaves the state it was given as it was', () => {
    const snapshot = JSON.stringify(toJSON(before))
    applied(before, d)
    expect(JSON.stringify(toJSON(before))).toBe(snapshot)
  })

  it('changes nothing but the date for an empty diff', () => {
    expect(lawView(applied(after, diff(after, after)))).toEqual(lawView(after))
  })
})

describe('applyDiff on changes inside one interval', () => {
  const events = [
    unitCreated({ unit: 'g', name: 'Group' }, { id: 'g', effective: '2020' }),
    leaderAssigned({ unit: 'g', person: 'p' }, { id: 'p-head', effective: '2020' }),
    unitCreated({ unit: 'x', name: 'X', kind: 'team', parent: 'g' }, { id: 'x', effective: '2021-01' }),
    unitCreated({ unit: 'y', name: 'Y', parent: 'g' }, { id: 'y', effective: '2021-02' }),
    unitMerged({ units: ['x'], into: 'y' }, { id: 'x-into-y', effective: '2021-03' }),
    leaderRemoved({ unit: 'g', person: 'p' }, { id: 'p-out', effective: '2021-04' }),
    leaderAssigned({ unit: 'g', person: 'q', role: 'cto' }, { id: 'q-cto', effective: '2021-05' }),
    leaderAssigned({ unit: 'g', person: 'p' }, { id: 'p-back', effective: '2021-05' }),
  ]
  const [start, end] = statesAtOrThrow(events, ['2020', '2021']) as [OrgState, OrgState]
  const d = diff(start, end)

  it('adds and ends a unit created and merged inside the interval', () => {
    expect(toJSON(applied(start, d)).ended).toEqual([
      { id: 'x', status: 'merged', ended: '2021-03', successors: ['y'] },
    ])
  })

  it('restarts a holding that ended and started again, at its new date', () => {
    expect(toJSON(applied(start, d)).units[0]?.leaders.map((l) => `${l.person}:${l.since}`)).toEqual([
      'q:2021-05',
      'p:2021-05',
    ])
  })

  it('rebuilds the later state', () => {
    expect(lawView(applied(start, d))).toEqual(lawView(end))
  })
})

describe('applyDiff on a change that does not fit', () => {
  it('rejects a rename of a unit that does not exist, naming the change', () => {
    const error = rejection(before, [{ kind: 'unit-renamed', unit: 'nowhere', from: 'A', to: 'B' }])
    expect(error).toMatchObject({ _tag: 'UnknownUnit', index: 0, unit: 'nowhere' })
    expect(formatDiffApplyError(error)).toMatchInlineSnapshot(
      `"change 0 (unit-renamed 'nowhere'): unit 'nowhere' does not exist"`,
    )
  })

  it('rejects adding a unit whose id is already used', () => {
    const change: Change = {
      kind: 'unit-added',
      unit: 'taobao',
      parent: null,
      name: 'T',
      unitKind: null,
      since: '2030',
    }
    expect(rejection(before, [change])._tag).toBe('UnitExists')
  })

  it('rejects a move whose "from" is not the unit\'s parent', () => {
    const error = rejection(before, [{ kind: 'unit-moved', unit: 'lazada', from: 'taobao', to: null }])
    expect(formatDiffApplyError(error)).toMatchInlineSnapshot(
      `"change 0 (unit-moved 'lazada'): the parent of 'lazada' is not the change's "from""`,
    )
  })

  it('rejects moves that would put a unit inside its own subtree', () => {
    const error = rejection(before, [{ kind: 'unit-moved', unit: 'alibaba-group', from: null, to: 'taobao' }])
    expect(error._tag).toBe('Cycle')
  })

  it('rejects a unit that ends while a child stays under it', () => {
    const change: Change = {
      kind: 'unit-ended',
      unit: 'alibaba-group',
      status: 'dissolved',
      ended: '2030',
      successors: [],
    }
    expect(rejection(before, [change])).toMatchObject({ _tag: 'ParentEnded', parent: 'alibaba-group' })
  })

  it('rejects removing a holding nobody has', () => {
    const error = rejection(before, [{ kind: 'leader-removed', unit: 'taobao', person: 'nobody', role: 'head' }])
    expect(error._tag).toBe('UnknownHolding')
  })

  it('rejects a change to a unit that has ended', () => {
    expect(rejection(after, [{ kind: 'unit-renamed', unit: 'taobao', from: 'A', to: 'B' }])._tag).toBe('UnitEnded')
  })
})

describe('applyDiff laws', () => {
  const twoStates = fc.tuple(historyArb({ maxEvents: 30 }), dateChoiceArb, dateChoiceArb).map(([events, c1, c2]) => ({
    events,
    dates: [queryDate(events, c1), queryDate(events, c2)].sort((x, y) => parseDate(x)!.end - parseDate(y)!.end),
  }))

  it('rebuilds b from a and diff(a, b) for any two dates of a generated history', () => {
    fc.assert(
      fc.property(twoStates, ({ events, dates }) => {
        const [a, b] = statesAtOrThrow(events, dates) as [OrgState, OrgState]
        expect(lawView(applied(a, diff(a, b)))).toEqual(lawView(b))
      }),
      { numRuns: 300 },
    )
  })

  it('rebuilds any generated org from the empty one', () => {
    fc.assert(
      fc.property(historyArb({ maxEvents: 20 }), (events) => {
        const [empty, full] = [replayOrThrow([]), replayOrThrow(events)]
        expect(lawView(applied(empty, diff(empty, full)))).toEqual(lawView(full))
      }),
      { numRuns: 100 },
    )
  })
})
