import type { UnitId } from '../domain/ids.js'
import type { Snapshot, SnapshotUnit } from './snapshot.js'

/** The contents of each unit of a snapshot: `p:<person>` for members and the head, `u:<unit>` for children. */
export type Contents = ReadonlyMap<UnitId, ReadonlySet<string>>

/** The children of each unit of a snapshot, by id. */
export function childrenOf(snapshot: Snapshot): Map<UnitId, UnitId[]> {
  const children = new Map<UnitId, UnitId[]>()
  for (const u of snapshot.units) {
    if (u.parent === null) continue
    const list = children.get(u.parent)
    if (list === undefined) children.set(u.parent, [u.id])
    else list.push(u.id)
  }
  return children
}

function contentOf(unit: SnapshotUnit, children: readonly UnitId[], rename: (id: UnitId) => UnitId): Set<string> {
  const content = new Set<string>()
  for (const person of unit.members ?? []) content.add(`p:${person}`)
  for (const leader of unit.leaders) if (leader.role === 'head') content.add(`p:${leader.person}`)
  for (const child of children) content.add(`u:${rename(child)}`)
  return content
}

/**
 * The contents of the units of a snapshot, child ids seen through `rename` (the ids they have in
 * the next snapshot, as far as they are matched).
 */
export function contentsOf(snapshot: Snapshot, rename: (id: UnitId) => UnitId = (id) => id): Contents {
  const children = childrenOf(snapshot)
  const contents = new Map<UnitId, Set<string>>()
  for (const u of snapshot.units) contents.set(u.id, contentOf(u, children.get(u.id) ?? [], rename))
  return contents
}

/** How many elements two sets share. */
export function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a]
  let n = 0
  for (const x of small) if (large.has(x)) n++
  return n
}

/** An index of which units hold an element. */
export function indexOf(contents: Contents, only?: (id: UnitId) => boolean): Map<string, UnitId[]> {
  const index = new Map<string, UnitId[]>()
  for (const [id, content] of contents) {
    if (only !== undefined && !only(id)) continue
    for (const x of content) {
      const list = index.get(x)
      if (list === undefined) index.set(x, [id])
      else list.push(id)
    }
  }
  return index
}

/** How much of `content` each unit of the index holds. */
export function countsIn(
  content: ReadonlySet<string>,
  index: ReadonlyMap<string, readonly UnitId[]>,
): Map<UnitId, number> {
  const counts = new Map<UnitId, number>()
  for (const x of content) for (const id of index.get(x) ?? []) counts.set(id, (counts.get(id) ?? 0) + 1)
  return counts
}

/** The unit holding the most, ties by the smallest id; `undefined` when none holds any. */
export function best(counts: ReadonlyMap<UnitId, number>): UnitId | undefined {
  let top: UnitId | undefined
  let most = 0
  for (const [id, n] of counts) if (n > most || (n === most && top !== undefined && id < top)) [top, most] = [id, n]
  return top
}
