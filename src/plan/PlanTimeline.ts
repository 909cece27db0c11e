import { type Either, isLeft, left, right } from 'fp-ts/lib/Either.js'
import { diff } from '../diff/diff.js'
import type { Diff } from '../diff/types.js'
import { parseDate } from '../domain/date.js'
import type { EventId } from '../domain/ids.js'
import type { OrgState } from '../domain/state.js'
import type { HistoryError, HistoryRuleError } from '../errors/types.js'
import type { Event } from '../events/event.js'
import { refOf } from '../reducer/access.js'
import { fold } from '../timeline/fold.js'
import { countBefore, inValidTimeOrder, type Ordered } from '../timeline/order.js'
import { type AtOptions, dateError, finish, orThrow, rangeError, withDates } from '../timeline/replay.js'
import { Timeline, type TimelineOptions } from '../timeline/Timeline.js'
import { visibleEvents } from '../timeline/visible.js'
import { explainConflict } from './blame.js'
import { foldTail, type TailNotes, type TailRules } from './fold.js'
import { happened, isStructural, structuralUnits } from './holds.js'
import { type FactView, factView } from './share.js'

/** How a plan timeline is built. @since 0.2.0 */
export interface PlanTimelineOptions extends TimelineOptions {
  /**
   * Start from the fact timeline's org at the plan's first date (default `true`). `false` folds the
   * whole history again, as a fresh timeline would: only for measuring what sharing saves.
   */
  readonly share?: boolean
}

/** The part of the history from the plan's first date on: fact and plan events in valid-time order. */
interface Tail {
  readonly ordered: Ordered
  readonly checkpoints: readonly OrgState[]
  readonly skipped: ReadonlySet<EventId>
  /** Retracted events, by the history or by the plan. */
  readonly drop: ReadonlySet<EventId>
}

/**
 * A history with a plan (DESIGN §8): the fact timeline's events, then the plan's, in valid-time
 * order (on one instant, fact events first). Before the plan's first date it is the fact
 * timeline itself, checkpoints and all; building it folds only the events from that date on, so
 * it costs the plan, not the history. A creation, merge, split or dissolution that the other side
 * already made is skipped, not rejected (a plan may say what the fact then did).
 * @example
 * const fact = Timeline.fromOrThrow(history)
 * const planned = PlanTimeline.fromOrThrow(fact, events)
 * planned.atOrThrow('2022-01-06')
 * @since 0.2.0
 */
export class PlanTimeline {
  private readonly known = new Map<string, PlanTimeline>()

  private constructor(
    /** The fact timeline. */
    readonly fact: Timeline,
    /** The plan's events, as given. */
    readonly plan: readonly Event[],
    private readonly view: FactView,
    /** The first instant of the plan (ms); before it, the org is the fact org. */
    private readonly pivot: number,
    private readonly tail: Tail,
    private readonly options: PlanTimelineOptions,
  ) {}

  /**
   * Builds the timeline of a fact timeline with a plan: every event from the plan's first date on
   * checked, and every error reported. An event broken by an event of the other side is a
   * `PlanConflict` naming both.
   * @param fact the fact timeline (valid)
   * @param plan the plan's events
   * @param options `checkpointEvery`, `share`
   * @returns the timeline, or every error
   * @example
   * PlanTimeline.from(timeline, events)
   * @since 0.2.0
   */
  static from(
    fact: Timeline,
    plan: readonly Event[],
    options: PlanTimelineOptions = {},
  ): Either<HistoryError[], PlanTimeline> {
    const view = factView(fact)
    const planIds = new Set(plan.map((e) => e.id))
    const retractedByPlan = new Set(plan.flatMap((e) => (e.type === 'EventRetracted' ? [e.data.event] : [])))
    const facts = factEventsWithIds(view, new Set([...planIds, ...retractedByPlan]))
    // Duplicate ids and retraction targets are checked against the history as well as the plan.
    const own = visibleEvents([...plan]).errors.filter((e) => e._tag === 'RetractsRetraction')
    const errors: HistoryError[] = [...duplicates(facts, plan), ...own, ...unknownTargets(facts, planIds, plan)]
    const { errors: dateErrors, ...ordered } = inValidTimeOrder(plan)
    errors.push(...dateErrors)
    let pivot = options.share === false ? Number.NEGATIVE_INFINITY : (ordered.starts[0] ?? Number.POSITIVE_INFINITY)
    for (let i = 0; i < view.events.length && retractedByPlan.size > 0; i++)
      if (retractedByPlan.has(view.events[i]!.id)) pivot = Math.min(pivot, view.start(i))
    const drop = new Set([...view.retracted, ...retractedByPlan])
    const from = pivot === Number.NEGATIVE_INFINITY ? 0 : view.countBefore(pivot)
    const tailEvents = inValidTimeOrder([...view.events.slice(from).filter((e) => !drop.has(e.id)), ...ordered.events])
    const base = pivot === Number.NEGATIVE_INFINITY ? undefined : view.stateBefore(pivot)
    const every = Math.max(1, Math.floor(options.checkpointEvery ?? fact.checkpointEvery))
    const notes: TailNotes = { skipped: [], errors: [], errorAt: [] }
    const makers = new Map<EventId, Event>()
    const rules = skipWhatTheOtherSideMade((id) => planIds.has(id), makers)
    const n = tailEvents.events.length
    let state = base ?? fold(undefined, { events: [], from: 0, to: 0 }, [])
    const checkpoints = [state]
    for (let at = 0; at < n; at += every) {
      state = foldTail(state, tailEvents.events, at, Math.min(n, at + every), drop, rules, notes)
      checkpoints.push(state)
    }
    const skipped = new Set(notes.skipped)
    const inert = new Set([...skipped, ...notes.errors.map((e) => e.event.id), ...drop])
    notes.errors.forEach((error, k) => {
      const before = earlierEvents(tailEvents.events, notes.errorAt[k]!, view, from)
      errors.push(explainConflict(error, (id) => planIds.has(id), before, inert, makers.get(error.event.id)))
    })
    const tail: Tail = { ordered: tailEvents, checkpoints, skipped, drop }
    return finish(new PlanTimeline(fact, plan, view, pivot, tail, options), errors)
  }

