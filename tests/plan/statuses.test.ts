import { describe, expect, it } from 'vitest'
import {
  type Event,
  leaderAssigned,
  leaderRemoved,
  planStatusesOrThrow,
  Timeline,
  unitCreated,
  unitMoved,
  unitReclassified,
  unitRenamed,
} from '../../src/index.js'

const fact: Event[] = [
  unitCreated({ unit: 'g', name: 'G' }, { effective: '2020', id: 'g' }),
  unitCreated({ unit: 'a', name: 'A', parent: 'g' }, { effective: '2020', id: 'a' }),
  unitCreated({ unit: 'b', name: 'B', parent: 'g' }, { effective: '2020', id: 'b' }),
  unitRenamed({ unit: 'a', name: 'A-fact' }, { effective: '2022-01-05', id: 'f-a-renamed' }),
  unitMoved({ unit: 'b', parent: 'a' }, { effective: '2022-01-05', id: 'f-b-moved', recorded: '2021-12-15T00:00:00Z' }),
]

const plan: Event[] = [
  unitRenamed({ unit: 'a', name: 'A-fact' }, { effective: '2022-01-01', id: 'p-realized' }),
  unitMoved({ unit: 'b', parent: null }, { effective: '2022-01-01', id: 'p-diverged' }),
  unitReclassified({ unit: 'a', kind: 'division' }, { effective: '2022-01-01', id: 'p-missed' }),
  unitRenamed({ unit: 'b', name: 'B2' }, { effective: '2022-03-01', id: 'p-pending' }),
]

const timeline = Timeline.fromOrThrow(fact)

describe('planStatuses', () => {
  it('gives each plan event its status on a date, in the plan’s order', () => {
    expect(planStatusesOrThrow(timeline, plan, '2022-01-06')).toEqual([
      { event: 'p-realized', status: 'realized' },
      { event: 'p-diverged', status: 'diverged', by: 'f-b-moved' },
      { event: 'p-missed', status: 'missed' },
      { event: 'p-pending', status: 'pending' },
    ])
  })

  it('counts an event as pending until its date, and judges it from then on', () => {
    const on = (date: string) => planStatusesOrThrow(timeline, plan, date).map((s) => s.status)
    expect(on('2021-12-31')).toEqual(['pending', 'pending', 'pending', 'pending'])
    // On 2022-01-01 the fact has not renamed 'a' yet, nor moved 'b'.
    expect(on('2022-01-01')).toEqual(['missed', 'missed', 'missed', 'pending'])
  })

  it('with a base, counts for diverged only the facts recorded after it', () => {
    const status = (base: string) =>
      planStatusesOrThrow(timeline, plan, '2022-01-06', { base }).find((s) => s.event === 'p-diverged')?.status
    expect(status('2021-12-01')).toBe('diverged')
    expect(status('2021-12-20')).toBe('missed')
  })

  it('counts a removal as realized once the fact no longer has that person in that role, not before', () => {
    const history = [
      ...fact,
      leaderAssigned({ unit: 'a', person: 'p' }, { effective: '2021', id: 'f-p-head' }),
      leaderAssigned({ unit: 'a', person: 'p', role: 'cto' }, { effective: '2021', id: 'f-p-cto' }),
      leaderRemoved({ unit: 'a', person: 'p' }, { effective: '2022-01-05', id: 'f-p-gone' }),
    ]
    const removals = [
      leaderRemoved({ unit: 'a', person: 'p' }, { effective: '2022-01-01', id: 'p-head-gone' }),
      leaderRemoved({ unit: 'a', person: 'p', role: 'cto' }, { effective: '2022-01-01', id: 'p-cto-gone' }),
    ]
    const on = (date: string) => planStatusesOrThrow(Timeline.fromOrThrow(history), removals, date).map((s) => s.status)
    expect(on('2022-01-01')).toEqual(['diverged', 'diverged'])
    expect(on('2022-01-06')).toEqual(['realized', 'diverged'])
  })

  it('rejects a date that does not parse', () => {
    expect(() => planStatusesOrThrow(timeline, plan, '2022-13-01')).toThrow(/2022-13-01/)
  })
})
