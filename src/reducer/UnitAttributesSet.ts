import type { Attributes, Json, OrgState } from '../domain/state.js'
import type { RuleError } from '../errors/types.js'
import type { UnitAttributesSet } from '../events/UnitAttributesSet.js'
import { requireActive, unitDraft, type Working } from './access.js'

/** The rule of {@link UnitAttributesSet}: the unit is active. */
export function checkUnitAttributesSet(s: OrgState, e: UnitAttributesSet): RuleError | undefined {
  return requireActive(s, e, e.data.unit, 'unit')
}

/**
 * Merges attributes, `null` deleting a key: keys keep their place, new keys come last. Built with
 * `Object.fromEntries`, which defines keys, so a key such as `__proto__` is stored as data and
 * never changes a prototype.
 */
export function mergeAttributes(base: Attributes, changes: Attributes): Attributes {
  const merged: [string, Json][] = []
  for (const key of Object.keys(base)) {
    const value = Object.hasOwn(changes, key) ? changes[key]! : base[key]!
    if (value !== null) merged.push([key, value])
  }
  for (const key of Object.keys(changes)) {
    const value = changes[key]!
    if (value !== null && !Object.hasOwn(base, key)) merged.push([key, value])
  }
  return Object.fromEntries(merged)
}

/** The effect of {@link UnitAttributesSet}. */
export function applyUnitAttributesSet(s: Working, e: UnitAttributesSet): void {
  const unit = unitDraft(s, e.data.unit)
  unit.attributes = mergeAttributes(unit.attributes, e.data.attributes) as typeof unit.attributes
}