  /** {@link PlanTimeline.from} for scripts: throws `HistoryErrors`. @since 0.2.0 */
  static fromOrThrow(fact: Timeline, plan: readonly Event[], options?: PlanTimelineOptions): PlanTimeline {
    return orThrow(PlanTimeline.from(fact, plan, options))
  }

  /** Ids of the events skipped because the org already showed what they do. @since 0.2.0 */
  get skipped(): ReadonlySet<EventId> {
    return this.tail.skipped
  }

  /**
   * The org at a date under the plan. With `knownAt`, the fact history and the plan as recorded by
   * then (built anew, not shared).
   * @param date `2022-01-06`, `2021-03`, an RFC 3339 instant
   * @param options `knownAt`
   * @returns the org, or why the date is not one
   * @example
   * PlanTimeline.fromOrThrow(timeline, events).at('2022-01-06')
   * @since 0.2.0
   */
  at(date: string, options: AtOptions = {}): Either<HistoryError[], OrgState> {
    const at = parseDate(date)
    if (at === undefined) return left([dateError('date', date)])
    if (options.knownAt !== undefined) return this.asKnownAt(options.knownAt, (t) => t.at(date))
    if (at.end <= this.pivot) return this.fact.at(date)
    const to = countBefore(this.tail.ordered, at.end)
    const k = Math.floor(to / this.every)
    const skipped: TailRules = { skip: (_, e) => this.tail.skipped.has(e.id) }
    const state = foldTail(
      this.tail.checkpoints[k]!,
      this.tail.ordered.events,
      k * this.every,
      to,
      this.dropped,
      skipped,
    )
    return right(withDates(state, at.text, null))
  }

  /** {@link PlanTimeline.at} for scripts: throws `HistoryErrors`. @since 0.2.0 */
  atOrThrow(date: string, options?: AtOptions): OrgState {
    return orThrow(this.at(date, options))
  }

  /**
   * The diff between the org under the plan at two dates (`from` exclusive, `to` inclusive) and
   * the events between, fact and plan.
   * @param from the earlier date
   * @param to the later date
   * @param options `knownAt`
   * @returns the diff, or why a date is not one
   * @example
   * PlanTimeline.fromOrThrow(timeline, events).diff('2021-12-31', '2022-01-06')
   * @since 0.2.0
   */
  diff(from: string, to: string, options: AtOptions = {}): Either<HistoryError[], Diff> {
    if (options.knownAt !== undefined) return this.asKnownAt(options.knownAt, (t) => t.diff(from, to))
    const a = this.at(from)
    const b = this.at(to)
    if (isLeft(a) || isLeft(b)) return left([...(isLeft(a) ? a.left : []), ...(isLeft(b) ? b.left : [])])
    const reversed = rangeError(from, to)
    if (reversed !== undefined) return left([reversed])
    const [start, end] = [parseDate(from)!.end, parseDate(to)!.end].sort((x, y) => x - y) as [number, number]
    return right(diff(a.right, b.right, this.idsBetween(start, end)))
  }

  /** {@link PlanTimeline.diff} for scripts: throws `HistoryErrors`. @since 0.2.0 */
  diffOrThrow(from: string, to: string, options?: AtOptions): Diff {
    return orThrow(this.diff(from, to, options))
  }

  /**
   * Every event of the history with the plan in valid-time order (retracted ones left out): what
   * a fresh timeline of the history followed by the plan would replay.
   * @since 0.2.0
   */
  get events(): readonly Event[] {
    const before = this.view.countBefore(this.pivot)
    const facts = this.view.events.slice(0, before).filter((e) => !this.view.retracted.has(e.id))
    return [...facts, ...this.tail.ordered.events.filter((e) => !this.dropped.has(e.id))]
  }

