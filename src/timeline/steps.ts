import { dayText, parseDate } from '../domain/date.js'
import type { OrgState } from '../domain/state.js'
import type { RuleError } from '../errors/types.js'
import type { Event } from '../events/event.js'
import { fold } from './fold.js'
import { countBefore, type OrgEvent } from './order.js'
import { type AtOptions, dateError, HistoryErrors, prepare, withDates } from './replay.js'

/** One event of a replay, with the org just before and just after it. @since 0.1.0 */
export interface Step {
  readonly event: OrgEvent
  readonly before: OrgState
  readonly after: OrgState
}

/** A part of a history: events effective after `from` (exclusive) up to `to` (inclusive). @since 0.1.0 */
export interface RangeOptions extends AtOptions {
  readonly from?: string
  readonly to?: string
}

function cutoff(date: string | undefined, field: string, none: number): number {
  if (date === undefined) return none
  const parsed = parseDate(date)
  if (parsed === undefined) throw new HistoryErrors([dateError(field, date)])
  return parsed.end
}

/**
 * Replays a history event by event, yielding each event with the org before and after it. It
 * streams: only the current state is kept, so a replay of a million events holds one org at a
 * time (every `after` shares all it did not change with its `before`). Throws `HistoryErrors` at
 * the first event that breaks a rule.
 * @param events the history
 * @param options `from` (exclusive), `to` (inclusive), `knownAt`
 * @example
 * for (const { event, before, after } of replaySteps(history, { from: '2021-12-31' })) console.log(event.id)
 * @since 0.1.0
 */
export function* replaySteps(events: readonly Event[], options: RangeOptions = {}): Generator<Step> {
  const { ordered, errors } = prepare(events, options.knownAt)
  if (errors.length > 0) throw new HistoryErrors(errors)
  const start = countBefore(ordered, cutoff(options.from, 'from', Number.NEGATIVE_INFINITY))
  const end = countBefore(ordered, cutoff(options.to, 'to', Number.POSITIVE_INFINITY))
  const ruleErrors: RuleError[] = []
  const knownAt = options.knownAt ?? null
  let state = withDates(
    fold(undefined, { events: ordered.events, from: 0, to: start }, ruleErrors),
    options.from ?? null,
    knownAt,
  )
  for (let i = start; i < end && ruleErrors.length === 0; i++) {
    const event = ordered.events[i]!
    const after = withDates(
      fold(state, { events: ordered.events, from: i, to: i + 1 }, ruleErrors),
      event.effective,
      knownAt,
    )
    if (ruleErrors.length > 0) break
    yield { event, before: state, after }
    state = after
  }
  if (ruleErrors.length > 0) throw new HistoryErrors(ruleErrors)
}

/**
 * Folds a history with a callback called for every event with the org before and after it.
 * @param events the history
 * @param initial the first accumulator
 * @param f called once per event, in valid-time order
 * @example
 * const moves = foldHistory(history, 0, (n, { event }) => (event.type === 'UnitMoved' ? n + 1 : n))
 * @since 0.1.0
 */
export function foldHistory<A>(
  events: readonly Event[],
  initial: A,
  f: (acc: A, step: Step) => A,
  options: RangeOptions = {},
): A {
  let acc = initial
  for (const step of replaySteps(events, options)) acc = f(acc, step)
  return acc
}

/** Which dates {@link statesBetween} yields. @since 0.1.0 */
export type Every = 'change' | 'month' | 'year' | { readonly days: number }

function calendar(from: number, to: number, every: Exclude<Every, 'change'>): string[] {
  const dates: string[] = []
  const d = new Date(from)
  if (typeof every === 'object') {
    const step = Math.max(1, Math.floor(every.days))
    for (let t = from + step * 86_400_000 - 1; t < to; t += step * 86_400_000) dates.push(dayText(t))
    return dates
  }
  const months = every === 'year' ? 12 : 1
  const first = d.getUTCFullYear() * 12 + (every === 'year' ? 0 : d.getUTCMonth())
  for (let index = first; ; index += months) {
    const [y, m] = [Math.floor(index / 12), (index % 12) + 1]
    const year = String(y).padStart(4, '0')
    const date = every === 'year' ? year : `${year}-${String(m).padStart(2, '0')}`
    const end = parseDate(date)!.end
    if (end > to) break
    if (end > from) dates.push(date)
  }
  return dates
}

/**
 * The org at a series of dates between `from` (exclusive) and `to` (inclusive): at every date on
 * which something takes effect (`'change'`, the default), at every month or year end, or every N
 * days. It streams, one state at a time, each built from the one before.
 * @example
 * for (const { date, state } of statesBetween(history, '2021-01', '2022-12', { every: 'month' })) chart.push([date, activeCount(state)])
 * @since 0.1.0
 */
export function* statesBetween(
  events: readonly Event[],
  from: string,
  to: string,
  options: AtOptions & { readonly every?: Every } = {},
): Generator<{ readonly date: string; readonly state: OrgState }> {
  const start = cutoff(from, 'from', 0)
  const end = cutoff(to, 'to', 0)
  const { ordered, errors } = prepare(events, options.knownAt)
  if (errors.length > 0) throw new HistoryErrors(errors)
  const every = options.every ?? 'change'
  const dates =
    every === 'change'
      ? [
          ...new Set(
            ordered.events.slice(countBefore(ordered, start), countBefore(ordered, end)).map((e) => e.effective),
          ),
        ]
      : calendar(start, end, every)
  const ruleErrors: RuleError[] = []
  let state: OrgState | undefined
  let next = 0
  for (const date of dates) {
    const upTo = Math.max(next, countBefore(ordered, parseDate(date)!.end))
    state = fold(state, { events: ordered.events, from: next, to: upTo }, ruleErrors)
    if (ruleErrors.length > 0) throw new HistoryErrors(ruleErrors)
    next = upTo
    yield { date, state: withDates(state, date, options.knownAt ?? null) }
  }
}
