import type { OrgState } from '../domain/state.js'
import type { RuleError } from '../errors/types.js'
import type { LeaderRemoved } from '../events/LeaderRemoved.js'
import { endHolding, getUnit, refOf, unitDraft, type Working } from './access.js'

/** The rule of {@link LeaderRemoved}: the person holds that role in that unit. */
export function checkLeaderRemoved(s: OrgState, e: LeaderRemoved): RuleError | undefined {
  const { unit, person, role = 'head' } = e.data
  const u = getUnit(s, unit)
  if (u === undefined) return { _tag: 'UnknownUnit', event: refOf(e), unit, field: 'unit' }
  const holds = u.leaders.some((l) => l.person === person && l.role === role)
  return holds ? undefined : { _tag: 'RoleNotHeld', event: refOf(e), unit, person, role }
}

/** The effect of {@link LeaderRemoved}. */
export function applyLeaderRemoved(s: Working, e: LeaderRemoved): void {
  endHolding(s, unitDraft(s, e.data.unit), e.data.person, e.data.role ?? 'head')
}
