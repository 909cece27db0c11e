import fc from 'fast-check'
import { isLeft, isRight } from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import {
  diff,
  diffBetween,
  type Event,
  eventRetracted,
  instantText,
  parseDate,
  stateAt,
  Timeline,
  toJSON,
} from '../../src/index.js'
import { type DateChoice, dateChoiceArb, historyArb, queryDate } from '../support/arbitraries.js'

const RUNS = { numRuns: Number(process.env.LAW_RUNS ?? 300) }
const DAY = 86_400_000
const BASE = Date.UTC(2020, 0, 1)

/**
 * A valid history made bitemporal: each event gets a `recorded` instant (most on time, some late,
 * some never stamped), and a few events are retracted at some later instant.
 */
const bitemporalArb = historyArb({ maxEvents: 30 }).chain((history) =>
  fc
    .tuple(
      fc.array(fc.option(fc.nat({ max: 2000 }), { nil: undefined }), {
        minLength: history.length,
        maxLength: history.length,
      }),
      fc.array(fc.tuple(fc.nat({ max: 1000 }), fc.nat({ max: 2000 })), { maxLength: 3 }),
    )
    .map(([days, retractions]) => {
      const stamped: Event[] = history.map((e, i) =>
        days[i] === undefined ? e : { ...e, recorded: instantText(BASE + days[i]! * DAY) },
      )
      const targets = retractions
        .filter(() => stamped.length > 0)
        .map(([index, day], k) =>
          eventRetracted(
            { event: stamped[index % stamped.length]!.id },
            { id: `retraction-${k}`, recorded: instantText(BASE + day * DAY) },
          ),
        )
      const unique = targets.filter((r, k) => targets.findIndex((o) => o.data.event === r.data.event) === k)
      return [...stamped, ...unique]
    }),
)

const knownAtArb = fc.option(
  fc.nat({ max: 2100 }).map((d) => instantText(BASE + d * DAY - 1)),
  { nil: undefined },
)

describe('Timeline.at', () => {
  it('equals stateAt by full replay for any history, date, checkpoint spacing and knownAt', () => {
    fc.assert(
      fc.property(
        bitemporalArb,
        dateChoiceArb,
        knownAtArb,
        fc.integer({ min: 1, max: 8 }),
        (history, choice, knownAt, every) => {
          const timeline = Timeline.from(history, { checkpointEvery: every })
          fc.pre(isRight(timeline))
          if (!isRight(timeline)) return
          const date = queryDate(history, choice)
          const options = knownAt === undefined ? {} : { knownAt }
          const fromTimeline = timeline.right.at(date, options)
          const byReplay = stateAt(history, date, options)
          expect(isLeft(fromTimeline)).toBe(isLeft(byReplay))
          if (isRight(fromTimeline) && isRight(byReplay))
            expect(toJSON(fromTimeline.right)).toEqual(toJSON(byReplay.right))
        },
      ),
      RUNS,
    )
  })
})

/** Two query dates of a history, the earlier first. */
function orderedDates(history: readonly Event[], a: DateChoice, b: DateChoice): [string, string] {
  const dates = [queryDate(history, a), queryDate(history, b)]
  return dates.sort((x, y) => parseDate(x)!.end - parseDate(y)!.end) as [string, string]
}

/**
 * `Timeline.diff` equals the diff of two full replays, with the events between them. Without
 * `knownAt`, a history that makes a timeline has a state and a diff at any dates.
 */
function diffLaw(histories: fc.Arbitrary<Event[]>, knownAts: fc.Arbitrary<string | undefined>, maxEvery: number) {
  return fc.property(
    histories,
    dateChoiceArb,
    dateChoiceArb,
    knownAts,
    fc.integer({ min: 1, max: maxEvery }),
    (history, a, b, knownAt, every) => {
      const timeline = Timeline.from(history, { checkpointEvery: every })
      fc.pre(isRight(timeline))
      if (!isRight(timeline)) return
      const [from, to] = orderedDates(history, a, b)
      const options = knownAt === undefined ? {} : { knownAt }
      const indexed = timeline.right.diff(from, to, options)
      const before = stateAt(history, from, options)
      const after = stateAt(history, to, options)
      const between = diffBetween(history, from, to, options)
      expect(isLeft(indexed)).toBe(isLeft(before) || isLeft(after))
      if (knownAt === undefined) expect([isRight(before), isRight(after), isRight(between)]).toEqual([true, true, true])
      if (isLeft(indexed) || isLeft(before) || isLeft(after) || isLeft(between)) return
      expect(indexed.right).toEqual(diff(before.right, after.right, between.right.events))
    },
  )
}

describe('Timeline.diff', () => {
  it('equals the diff of two full replays, with the events between them, for any dates, spacing and knownAt', () => {
    fc.assert(diffLaw(bitemporalArb, knownAtArb, 8), RUNS)
  })
})

describe('Timeline.diff through its valid-time index', () => {
  it('equals the diff of two full replays on longer histories, for any dates and spacing', () => {
    fc.assert(diffLaw(historyArb({ maxEvents: 120 }), fc.constant(undefined), 64), { numRuns: RUNS.numRuns * 2 })
  })
})
