import type { Event, Json, Name } from '../../src/index.js'

/**
 * The yardstick of the replay benchmark: a hand-written MUTABLE fold of the same events with the
 * same semantics as the library (DESIGN §2) and the same state the library records — every unit in
 * a Map with its parent, active children in join order, name history, attributes, leaders (person,
 * role, title, acting, since), status, end date, successors and predecessors; every person with
 * name, aliases and roles. No validation, no immutability, no ordering (the events must already be
 * in valid-time order, as the generated ones are), no retractions or knownAt.
 */

export interface BLeader {
  person: string
  role: string
  title: string | null
  acting: boolean
  since: string
}

export interface BRole {
  unit: string
  role: string
  title: string | null
  acting: boolean
  since: string
}

export interface BUnit {
  id: string
  name: Name
  kind: string | null
  parent: string | null
  since: string
  attributes: Record<string, Json>
  leaders: BLeader[]
  children: string[]
  status: 'active' | 'merged' | 'split' | 'dissolved'
  ended: string | null
  successors: string[]
  spunOut: string[]
  predecessors: string[]
  names: { name: Name; since: string }[]
}

export interface BPerson {
  id: string
  name: Name | null
  aliases: Name[]
  roles: BRole[]
}

export interface BState {
  units: Map<string, BUnit>
  people: Map<string, BPerson>
  roots: string[]
  at: string | null
}

type Of<T extends Event['type']> = Extract<Event, { type: T }>

class Fold {
  readonly units = new Map<string, BUnit>()
  readonly people = new Map<string, BPerson>()
  readonly roots: string[] = []

  unit(id: string): BUnit {
    return this.units.get(id)!
  }

  person(id: string): BPerson {
    let p = this.people.get(id)
    if (p === undefined) this.people.set(id, (p = { id, name: null, aliases: [], roles: [] }))
    return p
  }

  siblings(parent: string | null): string[] {
    return parent === null ? this.roots : this.unit(parent).children
  }

  detach(u: BUnit): void {
    const siblings = this.siblings(u.parent)
    const i = siblings.indexOf(u.id)
    if (i >= 0) siblings.splice(i, 1)
  }

  reparent(u: BUnit, parent: string | null): void {
    if (u.parent === parent) return
    this.detach(u)
    u.parent = parent
    this.siblings(parent).push(u.id)
  }

  create(id: string, name: Name, kind: string | null, parent: string | null, since: string, predecessors: string[]) {
    const u: BUnit = {
      id,
      name,
      kind,
      parent,
      since,
      attributes: {},
      leaders: [],
      children: [],
      status: 'active',
      ended: null,
      successors: [],
      spunOut: [],
      predecessors,
      names: [{ name, since }],
    }
    this.units.set(id, u)
    this.siblings(parent).push(id)
    return u
  }

  endHolding(u: BUnit, person: string, role: string): void {
    const li = u.leaders.findIndex((l) => l.person === person && l.role === role)
    if (li >= 0) u.leaders.splice(li, 1)
    const roles = this.person(person).roles
    const ri = roles.findIndex((r) => r.unit === u.id && r.role === role)
    if (ri >= 0) roles.splice(ri, 1)
  }

  end(u: BUnit, status: BUnit['status'], date: string, successors: readonly string[]): void {
    while (u.leaders.length > 0) this.endHolding(u, u.leaders[0]!.person, u.leaders[0]!.role)
    this.detach(u)
    u.status = status
    u.ended = date
    for (const s of successors) u.successors.push(s)
  }

  created(e: Of<'UnitCreated'>): void {
    const d = e.data
    const u = this.create(d.unit, d.name, d.kind ?? null, d.parent ?? null, e.effective, [])
    if (d.attributes !== undefined) Object.assign(u.attributes, d.attributes)
  }

  renamed(e: Of<'UnitRenamed'>): void {
    const u = this.unit(e.data.unit)
    u.name = e.data.name
    u.names.push({ name: e.data.name, since: e.effective })
  }

  /** Parent of a new `into`: the first source's parent, or above the highest source among its ancestors. */
  newIntoParent(e: Of<'UnitMerged'>): string | null {
    if (e.data.parent !== undefined) return e.data.parent
    const first = this.unit(e.data.units[0]!).parent
    let parent = first
    for (let id = first; id !== null; id = this.unit(id).parent)
      if (e.data.units.includes(id)) parent = this.unit(id).parent
    return parent
  }

