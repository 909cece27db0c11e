import fc from 'fast-check'
import { isLeft, isRight } from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { type Event, PlanTimeline, Timeline, toJSON, unit } from '../../src/index.js'
import { dateChoiceArb, historyArb, queryDate } from '../support/arbitraries.js'

const RUNS = { numRuns: Number(process.env.LAW_RUNS ?? 150) }

/**
 * A valid history split at random: a prefix and some later events are the fact, the other later
 * events go to plan A or plan B (side 0, 1, 2 per event).
 */
const splitArb = historyArb({ maxEvents: 30 }).chain((history) =>
  fc
    .tuple(
      fc.nat({ max: history.length }),
      fc.array(fc.nat({ max: 2 }), { minLength: history.length, maxLength: history.length }),
      dateChoiceArb,
      fc.integer({ min: 1, max: 6 }),
    )
    .map(([cut, sides, choice, every]) => {
      const side = (i: number) => (i < cut ? 0 : sides[i]!)
      const pick = (s: number) => history.filter((_, i) => side(i) === s)
      return { fact: pick(0), a: pick(1), b: pick(2), date: queryDate(history, choice), every }
    }),
)

const stateOf = (events: readonly Event[], date: string, every: number) => {
  const t = Timeline.from(events, { checkpointEvery: every })
  return isLeft(t) ? undefined : t.right.atOrThrow(date)
}

describe('PlanTimeline', () => {
  // A plan timeline skips a creation, merge, split or dissolution the other side already made,
  // where a plain timeline of the appended history rejects it. So: where the appended history is
  // valid, nothing is skipped and the orgs agree; where the plan timeline is valid, it agrees with
  // the appended history less the events it skipped.
  it('at D with plans equals at D of the history with the plans appended, less what it skipped (one plan and two)', () => {
    let checked = 0
    fc.assert(
      fc.property(splitArb, ({ fact, a, b, date, every }) => {
        const timeline = Timeline.from(fact, { checkpointEvery: every })
        if (isLeft(timeline)) return
        checked++
        for (const plan of [a, [...a, ...b]]) {
          const planned = PlanTimeline.from(timeline.right, plan, { checkpointEvery: every })
          const appended = [...fact, ...plan]
          const expected = stateOf(appended, date, every)
          if (expected !== undefined) {
            expect(isRight(planned)).toBe(true)
            if (isRight(planned)) expect([...planned.right.skipped]).toEqual([])
          }
          if (isLeft(planned)) continue
          const { skipped } = planned.right
          const rest = appended.filter((e) => !skipped.has(e.id))
          const unskipped = skipped.size === 0 ? expected : stateOf(rest, date, every)
          expect(unskipped).toBeDefined()
          expect(toJSON(planned.right.atOrThrow(date))).toEqual(toJSON(unskipped!))
        }
      }),
      RUNS,
    )
    expect(checked).toBeGreaterThan(RUNS.numRuns / 3)
  })

  it('gives the same orgs and diffs with shared checkpoints as built afresh', () => {
    fc.assert(
      fc.property(splitArb, ({ fact, a, date, every }) => {
        const timeline = Timeline.from(fact, { checkpointEvery: every })
        if (isLeft(timeline)) return
        const shared = PlanTimeline.from(timeline.right, a, { checkpointEvery: every })
        const fresh = PlanTimeline.from(timeline.right, a, { checkpointEvery: every, share: false })
        expect(isRight(shared)).toBe(isRight(fresh))
        if (!isRight(shared) || !isRight(fresh)) return
        expect(toJSON(shared.right.atOrThrow(date))).toEqual(toJSON(fresh.right.atOrThrow(date)))
        expect(shared.right.diffOrThrow('1900', date)).toEqual(fresh.right.diffOrThrow('1900', date))
        expect(shared.right.events.map((e) => e.id)).toEqual(fresh.right.events.map((e) => e.id))
      }),
      RUNS,
    )
  })

  it('starts from the fact timeline’s own checkpoint and shares what the plan does not touch', () => {
    const fact = Timeline.fromOrThrow(
      [
        { id: 'g', type: 'UnitCreated', effective: '2020', data: { unit: 'g', name: 'G' } },
        { id: 'x', type: 'UnitCreated', effective: '2020', data: { unit: 'x', name: 'X', parent: 'g' } },
      ] as Event[],
      { checkpointEvery: 1 },
    )
    const planned = PlanTimeline.fromOrThrow(fact, [
      { id: 'p', type: 'UnitRenamed', effective: '2022-01-01', data: { unit: 'g', name: 'H' } },
    ] as Event[])
    const before = fact.atOrThrow('2021')
    expect(planned.atOrThrow('2021').units).toBe(before.units)
    expect(unit(planned.atOrThrow('2022'), 'x')).toBe(unit(before, 'x'))
    expect(unit(planned.atOrThrow('2022'), 'g')?.name).toBe('H')
  })
})
