import type { Draft } from 'immer'
import type { OrgState, Unit } from '../domain/state.js'
import type { RuleError } from '../errors/types.js'
import type { UnitDissolved } from '../events/UnitDissolved.js'
import { endUnit, getUnit, refOf, requireActive, unitDraft, type Working } from './access.js'

/** The rule of {@link UnitDissolved}: active, and no active children unless `cascade`. */
export function checkUnitDissolved(s: OrgState, e: UnitDissolved): RuleError | undefined {
  const error = requireActive(s, e, e.data.unit, 'unit')
  if (error !== undefined || e.data.cascade === true) return error
  const children = getUnit(s, e.data.unit)!.children
  return children.length > 0
    ? { _tag: 'HasActiveChildren', event: refOf(e), unit: e.data.unit, children: [...children] }
    : undefined
}

/** The effect of {@link UnitDissolved}: the unit (and with `cascade` its active subtree) ends. */
export function applyUnitDissolved(s: Working, e: UnitDissolved): void {
  const pending: Draft<Unit>[] = [unitDraft(s, e.data.unit)]
  for (let unit = pending.pop(); unit !== undefined; unit = pending.pop()) {
    for (const child of unit.children) pending.push(unitDraft(s, child))
    endUnit(s, unit, 'dissolved', e.effective, [])
    if (unit.children.length > 0) unit.children = []
  }
}
