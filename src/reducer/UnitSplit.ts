import type { UnitId } from '../domain/ids.js'
import type { OrgState } from '../domain/state.js'
import type { RuleError } from '../errors/types.js'
import type { UnitSplit } from '../events/UnitSplit.js'
import {
  createUnit,
  endUnit,
  getUnit,
  isWithin,
  list,
  NO_ATTRIBUTES,
  refOf,
  reparent,
  requireActive,
  unitDraft,
  type Working,
} from './access.js'

function checkParts(s: OrgState, e: UnitSplit): RuleError | undefined {
  const { unit, into, retain } = e.data
  const earlier = new Set<UnitId>()
  for (const [i, part] of into.entries()) {
    if (earlier.has(part.unit)) return { _tag: 'DuplicateNewUnit', event: refOf(e), unit: part.unit }
    if (getUnit(s, part.unit) !== undefined)
      return { _tag: 'UnitIdTaken', event: refOf(e), unit: part.unit, field: `into[${i}].unit` }
    const parent = part.parent
    if (parent !== undefined && !earlier.has(parent)) {
      const field = `into[${i}].parent`
      const error = requireActive(s, e, parent, field)
      if (error !== undefined) return error
      if (parent === unit && retain !== true)
        return { _tag: 'ParentEnds', event: refOf(e), unit, parent, field, how: 'split' }
      if (isWithin(s, parent, unit) && parent !== unit)
        return { _tag: 'ParentInSubtree', event: refOf(e), unit, parent, field }
    }
    earlier.add(part.unit)
  }
  return undefined
}

function checkChildren(s: OrgState, e: UnitSplit): RuleError | undefined {
  const { unit, into, retain, children = {} } = e.data
  const active = getUnit(s, unit)!.children
  const targets = new Set(into.map((part) => part.unit))
  for (const [child, target] of Object.entries(children)) {
    if (!active.includes(child)) return { _tag: 'NotAChild', event: refOf(e), unit, child }
    if (!targets.has(target)) return { _tag: 'MappingOutsideSplit', event: refOf(e), child, target }
  }
  const unmapped = retain === true ? [] : active.filter((child) => !Object.hasOwn(children, child))
  return unmapped.length > 0 ? { _tag: 'ChildUnmapped', event: refOf(e), unit, children: unmapped } : undefined
}

/** The rules of {@link UnitSplit}: an active source, new ids, valid parents, children mapped. */
export function checkUnitSplit(s: OrgState, e: UnitSplit): RuleError | undefined {
  return requireActive(s, e, e.data.unit, 'unit') ?? checkParts(s, e) ?? checkChildren(s, e)
}

/** The effect of {@link UnitSplit}. */
export function applyUnitSplit(s: Working, e: UnitSplit): void {
  const { unit, into, retain, children = {} } = e.data
  const source = unitDraft(s, unit)
  for (const part of into) {
    const parent = part.parent ?? source.parent
    createUnit(s, {
      id: part.unit,
      name: part.name,
      kind: part.kind ?? null,
      parent,
      since: e.effective,
      attributes: NO_ATTRIBUTES,
      predecessors: [unit],
    })
  }
  for (const [child, target] of Object.entries(children)) reparent(s, unitDraft(s, child), target)
  const parts = into.map((part) => part.unit)
  if (retain === true) list(source, 'spunOut').push(...parts)
  else endUnit(s, source, 'split', e.effective, parts)
}
