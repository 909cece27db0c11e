import type { EventId, UnitId } from '../domain/ids.js'
import type { OrgState } from '../domain/state.js'
import type { RuleError } from '../errors/types.js'
import type { Event } from '../events/event.js'
import { type Touched, watchChanges } from '../reducer/access.js'
import { apply } from '../reducer/apply.js'
import { check } from '../reducer/check.js'
import { transient } from '../reducer/working.js'

/** What folding a stretch of a history with a plan found. */
export interface TailNotes {
  /** Events skipped because the org already showed them (a creation, merge… the other side made). */
  readonly skipped: EventId[]
  readonly errors: RuleError[]
  /** The index (in the stretch's list) of each error's event. */
  readonly errorAt: number[]
}

/** Which events a fold skips, and what it learns from those it applies. */
export interface TailRules {
  /** Whether to skip the event (it is neither checked nor applied). */
  readonly skip: (state: OrgState, event: Event) => boolean
  /** Called after an event is applied, with the units it changed. */
  readonly applied?: (event: Event, units: ReadonlySet<UnitId>) => void
  /** Called when an event breaks a rule, before the fold goes on. */
  readonly failed?: (event: Event, error: RuleError) => void
}

/**
 * Folds `events[from, to)` into `base` as `fold` does, except for the events `rules` skips (see
 * `PlanTimeline`: a structural event the other side already made). Events whose id is in `drop`
 * (retracted) are left out.
 */
export function foldTail(
  base: OrgState,
  events: readonly Event[],
  from: number,
  to: number,
  drop: ReadonlySet<EventId>,
  rules: TailRules,
  notes?: TailNotes,
): OrgState {
  if (from === to) return base
  return transient(base, (s) => {
    for (let i = from; i < to; i++) {
      const event = events[i]!
      if (drop.has(event.id)) continue
      if (rules.skip(s as OrgState, event)) {
        notes?.skipped.push(event.id)
        continue
      }
      const error = check(s as OrgState, event)
      if (error === undefined) {
        if (rules.applied === undefined) apply(s, event)
        else {
          const touched: Touched = { units: new Set(), people: new Set() }
          watchChanges(touched, () => apply(s, event))
          rules.applied(event, touched.units)
        }
      } else if (notes !== undefined) {
        rules.failed?.(event, error)
        notes.errors.push(error)
        notes.errorAt.push(i)
      }
    }
  })
}
