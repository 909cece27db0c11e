import { type Either, isLeft, left, right } from 'fp-ts/lib/Either.js'
import { freeze } from 'immer'
import { DATE_FORMS, parseDate } from '../domain/date.js'
import type { OrgState } from '../domain/state.js'
import { formatError } from '../errors/format.js'
import type { HistoryError, RuleError } from '../errors/types.js'
import type { Event } from '../events/event.js'
import { fold } from './fold.js'
import { countBefore, inValidTimeOrder, type Ordered } from './order.js'
import { visibleEvents } from './visible.js'

/** Options of a query at a date. @since 0.1.0 */
export interface AtOptions {
  /** Transaction time: only what was recorded by then (an RFC 3339 instant, or a date meaning its end). */
  readonly knownAt?: string
}

/**
 * Every error of a history, thrown by the `…OrThrow` functions. `message` has one line per error.
 * @since 0.1.0
 */
export class HistoryErrors extends Error {
  override readonly name = 'HistoryErrors'
  constructor(readonly errors: readonly HistoryError[]) {
    super(errors.map(formatError).join('\n'))
  }
}

export function withDates(state: OrgState, at: string | null, knownAt: string | null): OrgState {
  return state.at === at && state.knownAt === knownAt ? state : freeze({ ...state, at, knownAt })
}

export function finish<A>(value: A, errors: HistoryError[]): Either<HistoryError[], A> {
  return errors.length > 0 ? left(errors) : right(value)
}

/**
 * The events of a history that a query sees, in valid-time order, with the errors found on the way.
 * @internal
 */
export function prepare(
  events: readonly Event[],
  knownAt: string | undefined,
): { ordered: Ordered; errors: HistoryError[] } {
  const visible = visibleEvents(events, knownAt)
  const { errors, ...ordered } = inValidTimeOrder(visible.events)
  return { ordered, errors: [...visible.errors, ...errors] }
}

/** Replays the events effective before `cutoff`, as known at `knownAt`. */
function replayUpTo(
  events: readonly Event[],
  cutoff: number,
  at: string | undefined,
  knownAt: string | undefined,
): Either<HistoryError[], OrgState> {
  const { ordered, errors } = prepare(events, knownAt)
  const to = countBefore(ordered, cutoff)
  const ruleErrors: RuleError[] = []
  const state = fold(undefined, { events: ordered.events, from: 0, to }, ruleErrors)
  const date = at ?? ordered.events[to - 1]?.effective ?? null
  return finish(withDates(state, date, knownAt ?? null), [...errors, ...ruleErrors])
}

/**
 * Replays a whole history: checks every event in valid-time order and folds it into the org.
 * @param events the history, in listed order (ties of `effective` keep this order)
 * @param options `knownAt` limits the history to what was recorded by then
 * @returns the final state, or every error of the history (not only the first)
 * @example
 * replay([unitCreated({ unit: 'g', name: 'Group' }, { effective: '2020' })]) // Right(state)
 * @since 0.1.0
 */
export function replay(events: readonly Event[], options: AtOptions = {}): Either<HistoryError[], OrgState> {
  if (options.knownAt !== undefined && parseDate(options.knownAt) === undefined)
    return left([dateError('knownAt', options.knownAt)])
  return replayUpTo(events, Number.POSITIVE_INFINITY, undefined, options.knownAt)
}

/**
 * Folds more events onto a state, checked, in valid-time order: `foldEvents(replay(a), b)` equals
 * `replay([...a, ...b])` when no event of `b` is dated before the last of `a`.
 * @since 0.1.0
 */
export function foldEvents(state: OrgState, events: readonly Event[]): Either<HistoryError[], OrgState> {
  const { errors, ...ordered } = inValidTimeOrder(events)
  const ruleErrors: RuleError[] = []
  const next = fold(state, { events: ordered.events, from: 0, to: ordered.events.length }, ruleErrors)
  const last = ordered.events[ordered.events.length - 1]
  return finish(withDates(next, last?.effective ?? state.at, state.knownAt), [...errors, ...ruleErrors])
}

