import type { UnitId } from '../domain/ids.js'
import type { Name } from '../domain/name.js'
import type { OrgState, Unit, UnitStatus } from '../domain/state.js'
import { unit as getUnit } from './units.js'

/** How one unit led to another. @since 0.1.0 */
export type LineageLink = 'merged' | 'split' | 'spun-out'

/** A unit in a lineage tree, with how and when it is linked to the unit above it. @since 0.1.0 */
export interface LineageNode {
  readonly unit: UnitId
  readonly name: Name
  readonly status: UnitStatus
  readonly since: string
  readonly ended: string | null
  /** How the unit above and this one are linked (`merged`: the older one merged into the newer). */
  readonly link: LineageLink
  /** When the link took effect. */
  readonly date: string
  /** The next generation in the same direction. */
  readonly next: readonly LineageNode[]
}

/** Where a unit came from and what became of it, to any depth. @since 0.1.0 */
export interface Lineage {
  readonly unit: UnitId
  /** Units it came from (merged or split into it, or spun out of), each with their own predecessors. */
  readonly predecessors: readonly LineageNode[]
  /** Units it became (merged or split into, or spun out), each with their own successors. */
  readonly successors: readonly LineageNode[]
}

/** How `older` led to `newer`, and when. */
function linkOf(older: Unit, newer: Unit): { link: LineageLink; date: string } {
  if (older.spunOut.includes(newer.id)) return { link: 'spun-out', date: newer.since }
  return { link: older.status === 'merged' ? 'merged' : 'split', date: older.ended ?? newer.since }
}

/** The units linked to `u` in one direction: what it came from, or what it spun out and ended into (in that order). */
const linked = (u: Unit, direction: Direction): readonly UnitId[] =>
  direction === 'predecessors'
    ? u.predecessors
    : u.spunOut.length === 0
      ? u.successors
      : [...u.spunOut, ...u.successors]

type Direction = 'predecessors' | 'successors'

/**
 * Builds one direction of the tree without recursion, so a chain of any length is fine. Links only
 * go from an ending unit to a new or active one, so there are no cycles; a unit reached twice (two
 * units merged, then split again) is listed twice and expanded once.
 */
function grow(state: OrgState, from: Unit, direction: Direction): LineageNode[] {
  const top: LineageNode[] = []
  const expanded = new Set<UnitId>([from.id])
  const stack: { unit: Unit; into: LineageNode[] }[] = [{ unit: from, into: top }]
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    for (const id of linked(item.unit, direction)) {
      const other = getUnit(state, id)
      if (other === undefined) continue
      const { link, date } = direction === 'successors' ? linkOf(item.unit, other) : linkOf(other, item.unit)
      const next: LineageNode[] = []
      const { since, ended, status, name } = other
      item.into.push({ unit: id, name, status, since, ended, link, date, next })
      if (!expanded.has(id)) stack.push({ unit: other, into: next })
      expanded.add(id)
    }
  }
  return top
}

/**
 * The lineage of a unit across merges and splits: its predecessors and successors to any depth,
 * each with the date and kind of the link. Read from a state, usually the org at the end of the
 * history (units never disappear, so ended ones keep their links).
 * @param state the org (e.g. `replayOrThrow(history)`)
 * @param id the unit
 * @returns the lineage, or `undefined` when the unit is unknown
 * @example
 * lineage(replayOrThrow(history), 'taobao-tmall')?.predecessors.map((p) => p.unit) // ['taobao', 'tmall']
 * @since 0.1.0
 */
export function lineage(state: OrgState, id: UnitId): Lineage | undefined {
  const u = getUnit(state, id)
  if (u === undefined) return undefined
  return { unit: id, predecessors: grow(state, u, 'predecessors'), successors: grow(state, u, 'successors') }
}
