/**
 * Bitemporal histories for the SQL read model: valid histories whose events are recorded late,
 * out of order, on shared instants or never, with retractions recorded at any time; and the org
 * the version rows give at (D, T), to compare with the library's.
 */
import fc from 'fast-check'
import { isRight } from 'fp-ts/lib/Either.js'
import {
  type Event,
  eventRetracted,
  instantText,
  parseDate,
  Timeline,
  toJSON,
  type UnitJSON,
  type Versions,
} from '../../src/index.js'
import { dateChoiceArb, historyArb, queryDate } from './arbitraries.js'

const HOUR = 3_600_000
const BASE = Date.UTC(2020, 0, 1)

/** The content `org_at` returns for one unit, leaders in a fixed order. */
export interface UnitRow {
  readonly unit: string
  readonly name: unknown
  readonly kind: string | null
  readonly parent: string | null
  readonly attributes: unknown
  readonly leaders: readonly unknown[]
}

const byKey =
  <A>(key: (a: A) => string) =>
  (a: A, b: A) =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0
const leaderKey = (l: { role: string; person: string; since: string }) => `${l.since}\u0000${l.role}\u0000${l.person}`

/** Units sorted by id, leaders by (since, role, person): the order SQL does not promise. */
export function normalized(rows: readonly UnitRow[]): UnitRow[] {
  return rows
    .map((r) => ({
      ...r,
      leaders: [...(r.leaders as { role: string; person: string; since: string }[])].sort(byKey(leaderKey)),
    }))
    .sort(byKey((r) => r.unit))
}

/** The library's units at a date as known at T, as rows. */
export function libraryRows(units: readonly UnitJSON[]): UnitRow[] {
  return normalized(
    units.map((u) => ({
      unit: u.id,
      name: u.name,
      kind: u.kind,
      parent: u.parent,
      attributes: u.attributes,
      leaders: u.leaders.map((l) => ({ ...l })),
    })),
  )
}

/** The rows the versions give at an instant of valid time and one of transaction time (`undefined`: all). */
export function versionRows(versions: Versions, at: number, knownAt: number | undefined): UnitRow[] {
  const holds = (r: { validFrom: number; validTo: number; recordedFrom: number; recordedTo: number }) =>
    r.validFrom <= at &&
    at < r.validTo &&
    (knownAt === undefined
      ? r.recordedTo === Number.POSITIVE_INFINITY
      : r.recordedFrom <= knownAt && knownAt < r.recordedTo)
  const leaders = versions.leaders.filter(holds)
  return normalized(
    versions.units.filter(holds).map(({ value: u }) => ({
      unit: u.unit,
      name: u.name,
      kind: u.kind,
      parent: u.parent,
      attributes: u.attributes,
      leaders: leaders
        .filter((l) => l.value.unit === u.unit)
        .map(({ value: { person, role, title, acting, since } }) => ({ person, role, title, acting, since })),
    })),
  )
}

/** The library's org at D as known at T, as rows; `undefined` when that view of the history is invalid. */
export function libraryAt(timeline: Timeline, date: string, knownAt: string | undefined): UnitRow[] | undefined {
  const state = timeline.at(date, knownAt === undefined ? {} : { knownAt })
  return isRight(state) ? libraryRows(toJSON(state.right).units) : undefined
}

/**
 * A valid history made bitemporal: each event recorded at one of a few instants (so several share
 * one) in any order with respect to its date, or never; retractions added while the history stays
 * valid, recorded at some instant or never.
 */
export const bitemporalHistoryArb: fc.Arbitrary<Event[]> = historyArb({ maxEvents: 30 }).chain((history) =>
  fc
    .tuple(
      fc.array(fc.option(fc.nat({ max: 12 }), { nil: undefined, freq: 4 }), {
        minLength: history.length,
        maxLength: history.length,
      }),
      fc.array(fc.tuple(fc.nat({ max: 1000 }), fc.option(fc.nat({ max: 12 }), { nil: undefined, freq: 5 })), {
        maxLength: 4,
      }),
      fc.boolean(),
    )
    .map(([slots, retractions, inOrder]) => {
      const sorted = inOrder ? [...slots].sort((a, b) => (a ?? -1) - (b ?? -1)) : slots
      const slotTime = (k: number) => instantText(BASE + (k * 7 + 3) * 24 * HOUR + k * HOUR)
      let events: Event[] = history.map((e, i) =>
        sorted[i] === undefined ? e : { ...e, recorded: slotTime(sorted[i]!) },
      )
      const retracted = new Set<string>()
      retractions.forEach(([index, slot], k) => {
        if (history.length === 0) return
        const target = history[index % history.length]!.id
        if (retracted.has(target)) return
        const retraction = eventRetracted(
          { event: target },
          { id: `retraction-${k}`, ...(slot === undefined ? {} : { recorded: slotTime(slot) }) },
        )
        const next = [...events, retraction]
        if (isRight(Timeline.from(next))) {
          events = next
          retracted.add(target)
        }
      })
      return events
    }),
)

/** Query instants of transaction time for a history: each recorded instant, a moment before and after, none. */
export function knownAtChoices(history: readonly Event[]): (string | undefined)[] {
  const instants = [
    ...new Set(history.flatMap((e) => (e.recorded === undefined ? [] : [parseDate(e.recorded)!.start]))),
  ]
  return [
    undefined,
    instantText(BASE - HOUR),
    ...instants.flatMap((t) => [instantText(t - 1), instantText(t), instantText(t + HOUR)]),
  ]
}

/** Query dates for a history (as the other properties draw them). */
export const queryDatesArb = fc.array(dateChoiceArb, { minLength: 1, maxLength: 6 })
export { queryDate }
