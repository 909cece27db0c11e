import { isLeft, isRight } from 'fp-ts/lib/Either.js'
import { type Event, formatError, type OrgState, type RuleError, step } from '../../src/index.js'

/** The state after an event that must be accepted (the test fails with the message otherwise). */
export function applied(state: OrgState, event: Event): OrgState {
  const r = step(state, event)
  if (isLeft(r)) throw new Error(formatError(r.left))
  return r.right
}

/** The rule an event must break (the test fails when it is accepted). */
export function rejection(state: OrgState, event: Event): RuleError {
  const r = step(state, event)
  if (isRight(r)) throw new Error(`expected ${event.type} '${event.id}' to be rejected`)
  return r.left
}
