import { type Either, isLeft, left, right } from 'fp-ts/lib/Either.js'
import { diff, diffOfUnits } from '../diff/diff.js'
import type { Diff } from '../diff/types.js'
import { parseDate } from '../domain/date.js'
import type { EventId } from '../domain/ids.js'
import type { OrgState } from '../domain/state.js'
import type { HistoryError, InvalidatedBy, RuleError } from '../errors/types.js'
import type { Event } from '../events/event.js'
import { newLookups, refOf } from '../reducer/access.js'
import { check } from '../reducer/check.js'
import { fold } from './fold.js'
import { countBefore, inValidTimeOrder, type Ordered } from './order.js'
import { type AtOptions, dateError, finish, orThrow, rangeError, withDates } from './replay.js'
import { type Touches, TouchRecorder } from './touches.js'
import { visibleEvents } from './visible.js'

/** How a timeline is built. @since 0.1.0 */
export interface TimelineOptions {
  /**
   * A checkpoint (a frozen, structurally shared state) every this many events. Smaller: faster
   * queries, more memory. Default 4,096.
   */
  readonly checkpointEvery?: number
}

const NEVER = Number.POSITIVE_INFINITY
const ALWAYS = Number.NEGATIVE_INFINITY

const instant = (text: string | undefined, none: number) => (text === undefined ? none : parseDate(text)!.start)

/**
 * A history indexed for questions at many dates. Built once (every event checked, in valid-time
 * order), it keeps a checkpoint of the org every `checkpointEvery` events; the org at a date is the
 * nearest checkpoint before it plus a short replay, so a query costs the distance to a checkpoint,
 * not the length of the history. Checkpoints share every part that did not change between them.
 *
 * With `knownAt` (transaction time), checkpoints before the first event the two views disagree on
 * (a late-recorded event, or a retraction not yet recorded) are reused.
 * @example
 * const timeline = Timeline.fromOrThrow(history)
 * const org = timeline.atOrThrow('2022-01-06')
 * const asKnown = timeline.atOrThrow('2022-01-06', { knownAt: '2022-01-05' })
 * @since 0.1.0
 */
export class Timeline {
  private constructor(
    /** The history as given. */
    readonly history: readonly Event[],
    private readonly ordered: Ordered,
    private readonly recordedAt: Times,
    private readonly retractedAt: Times,
    private readonly lateFrom: Times,
    private readonly retractedIndexes: readonly number[],
    private readonly checkpoints: readonly OrgState[],
    /** The units each event changed, in the full view (without `knownAt`). */
    private readonly touches: Touches,
    /** Events between two checkpoints. */
    readonly checkpointEvery: number,
  ) {}

  /**
   * Builds a timeline: every event checked in valid-time order, with every error reported,
   * including events that were valid when recorded and are broken by events recorded later.
   * @since 0.1.0
   */
  static from(events: readonly Event[], options: TimelineOptions = {}): Either<HistoryError[], Timeline> {
    const every = Math.max(1, Math.floor(options.checkpointEvery ?? 4096))
    const visible = visibleEvents(events)
    const { errors: dateErrors, ...ordered } = inValidTimeOrder(events)
    const n = ordered.events.length
    const recordedAt = Float64Array.from(ordered.events, (e) => instant(e.recorded, ALWAYS))
    const retractedAt = retractionTimes(events, ordered)
    const lateFrom = new Float64Array(n)
    let latest = ALWAYS
    for (let i = 0; i < n; i++) {
      if (retractedAt[i] === NEVER) latest = Math.max(latest, recordedAt[i]!)
      lateFrom[i] = latest
    }
    const retractedIndexes = [...retractedAt.keys()].filter((i) => retractedAt[i] !== NEVER)
    const include = fullView(retractedAt, retractedIndexes)
    const ruleErrors: RuleError[] = []
    const touches = new TouchRecorder(n)
    // checkpoints[k] is the org after the first k × every events.
    // One set of lookups for every fold: each goes on from the state the one before made.
    const lookups = newLookups()
    let state = fold(undefined, { events: ordered.events, from: 0, to: 0 }, ruleErrors, lookups)
    const checkpoints = [state]
    for (let from = 0; from < n; from += every) {
      const slice = { events: ordered.events, from, to: Math.min(n, from + every), include, touches }
      state = fold(state, slice, ruleErrors, lookups)
      checkpoints.push(state)
    }
    const timeline = new Timeline(
      events,
      ordered,
      compact(recordedAt),
      compact(retractedAt),
      compact(lateFrom),
      retractedIndexes,
      checkpoints,
      touches.finish(),
      every,
    )
    const explained = ruleErrors.map((e) => timeline.explain(e))
    return finish(timeline, [...visible.errors, ...dateErrors, ...explained])
  }

