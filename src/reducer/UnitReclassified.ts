import type { OrgState } from '../domain/state.js'
import type { RuleError } from '../errors/types.js'
import type { UnitReclassified } from '../events/UnitReclassified.js'
import { requireActive, unitDraft, type Working } from './access.js'

/** The rule of {@link UnitReclassified}: the unit is active. */
export function checkUnitReclassified(s: OrgState, e: UnitReclassified): RuleError | undefined {
  return requireActive(s, e, e.data.unit, 'unit')
}

/** The effect of {@link UnitReclassified}: the unit's new kind (`null`: none). */
export function applyUnitReclassified(s: Working, e: UnitReclassified): void {
  unitDraft(s, e.data.unit).kind = e.data.kind
}
