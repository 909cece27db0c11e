import type { OrgState } from '../domain/state.js'
import type { RuleError } from '../errors/types.js'
import type { LeaderAssigned } from '../events/LeaderAssigned.js'
import { endHolding, personDraft, requireActive, unitDraft, type Working } from './access.js'

/** The rule of {@link LeaderAssigned}: the unit is active. */
export function checkLeaderAssigned(s: OrgState, e: LeaderAssigned): RuleError | undefined {
  return requireActive(s, e, e.data.unit, 'unit')
}

/**
 * The effect of {@link LeaderAssigned}. A person already holding the role is updated in place
 * (`acting` as given, default `false`; `title` as given, else kept); otherwise, in `replace` mode,
 * the other holders of the role end first.
 */
export function applyLeaderAssigned(s: Working, e: LeaderAssigned): void {
  const { person, role = 'head', title, acting = false, mode = 'replace' } = e.data
  const unit = unitDraft(s, e.data.unit)
  const roles = personDraft(s, person).roles
  const held = unit.leaders.find((l) => l.person === person && l.role === role)
  if (held !== undefined) {
    const heldRole = roles.find((r) => r.unit === unit.id && r.role === role)!
    for (const h of [held, heldRole]) {
      h.acting = acting
      h.title = title ?? h.title
    }
    return
  }
  if (mode === 'replace') {
    for (const l of unit.leaders.filter((l) => l.role === role)) endHolding(s, unit, l.person, role)
  }
  unit.leaders.push({ person, role, title: title ?? null, acting, since: e.effective })
  roles.push({ unit: unit.id, role, title: title ?? null, acting, since: e.effective })
}