  /** {@link Timeline.from} for scripts: throws `HistoryErrors`. @since 0.1.0 */
  static fromOrThrow(events: readonly Event[], options?: TimelineOptions): Timeline {
    return orThrow(Timeline.from(events, options))
  }

  /** Number of events in valid-time order (retractions are not counted). @since 0.1.0 */
  get size(): number {
    return this.ordered.events.length
  }

  /** The events in valid-time order, retracted ones included. @since 0.1.0 */
  get events(): readonly Event[] {
    return this.ordered.events
  }

  /**
   * The org at a date, as recorded by `knownAt` when given (DESIGN §3).
   * @param date `2022-01-06`, `2021-03`, an RFC 3339 instant
   * @example
   * timeline.at('2021-12-31')
   * @since 0.1.0
   */
  at(date: string, options: AtOptions = {}): Either<HistoryError[], OrgState> {
    const at = parseDate(date)
    if (at === undefined) return left([dateError('date', date)])
    const known = options.knownAt === undefined ? undefined : parseDate(options.knownAt)
    if (options.knownAt !== undefined && known === undefined) return left([dateError('knownAt', options.knownAt)])
    const to = countBefore(this.ordered, at.end)
    const errors: RuleError[] = []
    const state = this.replayTo(to, known?.end, errors)
    return finish(withDates(state, at.text, known === undefined ? null : options.knownAt!), errors)
  }

  /** {@link Timeline.at} for scripts: throws `HistoryErrors`. @since 0.1.0 */
  atOrThrow(date: string, options?: AtOptions): OrgState {
    return orThrow(this.at(date, options))
  }

  /**
   * The diff between the org at two dates (`from` exclusive, `to` inclusive) and the events between.
   * @since 0.1.0
   */
  diff(from: string, to: string, options: AtOptions = {}): Either<HistoryError[], Diff> {
    const a = this.at(from, options)
    const b = this.at(to, options)
    if (isLeft(a) || isLeft(b)) return left([...(isLeft(a) ? a.left : []), ...(isLeft(b) ? b.left : [])])
    const reversed = rangeError(from, to)
    if (reversed !== undefined) return left([reversed])
    const [start, end] = [parseDate(from)!.end, parseDate(to)!.end].sort((x, y) => x - y) as [number, number]
    const cut = options.knownAt === undefined ? NEVER : parseDate(options.knownAt)!.end
    const [first, last] = [countBefore(this.ordered, start), countBefore(this.ordered, end)]
    const ids: EventId[] = []
    for (let i = first; i < last; i++) if (this.visible(i, cut)) ids.push(this.ordered.events[i]!.id)
    // The index holds what each event changed in the full view; a view limited by `knownAt` may
    // apply an event to a different org (a late record not yet known), so it compares whole orgs.
    if (options.knownAt === undefined)
      return right(diffOfUnits(a.right, b.right, ids, this.touches.between(first, last)))
    return right(diff(a.right, b.right, ids))
  }

  /** {@link Timeline.diff} for scripts: throws `HistoryErrors`. @since 0.1.0 */
  diffOrThrow(from: string, to: string, options?: AtOptions): Diff {
    return orThrow(this.diff(from, to, options))
  }

  /**
   * The dates on which something takes effect, in order (normalized date texts, each once).
   * @since 0.1.0
   */
  changeDates(options: AtOptions = {}): string[] {
    const cut = options.knownAt === undefined ? NEVER : (parseDate(options.knownAt)?.end ?? NEVER)
    const dates: string[] = []
    for (let i = 0; i < this.size; i++) {
      const text = this.ordered.events[i]!.effective
      if (this.visible(i, cut) && dates[dates.length - 1] !== text) dates.push(text)
    }
    return dates
  }

