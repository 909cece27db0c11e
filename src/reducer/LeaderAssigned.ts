import type { OrgState } from '../domain/state.js'
import type { RuleError } from '../errors/types.js'
import type { LeaderAssigned } from '../events/LeaderAssigned.js'
import { endHolding, holdingIndex, list, personDraft, requireActive, unitDraft, type Working } from './access.js'

/** The rule of {@link LeaderAssigned}: the unit is active. */
export function checkLeaderAssigned(s: OrgState, e: LeaderAssigned): RuleError | undefined {
  return requireActive(s, e, e.data.unit, 'unit')
}

/**
 * The effect of {@link LeaderAssigned}. In `replace` mode the other holders of the role end first.
 * A person already holding the role keeps it from its first date, with `acting` as given (default
 * `false`: an acting head confirmed) and `title` as given (`null` clears it), else kept.
 */
export function applyLeaderAssigned(s: Working, e: LeaderAssigned): void {
  const { person, role = 'head', title, acting = false, mode = 'replace' } = e.data
  const unit = unitDraft(s, e.data.unit)
  if (mode === 'replace') {
    // Each holder found again after the one before ended (ending one changes the list).
    for (let i = 0; i < unit.leaders.length; ) {
      const l = unit.leaders[i]!
      if (l.role === role && l.person !== person) endHolding(s, unit, l.person, role)
      else i++
    }
  }
  const roles = list(personDraft(s, person), 'roles')
  const held = holdingIndex(unit.leaders, person, role)
  if (held < 0) {
    list(unit, 'leaders').push({ person, role, title: title ?? null, acting, since: e.effective })
    roles.push({ unit: unit.id, role, title: title ?? null, acting, since: e.effective })
    return
  }
  // Replaced, not changed in place: the holding may be shared with earlier states.
  const heldRole = roles.findIndex((r) => r.unit === unit.id && r.role === role)
  const update = { acting, title: title === undefined ? unit.leaders[held]!.title : title }
  list(unit, 'leaders')[held] = { ...unit.leaders[held]!, ...update }
  roles[heldRole] = { ...roles[heldRole]!, ...update }
}
