import { freezeOwned } from '../domain/freeze.js'
import type { EventId } from '../domain/ids.js'
import type { OrgState } from '../domain/state.js'
import type { RuleError } from '../errors/types.js'
import type { Event } from '../events/event.js'
import { apply } from '../reducer/apply.js'
import { check } from '../reducer/check.js'
import { workingCopy } from '../timeline/fold.js'
import { happened } from './holds.js'

/** What folding a stretch of a history with a plan found. */
export interface TailNotes {
  /** Events skipped because the org already showed them (a creation, merge… the other side made). */
  readonly skipped: EventId[]
  readonly errors: RuleError[]
  /** The index (in the stretch's list) of each error's event. */
  readonly errorAt: number[]
}

/**
 * Folds `events[from, to)` into `base` as `fold` does, except that a structural event that has
 * already happened (see `happened`) is skipped: on one date the fact comes first, so a plan that
 * creates the unit the fact created is not an error, and the other way round. Events whose id is
 * in `drop` (retracted) are left out.
 */
export function foldTail(
  base: OrgState,
  events: readonly Event[],
  from: number,
  to: number,
  drop: ReadonlySet<EventId>,
  notes?: TailNotes,
): OrgState {
  if (from === to) return base
  const s = workingCopy(base)
  for (let i = from; i < to; i++) {
    const event = events[i]!
    if (drop.has(event.id)) continue
    if (happened(s as OrgState, event)) {
      notes?.skipped.push(event.id)
      continue
    }
    const error = check(s as OrgState, event)
    if (error === undefined) apply(s, event)
    else if (notes !== undefined) {
      notes.errors.push(error)
      notes.errorAt.push(i)
    }
  }
  return freezeOwned(s as OrgState)
}
