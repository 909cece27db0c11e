import type { OrgState } from '../domain/state.js'
import type { RuleError } from '../errors/types.js'
import type { LeaderRemoved } from '../events/LeaderRemoved.js'
import { endHolding, getUnit, refOf, requireActive, unitDraft, type Working } from './access.js'

/** The rule of {@link LeaderRemoved}: the person holds that role in that unit. */
export function checkLeaderRemoved(s: OrgState, e: LeaderRemoved): RuleError | undefined {
  const { unit, person, role = 'head' } = e.data
  const error = requireActive(s, e, unit, 'unit')
  if (error !== undefined) return error
  const holds = getUnit(s, unit)!.leaders.some((l) => l.person === person && l.role === role)
  return holds ? undefined : { _tag: 'RoleNotHeld', event: refOf(e), unit, person, role }
}

/** The effect of {@link LeaderRemoved}. */
export function applyLeaderRemoved(s: Working, e: LeaderRemoved): void {
  endHolding(s, unitDraft(s, e.data.unit), e.data.person, e.data.role ?? 'head')
}
