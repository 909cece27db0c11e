import type { UnitId } from '../domain/ids.js'
import type { OrgState, Unit } from '../domain/state.js'
import { trieGet, trieValues } from '../domain/trie.js'

const byId = (a: Unit, b: Unit) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

/**
 * The unit with this id, active or ended.
 * @example
 * unit(state, 'taobao-tmall')?.name // { 'zh-Hant': '大淘寶', en: 'Taobao & Tmall' }
 * @since 0.1.0
 */
export function unit(state: OrgState, id: UnitId): Unit | undefined {
  return trieGet(state.units, id)
}

/**
 * The active children of a unit, by id.
 * @since 0.1.0
 */
export function children(state: OrgState, id: UnitId): Unit[] {
  return (unit(state, id)?.children ?? []).map((c) => unit(state, c)!).sort(byId)
}

/**
 * The active root units, by id.
 * @since 0.1.0
 */
export function roots(state: OrgState): Unit[] {
  return state.roots.map((r) => unit(state, r)!).sort(byId)
}

/**
 * The ancestors of a unit, nearest first (its parent, then the parent's parent…).
 * @since 0.1.0
 */
export function ancestors(state: OrgState, id: UnitId): Unit[] {
  const out: Unit[] = []
  for (let p = unit(state, id)?.parent ?? null; p !== null; p = unit(state, p)?.parent ?? null)
    out.push(unit(state, p)!)
  return out
}

/**
 * A unit and every active unit below it, depth-first, siblings by id. Iterative: a chain of any
 * depth is fine.
 * @since 0.1.0
 */
export function subtree(state: OrgState, id: UnitId): Unit[] {
  const top = unit(state, id)
  return top === undefined ? [] : depthFirst(state, [top])
}

/**
 * Every active unit, depth-first from the roots, siblings by id (the order of DESIGN §4).
 * @since 0.1.0
 */
export function activeUnits(state: OrgState): Unit[] {
  return depthFirst(state, roots(state))
}

/** Depth-first walk with the depth of each unit. @since 0.1.0 */
export function* walk(state: OrgState, tops: readonly Unit[]): Generator<{ unit: Unit; depth: number }> {
  const stack = tops.map((u) => ({ unit: u, depth: 0 })).reverse()
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    yield next
    const kids = children(state, next.unit.id)
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ unit: kids[i]!, depth: next.depth + 1 })
  }
}

function depthFirst(state: OrgState, tops: readonly Unit[]): Unit[] {
  return Array.from(walk(state, tops), (w) => w.unit)
}

/**
 * Units that have ended (merged, split or dissolved), by end date then id, with their successors.
 * @since 0.1.0
 */
export function endedUnits(state: OrgState): Unit[] {
  const ended = [...trieValues(state.units)].filter((u) => u.status !== 'active')
  return ended.sort((a, b) => (a.ended! < b.ended! ? -1 : a.ended! > b.ended! ? 1 : byId(a, b)))
}

/**
 * Number of active units.
 * @since 0.1.0
 */
export function activeCount(state: OrgState): number {
  let n = 0
  for (const u of trieValues(state.units)) if (u.status === 'active') n++
  return n
}
