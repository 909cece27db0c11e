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
import { dateChoiceArb, historyArb, queryDate } from '../support/arbitraries.js'

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

describe('Timeline.diff', () => {
  it('equals the diff of two full replays, with the events between them, for any dates, spacing and knownAt', () => {
    fc.assert(
      fc.property(
        bitemporalArb,
        dateChoiceArb,
        dateChoiceArb,
        knownAtArb,
        fc.integer({ min: 1, max: 8 }),
        (history, a, b, knownAt, every) => {
          const timeline = Timeline.from(history, { checkpointEvery: every })
          fc.pre(isRight(timeline))
          if (!isRight(timeline)) return
          const dates = [queryDate(history, a), queryDate(history, b)]
          const [from, to] = dates.sort((x, y) => parseDate(x)!.end - parseDate(y)!.end) as [string, string]
          const options = knownAt === undefined ? {} : { knownAt }
          const indexed = timeline.right.diff(from, to, options)
          const before = stateAt(history, from, options)
          const after = stateAt(history, to, options)
          const between = diffBetween(history, from, to, options)
          expect(isLeft(indexed)).toBe(isLeft(before) || isLeft(after))
          if (isLeft(indexed) || isLeft(before) || isLeft(after) || isLeft(between)) return
          expect(indexed.right).toEqual(diff(before.right, after.right, between.right.events))
        },
      ),
      RUNS,
    )
  })
})

describe('Timeline.diff through its valid-time index', () => {
  it('equals the diff of two full replays on longer histories, for any dates and spacing', () => {
    fc.assert(
      fc.property(
        historyArb({ maxEvents: 120 }),
        dateChoiceArb,
        dateChoiceArb,
        fc.integer({ min: 1, max: 64 }),
        (history, a, b, every) => {
          const timeline = Timeline.from(history, { checkpointEvery: every })
          fc.pre(isRight(timeline))
          if (!isRight(timeline)) return
          const dates = [queryDate(history, a), queryDate(history, b)]
          const [from, to] = dates.sort((x, y) => parseDate(x)!.end - parseDate(y)!.end) as [string, string]
          const indexed = timeline.right.diffOrThrow(from, to)
          const between = diffBetween(history, from, to)
          if (isLeft(between)) throw new Error('a valid history has a diff between any two dates')
          const [before, after] = [stateAt(history, from), stateAt(history, to)]
          if (isLeft(before) || isLeft(after)) throw new Error('a valid history has a state at any date')
          expect(indexed).toEqual(diff(before.right, after.right, between.right.events))
        },
      ),
      { numRuns: RUNS.numRuns * 2 },
    )
  })
})
