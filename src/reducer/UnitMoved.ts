import type { OrgState } from '../domain/state.js'
import type { RuleError } from '../errors/types.js'
import type { UnitMoved } from '../events/UnitMoved.js'
import { isWithin, refOf, reparent, requireActive, unitDraft, type Working } from './access.js'

/** The rule of {@link UnitMoved}: both active, and the parent outside the unit's subtree. */
export function checkUnitMoved(s: OrgState, e: UnitMoved): RuleError | undefined {
  const { unit, parent } = e.data
  const error =
    requireActive(s, e, unit, 'unit') ?? (parent === null ? undefined : requireActive(s, e, parent, 'parent'))
  if (error !== undefined || parent === null) return error
  return isWithin(s, parent, unit)
    ? { _tag: 'ParentInSubtree', event: refOf(e), unit, parent, field: 'parent' }
    : undefined
}

/** The effect of {@link UnitMoved}: the unit and its subtree change parent. */
export function applyUnitMoved(s: Working, e: UnitMoved): void {
  reparent(s, unitDraft(s, e.data.unit), e.data.parent)
}
