import type { OrgState } from '../domain/state.js'
import type { RuleError } from '../errors/types.js'
import type { LeaderRemoved } from '../events/LeaderRemoved.js'
import { endHolding, getUnit, holdingIndex, refOf, requireActive, unitDraft, type Working } from './access.js'

/** The rule of {@link LeaderRemoved}: the person holds that role in that unit. */
export function checkLeaderRemoved(s: OrgState, e: LeaderRemoved): RuleError | undefined {
  const { unit, person, role = 'head' } = e.data
  const error = requireActive(s, e, unit, 'unit')
  if (error !== undefined) return error
  return holdingIndex(getUnit(s, unit)!.leaders, person, role) >= 0
    ? undefined
    : { _tag: 'RoleNotHeld', event: refOf(e), unit, person, role }
}

/** The effect of {@link LeaderRemoved}. */
export function applyLeaderRemoved(s: Working, e: LeaderRemoved): void {
  endHolding(s, unitDraft(s, e.data.unit), e.data.person, e.data.role ?? 'head')
}
