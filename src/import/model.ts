import type { PersonId, UnitId } from '../domain/ids.js'
import type { Name } from '../domain/name.js'
import type { Attributes } from '../domain/state.js'
import type { SnapshotLeader } from './snapshot.js'

/** A unit as the importer tracks it while it writes events. */
export interface ModelUnit {
  readonly id: UnitId
  name: Name
  kind: string | null
  parent: UnitId | null
  attributes: Attributes
  leaders: SnapshotLeader[]
  readonly children: Set<UnitId>
}

/**
 * The org as the events written so far leave it (active units only): a small mutable mirror of
 * what the reducer will compute, so each event is written where it validates.
 */
export class Model {
  readonly units = new Map<UnitId, ModelUnit>()
  readonly people = new Map<PersonId, Name>()

  get(id: UnitId): ModelUnit | undefined {
    return this.units.get(id)
  }

  create(id: UnitId, name: Name, kind: string | null, parent: UnitId | null, attributes: Attributes = {}): void {
    this.units.set(id, { id, name, kind, parent, attributes, leaders: [], children: new Set() })
    if (parent !== null) this.units.get(parent)!.children.add(id)
  }

  move(id: UnitId, parent: UnitId | null): void {
    const u = this.units.get(id)!
    if (u.parent !== null) this.units.get(u.parent)?.children.delete(id)
    u.parent = parent
    if (parent !== null) this.units.get(parent)!.children.add(id)
  }

  /** Ends a unit and, with `cascade`, its whole subtree. */
  end(id: UnitId, cascade = false): void {
    const u = this.units.get(id)
    if (u === undefined) return
    if (cascade) for (const child of [...u.children]) this.end(child, true)
    if (u.parent !== null) this.units.get(u.parent)?.children.delete(id)
    this.units.delete(id)
  }

  /** Whether `id` is `ancestor` or below it. */
  within(id: UnitId, ancestor: UnitId): boolean {
    for (let at: UnitId | null = id; at !== null; at = this.units.get(at)?.parent ?? null)
      if (at === ancestor) return true
    return false
  }

  /** The depth of a unit (a root is 0). */
  depth(id: UnitId): number {
    let n = 0
    for (let at = this.units.get(id)?.parent ?? null; at !== null; at = this.units.get(at)?.parent ?? null) n++
    return n
  }
}
