import type { UnitId } from '../domain/ids.js'
import { childrenOf } from './content.js'
import type { Snapshot, SnapshotUnit } from './snapshot.js'

/** The units of a snapshot depth-first from the roots, siblings by id: parents before children. */
export function parentsFirst(snapshot: Snapshot): SnapshotUnit[] {
  const byId = new Map(snapshot.units.map((u) => [u.id, u]))
  const children = childrenOf(snapshot)
  const out: SnapshotUnit[] = []
  const stack: UnitId[] = snapshot.units
    .filter((u) => u.parent === null)
    .map((u) => u.id)
    .sort()
    .reverse()
  while (stack.length > 0) {
    const id = stack.pop()!
    out.push(byId.get(id)!)
    const below = [...(children.get(id) ?? [])].sort().reverse()
    for (const child of below) stack.push(child)
  }
  return out
}
