import { type Either, left, right } from 'fp-ts/lib/Either.js'
import { produce } from 'immer'
import { parseDate } from '../domain/date.js'
import type { OrgState } from '../domain/state.js'
import type { RuleError } from '../errors/types.js'
import type { Event } from '../events/event.js'
import { refOf, type Working } from './access.js'
import { apply } from './apply.js'
import { check } from './check.js'

function advance(s: Working, event: Event): void {
  if (event.type === 'EventRetracted' || event.effective === undefined) return
  const date = parseDate(event.effective)
  const current = s.at === null ? undefined : parseDate(s.at)
  if (date !== undefined && (current === undefined || date.start >= current.start)) s.at = event.effective
}

/**
 * Applies an event to a state, assuming it is valid (see {@link step} for the checked version).
 * Pure: returns a new frozen state sharing every part the event did not touch.
 * @param state the state before
 * @param event an event that passed {@link check}
 * @returns the state after
 * @example
 * const s = evolve(emptyState(), unitCreated({ unit: 'g', name: 'Group' }, { effective: '2020' }))
 * @since 0.1.0
 */
export function evolve(state: OrgState, event: Event): OrgState {
  return produce(state, (draft) => {
    apply(draft, event)
    advance(draft, event)
  })
}

/**
 * Checks an event, then applies it: the state after, or the rule the event breaks.
 * @example
 * step(emptyState(), unitMoved({ unit: 'x', parent: null }, { effective: '2022' })) // Left UnknownUnit
 * @since 0.1.0
 */
export function step(state: OrgState, event: Event): Either<RuleError, OrgState> {
  if (event.effective !== undefined && parseDate(event.effective) === undefined)
    return left({ _tag: 'InvalidDate', event: refOf(event), value: event.effective })
  const error = check(state, event)
  return error === undefined ? right(evolve(state, event)) : left(error)
}