  private get every(): number {
    return Math.max(1, Math.floor(this.options.checkpointEvery ?? this.fact.checkpointEvery))
  }

  private get dropped(): ReadonlySet<EventId> {
    return this.tail.drop
  }

  private idsBetween(start: number, end: number): EventId[] {
    const ids: EventId[] = []
    const lastFact = Math.min(this.view.countBefore(end), this.view.countBefore(this.pivot))
    for (let i = this.view.countBefore(start); i < lastFact; i++)
      if (!this.view.retracted.has(this.view.events[i]!.id)) ids.push(this.view.events[i]!.id)
    const tail = this.tail.ordered
    for (let i = countBefore(tail, start); i < countBefore(tail, end); i++)
      if (!this.dropped.has(tail.events[i]!.id)) ids.push(tail.events[i]!.id)
    return ids
  }

  private asKnownAt<A>(knownAt: string, f: (t: PlanTimeline) => Either<HistoryError[], A>) {
    if (parseDate(knownAt) === undefined) return left([dateError('knownAt', knownAt)])
    let t = this.known.get(knownAt)
    if (t === undefined) {
      const fact = Timeline.from(visibleEvents(this.fact.history, knownAt).events)
      if (isLeft(fact)) return fact
      const planned = PlanTimeline.from(fact.right, visibleEvents([...this.plan], knownAt).events, this.options)
      if (isLeft(planned)) return planned
      this.known.set(knownAt, (t = planned.right))
    }
    return f(t)
  }
}

/**
 * The fact events with one of the ids asked for: one pass over the history, comparing each id with
 * the few the plan has (no index of a million ids is built).
 */
function factEventsWithIds(view: FactView, ids: ReadonlySet<EventId>): Map<EventId, Event> {
  const found = new Map<EventId, Event>()
  if (ids.size === 0) return found
  for (const e of view.timeline.history) if (ids.has(e.id) && !found.has(e.id)) found.set(e.id, e)
  return found
}

/** Plan events whose id the history or an earlier plan event already has. */
function duplicates(facts: ReadonlyMap<EventId, Event>, plan: readonly Event[]): HistoryRuleError[] {
  const first = new Map<EventId, Event>()
  const out: HistoryRuleError[] = []
  for (const e of plan) {
    const earlier = facts.get(e.id) ?? first.get(e.id)
    if (earlier === undefined) first.set(e.id, e)
    else out.push({ _tag: 'DuplicateEventId', event: refOf(e), first: refOf(earlier) })
  }
  return out
}

/** Retractions in the plan of events that neither the history nor the plan has. */
function unknownTargets(facts: ReadonlyMap<EventId, Event>, planIds: ReadonlySet<EventId>, plan: readonly Event[]) {
  return plan.flatMap((e): HistoryRuleError[] =>
    e.type === 'EventRetracted' && !facts.has(e.data.event) && !planIds.has(e.data.event)
      ? [{ _tag: 'UnknownRetractionTarget', event: refOf(e), target: e.data.event }]
      : [],
  )
}

/** The events before the tail's `index`-th, latest first: the tail's, then the fact's before the pivot. */
function* earlierEvents(tail: readonly Event[], index: number, view: FactView, from: number): Generator<Event> {
  for (let i = index - 1; i >= 0; i--) yield tail[i]!
  for (let i = from - 1; i >= 0; i--) yield view.events[i]!
}

/**
 * A structural event (creation, merge, split, dissolution) that has already happened is skipped,
 * not rejected, when the other side made it: on one date the fact comes first, so a plan that
 * creates the unit the fact created is not an error, and the other way round. What a side did
 * itself is checked as any history is (a plan that dissolves a unit its own cascade ended is an
 * error, as it is in the history with the plan appended). Units made before the tail are the fact's.
 */
function skipWhatTheOtherSideMade(isPlan: (id: EventId) => boolean, makers: Map<EventId, Event>): TailRules {
  const madeBy = new Map<string, Event>()
  const byPlan = (u: string) => {
    const maker = madeBy.get(u)
    return maker !== undefined && isPlan(maker.id)
  }
  return {
    skip: (state, event) =>
      happened(state, event) && structuralUnits(event).every((u) => byPlan(u) !== isPlan(event.id)),
    applied: (event, units) => {
      if (isStructural(event)) for (const u of units) madeBy.set(u, event)
    },
    // The event that created or ended the unit an existence rule met (a cascade included), when the tail made it.
    failed: (event, error) => {
      const unit = 'unit' in error && typeof error.unit === 'string' ? error.unit : undefined
      const maker = unit === undefined ? undefined : madeBy.get(unit)
      if (maker !== undefined && (error._tag === 'UnitEnded' || error._tag === 'UnitIdTaken'))
        makers.set(event.id, maker)
    },
  }
}