  /** Whether the event at an ordered index is part of the history as known at `cut` (exclusive). */
  private visible(i: number, cut: number): boolean {
    return timeAt(this.recordedAt, i) < cut && timeAt(this.retractedAt, i) >= cut
  }

  /** The first ordered index where the history known at `cut` differs from the full one. */
  private divergence(cut: number): number {
    let lo = 0
    let hi = this.size
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (timeAt(this.lateFrom, mid) < cut) lo = mid + 1
      else hi = mid
    }
    for (const i of this.retractedIndexes) if (i < lo && this.visible(i, cut)) lo = i
    return lo
  }

  /** The state after the first `to` ordered events of the history known at `cut`. */
  private replayTo(to: number, cut: number | undefined, errors: RuleError[]): OrgState {
    const limit = cut === undefined ? to : Math.min(to, this.divergence(cut))
    const k = Math.floor(limit / this.checkpointEvery)
    const include =
      cut === undefined ? fullView(this.retractedAt, this.retractedIndexes) : (i: number) => this.visible(i, cut)
    // A timeline exists only for a history without errors, so its full view needs no checks; a view
    // limited by `knownAt` may break rules (an event recorded before what it relied on) and is checked.
    const checked = cut !== undefined
    return fold(
      this.checkpoints[k],
      { events: this.ordered.events, from: k * this.checkpointEvery, to, include, checked },
      errors,
    )
  }

  /** Turns a rule error of the full history into `InvalidatedBy` when later records broke the event. */
  private explain(error: RuleError): HistoryError {
    const index = this.ordered.events.findIndex((e) => e.id === error.event.id)
    const recorded = timeAt(this.recordedAt, index)
    if (index < 0 || recorded === ALWAYS) return error
    const cut = recorded + 1
    const before = this.replayTo(index, cut, [])
    if (check(before, this.ordered.events[index]!) !== undefined) return error
    const by = []
    for (let i = 0; i <= index; i++) {
      const retractedAt = timeAt(this.retractedAt, i)
      const late = timeAt(this.recordedAt, i) >= cut && retractedAt === NEVER
      const retracted = retractedAt >= cut && retractedAt !== NEVER
      if (late) by.push(refOf(this.ordered.events[i]!))
      if (retracted) by.push(...this.retractionsOf(this.ordered.events[i]!.id))
    }
    // Nothing recorded later broke it: the event was already invalid when recorded (e.g. the same
    // event appended twice, both copies recorded at once), so the rule error is the whole story.
    if (by.length === 0) return error
    return { _tag: 'InvalidatedBy', event: error.event, rule: error, by } satisfies InvalidatedBy
  }

  private retractionsOf(id: EventId) {
    return this.history.filter((e) => e.type === 'EventRetracted' && e.data.event === id).map(refOf)
  }
}

/**
 * One instant per ordered event, or the instant they all share: a history without `recorded` times
 * or retractions keeps a number, not three arrays of a million numbers.
 */
type Times = Float64Array | number

const timeAt = (times: Times, i: number): number => (typeof times === 'number' ? times : times[i]!)

/** The events of the full view (all but the retracted ones), as a fold's `include`: `undefined` for all. */
function fullView(retractedAt: Times, retractedIndexes: readonly number[]): ((i: number) => boolean) | undefined {
  return retractedIndexes.length === 0 ? undefined : (i) => timeAt(retractedAt, i) === NEVER
}

function compact(times: Float64Array): Times {
  const first = times[0] ?? NEVER
  return times.every((t) => t === first) ? first : times
}

/** For each ordered event, when it was retracted: never, always (a retraction without `recorded`), or an instant. */
function retractionTimes(events: readonly Event[], ordered: Ordered): Float64Array {
  const at = new Float64Array(ordered.events.length).fill(NEVER)
  const retractions = events.filter((e) => e.type === 'EventRetracted')
  if (retractions.length === 0) return at
  const index = new Map(ordered.events.map((e, i) => [e.id, i]))
  for (const r of retractions) {
    const i = index.get(r.data.event)
    if (i !== undefined) at[i] = Math.min(at[i]!, instant(r.recorded, ALWAYS))
  }
  return at
}