/**
 * The org at a date (DESIGN §3): every event effective on or before it. A calendar date means the
 * whole day (UTC), a month or year its end, an instant itself.
 * @param events the history
 * @param date `2022-01-06`, `2021-03`, `2022-01-01T09:00:00+08:00`
 * @param options `knownAt`: as recorded by then
 * @example
 * stateAt(history, '2022-01-06', { knownAt: '2022-01-05' })
 * @since 0.1.0
 */
export function stateAt(
  events: readonly Event[],
  date: string,
  options: AtOptions = {},
): Either<HistoryError[], OrgState> {
  const at = parseDate(date)
  if (at === undefined) return left([dateError('date', date)])
  if (options.knownAt !== undefined && parseDate(options.knownAt) === undefined)
    return left([dateError('knownAt', options.knownAt)])
  return replayUpTo(events, at.end, at.text, options.knownAt)
}

/**
 * The org at several dates in one pass over the history: each state is built from the one before,
 * so consecutive states share every part that did not change (and diff cheaply).
 * @param dates any order; the states come back in the same order
 * @example
 * const [before, after] = statesAtOrThrow(history, ['2021-12-31', '2022-01-06'])
 * @since 0.1.0
 */
export function statesAt(
  events: readonly Event[],
  dates: readonly string[],
  options: AtOptions = {},
): Either<HistoryError[], OrgState[]> {
  const parsed = dates.map(parseDate)
  const bad = dates.filter((_, i) => parsed[i] === undefined).map((d) => dateError('date', d))
  if (options.knownAt !== undefined && parseDate(options.knownAt) === undefined)
    bad.push(dateError('knownAt', options.knownAt))
  if (bad.length > 0) return left(bad)
  const { ordered, errors } = prepare(events, options.knownAt)
  const ruleErrors: RuleError[] = []
  const order = dates.map((_, i) => i).sort((a, b) => parsed[a]!.end - parsed[b]!.end)
  const states: OrgState[] = new Array(dates.length)
  let state: OrgState | undefined
  let next = 0
  for (const i of order) {
    const end = Math.max(next, countBefore(ordered, parsed[i]!.end))
    state = fold(state, { events: ordered.events, from: next, to: end }, ruleErrors)
    next = end
    states[i] = withDates(state, parsed[i]!.text, options.knownAt ?? null)
  }
  return finish(states, [...errors, ...ruleErrors])
}

export function dateError(field: string, value: string): HistoryError {
  return {
    _tag: 'DecodeError',
    eventId: null,
    eventType: null,
    origin: null,
    path: field,
    message: `expected a date (${DATE_FORMS}), got ${JSON.stringify(value)}`,
  }
}

/** The error of a range whose end comes before its start, or `undefined` when it is in order. */
export function rangeError(from: string, to: string): HistoryError | undefined {
  if (parseDate(from)!.end <= parseDate(to)!.end) return undefined
  const message = `'${to}' is before from '${from}'; give the earlier date first`
  return { _tag: 'DecodeError', eventId: null, eventType: null, origin: null, path: 'to', message }
}

export function orThrow<A>(result: Either<HistoryError[], A>): A {
  if (isLeft(result)) throw new HistoryErrors(result.left)
  return result.right
}

/** {@link replay} for scripts: throws {@link HistoryErrors}. @since 0.1.0 */
export const replayOrThrow = (events: readonly Event[], options?: AtOptions): OrgState =>
  orThrow(replay(events, options))

/** {@link statesAt} for scripts: throws {@link HistoryErrors}. @since 0.1.0 */
export const statesAtOrThrow = (events: readonly Event[], dates: readonly string[], options?: AtOptions): OrgState[] =>
  orThrow(statesAt(events, dates, options))

/** {@link stateAt} for scripts: throws {@link HistoryErrors}. @since 0.1.0 */
export const stateAtOrThrow = (events: readonly Event[], date: string, options?: AtOptions): OrgState =>
  orThrow(stateAt(events, date, options))
