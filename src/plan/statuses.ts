import { type Either, isLeft, left, right } from 'fp-ts/lib/Either.js'
import { parseDate } from '../domain/date.js'
import type { EventId } from '../domain/ids.js'
import type { HistoryError } from '../errors/types.js'
import type { Event } from '../events/event.js'
import { dateError, orThrow } from '../timeline/replay.js'
import type { Timeline } from '../timeline/Timeline.js'
import { touches } from './aspects.js'
import { holds } from './holds.js'
import { factView } from './share.js'

/**
 * Where a plan event stands on a date (DESIGN §8): `pending` (effective after the date),
 * `realized` (the fact org on the date already shows it), `diverged` (not realized, and a fact
 * event effective by the date changed the same unit and aspect), `missed` (the rest).
 * @since 0.2.0
 */
export type PlanEventStatus = 'pending' | 'realized' | 'diverged' | 'missed'

/**
 * The status of one plan event; `by` names the fact event a diverged one went another way by.
 * @since 0.2.0
 */
export interface PlanStatus {
  readonly event: EventId
  readonly status: PlanEventStatus
  readonly by?: EventId
}

/** Options of {@link planStatuses}. @since 0.2.0 */
export interface PlanStatusOptions {
  /** When the plan was drafted: only fact events recorded after it count for `diverged`. */
  readonly base?: string
}

const key = (unit: string, aspect: string) => `${unit}\u0000${aspect}`

/** `recorded` after `base` (exclusive end of the base date); events without `recorded` were always known. */
export const recordedAfter = (e: Event, base: number) =>
  e.recorded !== undefined && parseDate(e.recorded)!.start >= base

/**
 * The status of each event of a plan on a date, against a fact timeline (DESIGN §8). Retractions in
 * a plan are `realized` when the history retracts the same event, `missed` otherwise.
 * @param fact the fact timeline
 * @param plan the plan's events, in the order given
 * @param date the date to look from
 * @param options `base`: when the plan was drafted
 * @returns one status per plan event, in the plan's order, or why a date is not one
 * @example
 * planStatuses(timeline, events, '2022-01-06')
 * @since 0.2.0
 */
export function planStatuses(
  fact: Timeline,
  plan: readonly Event[],
  date: string,
  options: PlanStatusOptions = {},
): Either<HistoryError[], PlanStatus[]> {
  const at = parseDate(date)
  if (at === undefined) return left([dateError('date', date)])
  const base = options.base === undefined ? undefined : parseDate(options.base)
  if (options.base !== undefined && base === undefined) return left([dateError('base', options.base)])
  const undated = plan.find((e) => e.type !== 'EventRetracted' && parseDate(e.effective) === undefined)
  if (undated !== undefined) return left([dateError('effective', undated.effective ?? '')])
  const org = fact.at(date)
  if (isLeft(org)) return org
  const view = factView(fact)
  const wanted = new Set(plan.flatMap((e) => touches(e).map((t) => key(t.unit, t.aspect))))
  const lastBy = new Map<string, EventId>()
  for (let i = 0; i < view.countBefore(at.end); i++) {
    const f = view.events[i]!
    if (view.retracted.has(f.id) || (base !== undefined && !recordedAfter(f, base.end))) continue
    for (const t of touches(f)) if (wanted.has(key(t.unit, t.aspect))) lastBy.set(key(t.unit, t.aspect), f.id)
  }
  const retracted = view.retracted
  return right(
    plan.map((p): PlanStatus => {
      if (p.type === 'EventRetracted')
        return { event: p.id, status: retracted.has(p.data.event) ? 'realized' : 'missed' }
      if (parseDate(p.effective)!.start >= at.end) return { event: p.id, status: 'pending' }
      if (holds(org.right, p)) return { event: p.id, status: 'realized' }
      const by = touches(p)
        .map((t) => lastBy.get(key(t.unit, t.aspect)))
        .find((id) => id !== undefined)
      return by === undefined ? { event: p.id, status: 'missed' } : { event: p.id, status: 'diverged', by }
    }),
  )
}

/** {@link planStatuses} for scripts: throws `HistoryErrors`. @since 0.2.0 */
export function planStatusesOrThrow(
  fact: Timeline,
  plan: readonly Event[],
  date: string,
  options?: PlanStatusOptions,
): PlanStatus[] {
  return orThrow(planStatuses(fact, plan, date, options))
}
