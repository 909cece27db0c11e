import type { OrgState } from '../domain/state.js'
import type { RuleError } from '../errors/types.js'
import type { UnitRenamed } from '../events/UnitRenamed.js'
import { list, requireActive, unitDraft, type Working } from './access.js'

/** The rule of {@link UnitRenamed}: the unit is active. */
export function checkUnitRenamed(s: OrgState, e: UnitRenamed): RuleError | undefined {
  return requireActive(s, e, e.data.unit, 'unit')
}

/** The effect of {@link UnitRenamed}: the new name, appended to the name history. */
export function applyUnitRenamed(s: Working, e: UnitRenamed): void {
  const unit = unitDraft(s, e.data.unit)
  unit.name = e.data.name
  list(unit, 'names').push({ name: e.data.name, since: e.effective })
}
