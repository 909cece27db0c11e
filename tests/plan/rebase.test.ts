import { describe, expect, it } from 'vitest'
import {
  type Event,
  formatError,
  leaderAssigned,
  rebasePlanOrThrow,
  Timeline,
  unitCreated,
  unitMerged,
  unitReclassified,
  unitRenamed,
} from '../../src/index.js'

const recorded = '2022-01-05T00:00:00Z'
const fact: Event[] = [
  unitCreated({ unit: 'g', name: 'G' }, { effective: '2020', id: 'g' }),
  unitCreated({ unit: 'a', name: 'A', parent: 'g' }, { effective: '2020', id: 'a' }),
  unitCreated({ unit: 'b', name: 'B', parent: 'g' }, { effective: '2020', id: 'b' }),
  unitCreated({ unit: 'c', name: 'C', parent: 'g' }, { effective: '2020', id: 'c' }),
  unitRenamed({ unit: 'a', name: 'A2' }, { effective: '2022-01-10', id: 'f-a-renamed', recorded }),
  unitMerged({ units: ['b'], into: 'bb', name: 'BB' }, { effective: '2022-01-10', id: 'f-b-merged', recorded }),
  leaderAssigned({ unit: 'c', person: 'p1' }, { effective: '2022-01-10', id: 'f-c-head', recorded }),
]

const overlap = unitRenamed({ unit: 'a', name: 'A-plan' }, { effective: '2022-02-01', id: 'p-overlap' })
const invalid = unitRenamed({ unit: 'b', name: 'B-plan' }, { effective: '2022-02-01', id: 'p-invalid' })
const applied = leaderAssigned({ unit: 'c', person: 'p1' }, { effective: '2022-02-01', id: 'p-applied' })
const silent = unitReclassified({ unit: 'c', kind: 'x' }, { effective: '2022-02-01', id: 'p-silent' })

const timeline = Timeline.fromOrThrow(fact)

describe('rebasePlan', () => {
  it('sorts plan events into invalid, overlap and already applied; another aspect of the unit is silent', () => {
    const r = rebasePlanOrThrow(timeline, [overlap, invalid, applied, silent], '2021-12-01')
    expect(r.overlaps.map((f) => [f.event.id, f.fact.id, f.touch.aspect])).toEqual([
      ['p-overlap', 'f-a-renamed', 'name'],
    ])
    expect(r.applied.map((f) => [f.event.id, f.fact.id])).toEqual([['p-applied', 'f-c-head']])
    expect(r.invalid.map(formatError)).toEqual([
      "UnitRenamed 'b' (event 'p-invalid'): unit 'b' ended (merged) on 2022-01-10, by fact UnitMerged 'f-b-merged'; refer to its successor or date the event earlier, or drop the plan event",
    ])
  })

  it('does not count facts recorded before the plan was drafted', () => {
    const r = rebasePlanOrThrow(timeline, [overlap, applied, silent], '2022-01-06')
    expect(r).toEqual({ base: '2022-01-06', invalid: [], overlaps: [], applied: [] })
  })

  it('treats facts without a recorded time as known all along', () => {
    const unrecorded = fact.map(({ recorded: _, ...e }) => e as Event)
    const r = rebasePlanOrThrow(Timeline.fromOrThrow(unrecorded), [overlap, applied], '2021-12-01')
    expect([r.overlaps, r.applied]).toEqual([[], []])
  })
})
