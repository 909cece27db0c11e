import type { OrgState } from '../domain/state.js'
import type { RuleError } from '../errors/types.js'
import type { Event } from '../events/event.js'
import { type Lookups, type Working, watchChanges } from '../reducer/access.js'
import { apply } from '../reducer/apply.js'
import { check } from '../reducer/check.js'
import { transient, workingCopy } from '../reducer/working.js'
import type { TouchRecorder } from './touches.js'

export { workingCopy }

/** Events `from` (inclusive) to `to` (exclusive) of a list. */
export interface Slice {
  readonly events: readonly Event[]
  readonly from: number
  readonly to: number
  /** When given, only the events at the indexes it accepts are applied. */
  readonly include?: (index: number) => boolean
  /**
   * `false` when every event of the slice is known to pass its rules (a timeline refolding its own,
   * already checked history): the events are applied without checking them again.
   */
  readonly checked?: boolean
  /** When given, records the units each applied event changes (the index of `Timeline.diff`). */
  readonly touches?: TouchRecorder
}

/** Applies events to a working state, skipping (and reporting) those that break a rule. */
export function applyAll(s: Working, slice: Slice, errors: RuleError[]): void {
  if (slice.touches === undefined) applyEach(s, slice, errors)
  else watchChanges(slice.touches, () => applyEach(s, slice, errors))
}

function applyEach(s: Working, { events, from, to, include, checked, touches }: Slice, errors: RuleError[]): void {
  for (let i = from; i < to; i++) {
    if (include !== undefined && !include(i)) continue
    touches?.begin(i)
    const event = events[i]!
    if (checked === false) {
      apply(s, event)
      continue
    }
    const error = check(s as OrgState, event)
    if (error === undefined) apply(s, event)
    else errors.push(error)
  }
}

/**
 * Folds events into a state with immer's recipes on a transient working copy: nodes the fold makes
 * are changed in place, frozen nodes of `base` are copied before their first change, and what the
 * fold made is frozen once at the end. The result shares every node the events did not touch with `base`.
 * (One immer `produce` over the same events gives the same state, a few times slower: every read
 * goes through a proxy.) `lookups`, when given, must be those of the fold that made `base`.
 */
export function fold(base: OrgState | undefined, slice: Slice, errors: RuleError[], lookups?: Lookups): OrgState {
  if (base !== undefined && slice.from === slice.to) return base
  return transient(base, (working) => applyAll(working, slice, errors), lookups)
}
