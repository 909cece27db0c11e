import { isLeft } from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import {
  type Event,
  formatError,
  leaderAssigned,
  PlanTimeline,
  Timeline,
  unitCreated,
  unitDissolved,
  unitMerged,
  unitRenamed,
} from '../../src/index.js'

const origin = (file: string, line: number) => ({ origin: { file, line } })
const fact: Event[] = [
  { ...unitCreated({ unit: 'g', name: 'G' }, { effective: '2020', id: 'g' }), ...origin('fact.ndjson', 1) },
  {
    ...unitCreated({ unit: 'a', name: 'A', parent: 'g' }, { effective: '2020', id: 'a' }),
    ...origin('fact.ndjson', 2),
  },
  {
    ...unitMerged({ units: ['a'], into: 'aa', name: 'AA' }, { effective: '2022-01-06', id: 'a-merged' }),
    ...origin('fact.ndjson', 3),
  },
  {
    ...leaderAssigned({ unit: 'g', person: 'p' }, { effective: '2022-03-01', id: 'g-head' }),
    ...origin('fact.ndjson', 4),
  },
]
const timeline = Timeline.fromOrThrow(fact)
const errorsOf = (plan: Event[]) => {
  const r = PlanTimeline.from(timeline, plan)
  return isLeft(r) ? r.left.map(formatError) : []
}

