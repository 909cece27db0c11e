import type { OrgState } from '../domain/state.js'
import type { RuleError } from '../errors/types.js'
import type { UnitCreated } from '../events/UnitCreated.js'
import { createUnit, getUnit, NO_ATTRIBUTES, NONE, refOf, requireActive, type Working } from './access.js'

/** The rule of {@link UnitCreated}: a new id, an active parent. */
export function checkUnitCreated(s: OrgState, e: UnitCreated): RuleError | undefined {
  const { unit, parent } = e.data
  if (getUnit(s, unit) !== undefined) return { _tag: 'UnitIdTaken', event: refOf(e), unit, field: 'unit' }
  return parent === undefined ? undefined : requireActive(s, e, parent, 'parent')
}

/** The effect of {@link UnitCreated}. */
export function applyUnitCreated(s: Working, e: UnitCreated): void {
  const { unit, name, kind, parent, attributes } = e.data
  createUnit(s, {
    id: unit,
    name,
    kind: kind ?? null,
    parent: parent ?? null,
    since: e.effective,
    attributes: attributes ?? NO_ATTRIBUTES,
    predecessors: NONE,
  })
}