  merged(e: Of<'UnitMerged'>): void {
    const { into, units, name, kind } = e.data
    const target =
      this.units.get(into) ?? this.create(into, name!, kind ?? null, this.newIntoParent(e), e.effective, [])
    for (const id of units) {
      const source = this.unit(id)
      while (source.children.length > 0) this.reparent(this.unit(source.children[0]!), into)
      this.end(source, 'merged', e.effective, [into])
      target.predecessors.push(id)
    }
  }

  split(e: Of<'UnitSplit'>): void {
    const { unit, into, retain, children } = e.data
    const source = this.unit(unit)
    for (const part of into)
      this.create(part.unit, part.name, part.kind ?? null, part.parent ?? source.parent, e.effective, [unit])
    if (children !== undefined) for (const child in children) this.reparent(this.unit(child), children[child]!)
    const parts = into.map((p) => p.unit)
    if (retain === true) for (const p of parts) source.spunOut.push(p)
    else this.end(source, 'split', e.effective, parts)
  }

  dissolved(e: Of<'UnitDissolved'>): void {
    const pending = [this.unit(e.data.unit)]
    for (let u = pending.pop(); u !== undefined; u = pending.pop()) {
      for (const child of u.children) pending.push(this.unit(child))
      this.end(u, 'dissolved', e.effective, [])
      u.children.length = 0
    }
  }

  /** `replace` ends the other holders of the role; a holder assigned again is updated in place. */
  leaderAssigned(e: Of<'LeaderAssigned'>): void {
    const { person, role = 'head', title, acting = false, mode = 'replace' } = e.data
    const u = this.unit(e.data.unit)
    if (mode === 'replace')
      for (let i = u.leaders.length - 1; i >= 0; i--) {
        const l = u.leaders[i]!
        if (l.role === role && l.person !== person) this.endHolding(u, l.person, role)
      }
    const roles = this.person(person).roles
    const held = u.leaders.find((l) => l.person === person && l.role === role)
    if (held === undefined) {
      u.leaders.push({ person, role, title: title ?? null, acting, since: e.effective })
      roles.push({ unit: u.id, role, title: title ?? null, acting, since: e.effective })
      return
    }
    const heldRole = roles.find((r) => r.unit === u.id && r.role === role)!
    held.acting = heldRole.acting = acting
    if (title !== undefined) held.title = heldRole.title = title
  }

  attributesSet(e: Of<'UnitAttributesSet'>): void {
    const attributes = this.unit(e.data.unit).attributes
    const changes = e.data.attributes
    for (const key in changes) {
      const value = changes[key]!
      if (value === null) delete attributes[key]
      else attributes[key] = value
    }
  }

  apply(e: Event): void {
    switch (e.type) {
      case 'UnitCreated':
        this.created(e)
        return
      case 'UnitRenamed':
        this.renamed(e)
        return
      case 'UnitMoved':
        this.reparent(this.unit(e.data.unit), e.data.parent)
        return
      case 'UnitMerged':
        this.merged(e)
        return
      case 'UnitSplit':
        this.split(e)
        return
      case 'UnitDissolved':
        this.dissolved(e)
        return
      case 'LeaderAssigned':
        this.leaderAssigned(e)
        return
      case 'LeaderRemoved':
        this.endHolding(this.unit(e.data.unit), e.data.person, e.data.role ?? 'head')
        return
      case 'PersonRegistered': {
        const p = this.person(e.data.person)
        p.name = e.data.name
        if (e.data.aliases !== undefined) p.aliases = [...e.data.aliases]
        return
      }
      case 'UnitReclassified':
        this.unit(e.data.unit).kind = e.data.kind
        return
      case 'UnitAttributesSet':
        this.attributesSet(e)
        return
      case 'EventRetracted':
        return
    }
  }
}

/**
 * Folds events, already in valid-time order and valid, into a mutable state.
 * @example
 * foldMutable(generateHistory({ events: 1000, units: 100, seed: 1 })).units.size
 */
export function foldMutable(events: readonly Event[]): BState {
  const fold = new Fold()
  let at: string | null = null
  for (const e of events) {
    fold.apply(e)
    if (e.effective !== undefined) at = e.effective
  }
  return { units: fold.units, people: fold.people, roots: fold.roots, at }
}