describe('errors of a history with a plan', () => {
  it('rejects a plan event that repeats what the plan itself did, as the history with the plan appended does', () => {
    const plan = [
      {
        ...unitCreated({ unit: 'x', name: 'X', parent: 'g' }, { effective: '2022-04-01', id: 'p-x' }),
        ...origin('plan.ndjson', 1),
      },
      {
        ...unitDissolved({ unit: 'g', cascade: true }, { effective: '2022-05-01', id: 'p-g' }),
        ...origin('plan.ndjson', 2),
      },
      { ...unitDissolved({ unit: 'x' }, { effective: '2022-05-01', id: 'p-x-gone' }), ...origin('plan.ndjson', 3) },
    ]
    expect(errorsOf(plan)).toEqual([
      "plan.ndjson:3: UnitDissolved 'x' (event 'p-x-gone'): unit 'x' ended (dissolved) on 2022-05-01; refer to its successor or date the event earlier",
    ])
    expect(isLeft(Timeline.from([...fact, ...plan]))).toBe(true)
  })

  it('names the fact whose cascade ended the unit a plan event meets', () => {
    const withCascade = Timeline.fromOrThrow([
      ...fact,
      {
        ...unitCreated({ unit: 'y', name: 'Y', parent: 'aa' }, { effective: '2022-02-01', id: 'y' }),
        ...origin('fact.ndjson', 5),
      },
      {
        ...unitDissolved({ unit: 'aa', cascade: true }, { effective: '2022-06-01', id: 'aa-gone' }),
        ...origin('fact.ndjson', 6),
      },
    ])
    const plan = [
      {
        ...unitRenamed({ unit: 'y', name: 'Y2' }, { effective: '2022-06-01', id: 'p-y' }),
        ...origin('plan.ndjson', 1),
      },
    ]
    const r = PlanTimeline.from(withCascade, plan)
    expect(isLeft(r) ? r.left.map(formatError) : []).toEqual([
      expect.stringMatching(/^plan\.ndjson:1: UnitRenamed .*'aa-gone' \(fact\.ndjson:6\)/),
    ])
  })

  it('names the fact that broke a plan event', () => {
    const plan = [
      { ...unitRenamed({ unit: 'a', name: 'A2' }, { effective: '2022-02-01', id: 'p1' }), ...origin('plan.ndjson', 1) },
    ]
    expect(errorsOf(plan)).toMatchInlineSnapshot(`
      [
        "plan.ndjson:1: UnitRenamed 'a' (event 'p1'): unit 'a' ended (merged) on 2022-01-06, by fact UnitMerged 'a-merged' (fact.ndjson:3); refer to its successor or date the event earlier, or drop the plan event",
      ]
    `)
  })

  it('names the plan event that breaks a later fact', () => {
    const plan = [
      {
        ...unitDissolved({ unit: 'g', cascade: true }, { effective: '2022-02-01', id: 'p-end' }),
        ...origin('plan.ndjson', 1),
      },
    ]
    expect(errorsOf(plan)).toMatchInlineSnapshot(`
      [
        "fact.ndjson:4: LeaderAssigned 'g' (event 'g-head'): unit 'g' ended (dissolved) on 2022-02-01, by plan event UnitDissolved 'p-end' (plan.ndjson:1); refer to its successor or date the event earlier, or change the plan",
      ]
    `)
  })

  it('reports an error the plan makes by itself as a plain error, once', () => {
    const plan = [
      { ...unitRenamed({ unit: 'x', name: 'X' }, { effective: '2022-02-01', id: 'p-x' }), ...origin('plan.ndjson', 1) },
      { ...unitCreated({ unit: 'y', name: 'Y' }, { effective: '2022-02-01', id: 'p-y' }), ...origin('plan.ndjson', 2) },
      {
        ...unitCreated({ unit: 'y', name: 'Z' }, { effective: '2022-02-01', id: 'p-y2' }),
        ...origin('plan.ndjson', 3),
      },
    ]
    expect(errorsOf(plan)).toMatchInlineSnapshot(`
      [
        "plan.ndjson:1: UnitRenamed 'x' (event 'p-x'): unit 'x' does not exist on 2022-02-01; create it earlier or fix the id",
        "plan.ndjson:3: UnitCreated 'y' (event 'p-y2'): unit 'y' is already used by a unit (ids are never reused); choose a new id",
      ]
    `)
  })

  it('blames the fact that made the children a plan event did not expect', () => {
    const plan = [
      { ...unitDissolved({ unit: 'g' }, { effective: '2022-02-01', id: 'p-g' }), ...origin('plan.ndjson', 1) },
    ]
    expect(errorsOf(plan)).toMatchInlineSnapshot(`
      [
        "plan.ndjson:1: UnitDissolved 'g' (event 'p-g'): 'g' has active children 'aa', by fact UnitMerged 'a-merged' (fact.ndjson:3); move or end them first, or set cascade: true, or drop the plan event",
      ]
    `)
  })

  it('rejects a plan event whose id the history already has', () => {
    const plan = [unitRenamed({ unit: 'g', name: 'G2' }, { effective: '2022-02-01', id: 'g-head' })]
    expect(errorsOf(plan)).toEqual([expect.stringContaining("event id 'g-head' is already used at fact.ndjson:4")])
  })

  it('skips a creation the fact already made, on the same date or earlier', () => {
    const plan = [unitCreated({ unit: 'aa', name: 'AA', parent: 'g' }, { effective: '2022-01-06', id: 'p-aa' })]
    const planned = PlanTimeline.fromOrThrow(timeline, plan)
    expect([...planned.skipped]).toEqual(['p-aa'])
  })

  it('skips a dissolution the fact made on the same instant by dissolving the parent with its children', () => {
    const cascade = unitDissolved({ unit: 'g', cascade: true }, { effective: '2022-04-01', id: 'g-gone' })
    const withCascade = Timeline.fromOrThrow([...fact, cascade])
    const plan = [unitDissolved({ unit: 'aa' }, { effective: '2022-04-01', id: 'p-aa-gone' })]
    const planned = PlanTimeline.fromOrThrow(withCascade, plan)
    expect([...planned.skipped]).toEqual(['p-aa-gone'])
    expect(planned.atOrThrow('2022-04-01')).toEqual(withCascade.atOrThrow('2022-04-01'))
    // The same events as one history: the second dissolution is an error, not a skip.
    expect(isLeft(Timeline.from([...fact, cascade, ...plan]))).toBe(true)
  })
})
