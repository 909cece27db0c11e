import type { UnitId } from '../domain/ids.js'
import type { OrgState } from '../domain/state.js'
import type { RuleError } from '../errors/types.js'
import type { UnitMerged } from '../events/UnitMerged.js'
import {
  createUnit,
  endUnit,
  getUnit,
  list,
  NO_ATTRIBUTES,
  NONE,
  refOf,
  reparent,
  requireActive,
  selfAndAncestors,
  unitDraft,
  type Working,
} from './access.js'

/** The highest of `sources` among `unit` and its ancestors, if any. */
function topSourceAbove(s: OrgState, unit: UnitId | null, sources: ReadonlySet<UnitId>): UnitId | undefined {
  let top: UnitId | undefined
  for (const id of selfAndAncestors(s, unit)) if (sources.has(id)) top = id
  return top
}

/** Where a new `into` goes: the given parent, or the first source's parent above the merged units. */
function parentOfNewInto(s: OrgState, e: UnitMerged): UnitId | null {
  if (e.data.parent !== undefined) return e.data.parent
  const first = getUnit(s, e.data.units[0]!)!.parent
  const top = topSourceAbove(s, first, new Set(e.data.units))
  return top === undefined ? first : getUnit(s, top)!.parent
}

function checkSources(s: OrgState, e: UnitMerged): RuleError | undefined {
  const seen = new Set<UnitId>()
  for (const unit of e.data.units) {
    if (unit === e.data.into) return { _tag: 'IntoAmongSources', event: refOf(e), unit }
    if (seen.has(unit)) return { _tag: 'DuplicateSource', event: refOf(e), unit }
    seen.add(unit)
    const error = requireActive(s, e, unit, 'unit')
    if (error !== undefined) return error
  }
  return undefined
}

function checkInto(s: OrgState, e: UnitMerged): RuleError | undefined {
  const { into, units, parent } = e.data
  const sources = new Set(units)
  if (getUnit(s, into) !== undefined) {
    const extra = (['name', 'kind', 'parent'] as const).filter((f) => e.data[f] !== undefined)
    if (extra.length > 0) return { _tag: 'FieldsForNewInto', event: refOf(e), unit: into, fields: extra }
    const error = requireActive(s, e, into, 'into')
    const source = topSourceAbove(s, into, sources)
    return (
      error ?? (source === undefined ? undefined : { _tag: 'IntoInsideSource', event: refOf(e), unit: into, source })
    )
  }
  if (e.data.name === undefined) return { _tag: 'NameRequired', event: refOf(e), unit: into }
  if (parent === undefined) return undefined
  const source = topSourceAbove(s, parent, sources)
  return (
    requireActive(s, e, parent, 'parent') ??
    (source === undefined
      ? undefined
      : { _tag: 'ParentEnds', event: refOf(e), unit: source, parent, field: 'parent', how: 'merged' })
  )
}

/** The rules of {@link UnitMerged}: active distinct sources, and an `into` that can take them. */
export function checkUnitMerged(s: OrgState, e: UnitMerged): RuleError | undefined {
  return checkSources(s, e) ?? checkInto(s, e)
}

/** The effect of {@link UnitMerged}. */
export function applyUnitMerged(s: Working, e: UnitMerged): void {
  const { into, units, name, kind } = e.data
  const target =
    getUnit(s, into) === undefined
      ? createUnit(s, {
          id: into,
          name: name!,
          kind: kind ?? null,
          parent: parentOfNewInto(s, e),
          since: e.effective,
          attributes: NO_ATTRIBUTES,
          predecessors: NONE,
        })
      : unitDraft(s, into)
  for (const id of units) {
    const source = unitDraft(s, id)
    for (const child of [...source.children]) reparent(s, unitDraft(s, child), into)
    endUnit(s, source, 'merged', e.effective, [into])
    list(target, 'predecessors').push(id)
  }
}
