import { describe, expect, it } from 'vitest'
import {
  compare,
  type Event,
  leaderAssigned,
  leaderRemoved,
  PlanTimeline,
  Timeline,
  unitAttributesSet,
  unitCreated,
  unitDissolved,
  unitMoved,
  unitReclassified,
  unitRenamed,
} from '../../src/index.js'

const on = (effective: string, id: string) => ({ effective, id })

const fact: Event[] = [
  unitCreated({ unit: 'g', name: 'G' }, on('2020', 'g')),
  unitCreated({ unit: 'a', name: 'A', kind: 'department', parent: 'g', attributes: { x: 1 } }, on('2020', 'a')),
  unitCreated({ unit: 'b', name: 'B', parent: 'g' }, on('2020', 'b')),
  unitCreated({ unit: 'd', name: 'D', parent: 'g' }, on('2020', 'd')),
  leaderAssigned({ unit: 'a', person: 'p1', acting: true }, on('2020', 'p1-head')),
  leaderAssigned({ unit: 'a', person: 'p2', role: 'cto' }, on('2020', 'p2-cto')),
]

/** A plan with one change of every kind a diff has. */
const planA: Event[] = [
  unitCreated({ unit: 'n', name: 'N', parent: 'g' }, on('2022-01-01', 'n')),
  unitDissolved({ unit: 'b' }, on('2022-01-01', 'b-dissolved')),
  unitRenamed({ unit: 'd', name: 'D2' }, on('2022-01-01', 'd-renamed')),
  unitMoved({ unit: 'd', parent: 'a' }, on('2022-01-01', 'd-moved')),
  unitReclassified({ unit: 'a', kind: 'division' }, on('2022-01-01', 'a-kind')),
  unitAttributesSet({ unit: 'a', attributes: { x: 2 } }, on('2022-01-01', 'a-x')),
  leaderAssigned({ unit: 'a', person: 'p3', mode: 'add' }, on('2022-01-01', 'p3-head')),
  leaderRemoved({ unit: 'a', person: 'p2', role: 'cto' }, on('2022-01-01', 'p2-out')),
  leaderAssigned({ unit: 'a', person: 'p1', mode: 'add' }, on('2022-01-01', 'p1-confirmed')),
]

/** Another plan: a different new unit, and 'b' kept. */
const planB: Event[] = [unitCreated({ unit: 'm', name: 'M', parent: 'g' }, on('2022-01-01', 'm'))]

const timeline = Timeline.fromOrThrow(fact)
const orgOf = (plan: Event[]) => PlanTimeline.fromOrThrow(timeline, plan).atOrThrow('2022-01-06')
const kinds = (changes: ReturnType<typeof compare>) => changes.map((c) => `${c.kind} ${c.unit}`)

describe('compare', () => {
  it('lists every kind of change from the fact org to a plan’s, grouped by kind', () => {
    const changes = compare(timeline.atOrThrow('2022-01-06'), orgOf(planA))
    expect(kinds(changes)).toEqual([
      'unit-added n',
      'unit-ended b',
      'unit-renamed d',
      'unit-moved d',
      'unit-reclassified a',
      'attributes-changed a',
      'leader-added a',
      'leader-removed a',
      'leader-updated a',
    ])
    expect(changes.find((c) => c.kind === 'unit-reclassified')).toEqual({
      kind: 'unit-reclassified',
      unit: 'a',
      from: 'department',
      to: 'division',
    })
  })

  it('is empty from an org to itself, and from the fact to a plan that only repeats it', () => {
    const org = timeline.atOrThrow('2022-01-06')
    expect(compare(org, org)).toEqual([])
    expect(compare(org, orgOf([unitCreated({ unit: 'g', name: 'G' }, on('2022-01-01', 'again'))]))).toEqual([])
  })

  it('compares two plans: units only plan A has are removed, units only plan B keeps come back', () => {
    const changes = compare(orgOf(planA), orgOf(planB))
    expect(changes.find((c) => c.kind === 'unit-removed')).toEqual({ kind: 'unit-removed', unit: 'n' })
    expect(kinds(changes)).toContain('unit-added m')
    // 'b' ended under plan A, is active under plan B: it is in B's tree again.
    expect(kinds(changes)).toContain('unit-added b')
    expect(kinds(changes)).toContain('unit-renamed d')
    expect(changes.map((c) => c.kind).indexOf('unit-removed')).toBeGreaterThan(
      changes.map((c) => c.kind).lastIndexOf('unit-added'),
    )
  })

  it('is the reverse of itself for what both plans have, and removed one way is added the other', () => {
    const ab = compare(orgOf(planA), orgOf(planB))
    const ba = compare(orgOf(planB), orgOf(planA))
    expect(kinds(ba)).toContain('unit-removed m')
    expect(kinds(ba)).toContain('unit-added n')
    expect(ab.filter((c) => c.kind === 'unit-removed').length).toBe(1)
  })
})
