import { type Either, isLeft, left, right } from 'fp-ts/lib/Either.js'
import { parseDate } from '../domain/date.js'
import type { EventRef, HistoryError } from '../errors/types.js'
import type { Event } from '../events/event.js'
import { refOf } from '../reducer/access.js'
import { dateError, orThrow } from '../timeline/replay.js'
import type { Timeline } from '../timeline/Timeline.js'
import { sharedAspect, type Touch, touches } from './aspects.js'

const key = (t: Touch) => `${t.unit}\u0000${t.aspect}`

import { holds } from './holds.js'
import { PlanTimeline } from './PlanTimeline.js'
import { factView } from './share.js'
import { recordedAfter } from './statuses.js'

/**
 * A plan event and the later fact it meets: the fact changed the same unit and aspect (an
 * overlap, a warning), or did what the plan event does (already applied, a note).
 * @since 0.2.0
 */
export interface PlanFinding {
  readonly event: EventRef
  readonly fact: EventRef
  /** The unit and aspect both change. */
  readonly touch: Touch
}

/**
 * How a plan drafted at `base` stands against the fact events recorded since (DESIGN §8).
 * @since 0.2.0
 */
export interface Rebase {
  /** When the plan was drafted. */
  readonly base: string
  /** Why plan events no longer apply (an event broken by a fact names that fact); empty when all apply. */
  readonly invalid: readonly HistoryError[]
  /** Plan events that apply, where a later fact changed the same unit and aspect. */
  readonly overlaps: readonly PlanFinding[]
  /** Plan events a later fact already did; they are left out when the plan is checked. */
  readonly applied: readonly PlanFinding[]
}

/** The fact events recorded after `base`, in valid-time order (retracted ones left out). */
function laterFacts(fact: Timeline, base: number): Event[] {
  const view = factView(fact)
  return view.events.filter((e) => !view.retracted.has(e.id) && recordedAfter(e, base))
}

/** The first later fact that did what `p` does: it changed the same aspect and its org shows `p`'s effect. */
function appliedBy(fact: Timeline, p: Event, later: readonly Event[]): PlanFinding | undefined {
  for (const f of later) {
    const touch = sharedAspect(p, f)
    if (touch !== undefined && holds(fact.atOrThrow(f.effective!), p)) return { event: refOf(p), fact: refOf(f), touch }
  }
  return undefined
}

/**
 * Sorts each plan event against the fact events recorded after the plan was drafted: *invalid*
 * (it no longer applies: an error naming the fact that broke it), *overlap* (a later fact changed
 * the same unit and aspect: a warning), *already applied* (a later fact did the same: a note).
 * A later fact on the same unit but another aspect is not reported.
 * @param fact the fact timeline
 * @param plan the plan's events
 * @param base when the plan was drafted (a date or an instant; a date means its end)
 * @returns the classes, or why `base` is not a date
 * @example
 * const { invalid, overlaps, applied } = rebasePlanOrThrow(timeline, events, '2021-11-30')
 * @since 0.2.0
 */
export function rebasePlan(fact: Timeline, plan: readonly Event[], base: string): Either<HistoryError[], Rebase> {
  const at = parseDate(base)
  if (at === undefined) return left([dateError('base', base)])
  const later = laterFacts(fact, at.end)
  const applied: PlanFinding[] = []
  const rest: Event[] = []
  for (const p of plan) {
    const found = p.type === 'EventRetracted' ? undefined : appliedBy(fact, p, later)
    if (found === undefined) rest.push(p)
    else applied.push(found)
  }
  const checked = PlanTimeline.from(fact, rest)
  const invalid = isLeft(checked) ? checked.left : []
  const broken = new Set(invalid.flatMap((e) => ('event' in e && e.event !== undefined ? [e.event.id] : [])))
  const firstBy = new Map<string, Event>()
  for (const f of later) for (const t of touches(f)) if (!firstBy.has(key(t))) firstBy.set(key(t), f)
  const overlaps: PlanFinding[] = []
  for (const p of rest) {
    if (broken.has(p.id)) continue
    const touch = touches(p).find((t) => firstBy.has(key(t)))
    if (touch !== undefined) overlaps.push({ event: refOf(p), fact: refOf(firstBy.get(key(touch))!), touch })
  }
  return right({ base, invalid, overlaps, applied })
}

/** {@link rebasePlan} for scripts: throws `HistoryErrors` for a bad date (not for invalid plan events). @since 0.2.0 */
export function rebasePlanOrThrow(fact: Timeline, plan: readonly Event[], base: string): Rebase {
  return orThrow(rebasePlan(fact, plan, base))
}
