import { type Draft, freeze, produce } from 'immer'
import type { Event, Leader, Person, Unit } from '../../src/index.js'

/**
 * The reducer a user would write first: the org as flat records of units and people, one immer
 * `produce` per event, the same semantics as the library (DESIGN §2). immer copies a record when
 * one of its entries changes, so each event costs O(org size): the benchmark measures how much.
 */
export interface NaiveState {
  readonly units: { readonly [id: string]: Unit }
  readonly people: { readonly [id: string]: Person }
  readonly roots: readonly string[]
}

type S = Draft<NaiveState>
type U = Draft<Unit>
type Of<T extends Event['type']> = Extract<Event, { type: T }>

const person = (s: S, id: string) => (s.people[id] ??= { id, name: null, aliases: [], roles: [] })
const siblings = (s: S, parent: string | null) => (parent === null ? s.roots : s.units[parent]!.children)

function detach(s: S, u: U): void {
  const list = siblings(s, u.parent)
  const i = list.indexOf(u.id)
  if (i >= 0) list.splice(i, 1)
}

function reparent(s: S, u: U, parent: string | null): void {
  if (u.parent === parent) return
  detach(s, u)
  u.parent = parent
  siblings(s, parent).push(u.id)
}

function create(s: S, fields: Pick<Unit, 'id' | 'name' | 'kind' | 'parent' | 'since' | 'predecessors'>): U {
  const names = [{ name: fields.name, since: fields.since }]
  const extra = { attributes: {}, leaders: [], children: [], ended: null, successors: [], spunOut: [], names }
  const u: Unit = { ...fields, ...extra, status: 'active', predecessors: [...fields.predecessors] }
  s.units[u.id] = u as U
  siblings(s, fields.parent).push(fields.id)
  return s.units[fields.id]!
}

function endHolding(s: S, u: U, who: string, role: string): void {
  u.leaders = u.leaders.filter((l) => !(l.person === who && l.role === role))
  const p = person(s, who)
  p.roles = p.roles.filter((r) => !(r.unit === u.id && r.role === role))
}

function end(s: S, u: U, status: Unit['status'], date: string, successors: readonly string[]): void {
  for (const l of [...u.leaders]) endHolding(s, u, l.person, l.role)
  detach(s, u)
  Object.assign(u, { status, ended: date })
  u.successors.push(...successors)
}

function merged(s: S, e: Of<'UnitMerged'>): void {
  const { units, into, name, kind } = e.data
  let parent = e.data.parent ?? s.units[units[0]!]!.parent
  if (e.data.parent === undefined)
    for (let id = parent; id !== null; id = s.units[id]!.parent) if (units.includes(id)) parent = s.units[id]!.parent
  const fields = { id: into, name: name!, kind: kind ?? null, parent, since: e.effective, predecessors: [] }
  const target = s.units[into] ?? create(s, fields)
  for (const id of units) {
    const source = s.units[id]!
    for (const child of [...source.children]) reparent(s, s.units[child]!, into)
    end(s, source, 'merged', e.effective, [into])
    target.predecessors.push(id)
  }
}

function split(s: S, e: Of<'UnitSplit'>): void {
  const { unit, into, retain, children = {} } = e.data
  const source = s.units[unit]!
  for (const p of into) {
    const parent = p.parent ?? source.parent
    create(s, { id: p.unit, name: p.name, kind: p.kind ?? null, parent, since: e.effective, predecessors: [unit] })
  }
  for (const [child, target] of Object.entries(children)) reparent(s, s.units[child]!, target)
  if (retain === true) source.spunOut.push(...into.map((p) => p.unit))
  else
    end(
      s,
      source,
      'split',
      e.effective,
      into.map((p) => p.unit),
    )
}

function assigned(s: S, e: Of<'LeaderAssigned'>): void {
  const { person: who, role = 'head', title, acting = false, mode = 'replace' } = e.data
  const u = s.units[e.data.unit]!
  if (mode === 'replace')
    for (const l of u.leaders.filter((l) => l.role === role && l.person !== who)) endHolding(s, u, l.person, role)
  const p = person(s, who)
  const held = u.leaders.find((l) => l.person === who && l.role === role)
  if (held !== undefined) {
    const heldRole = p.roles.find((r) => r.unit === u.id && r.role === role)!
    for (const h of [held, heldRole]) Object.assign(h, { acting, title: title === undefined ? h.title : title })
    return
  }
  const holding: Leader = { person: who, role, title: title ?? null, acting, since: e.effective }
  u.leaders.push(holding)
  p.roles.push({ unit: u.id, role, title: holding.title, acting, since: e.effective })
}

/** The recipe of one event, on a draft (or on a plain state being built). */
export function naiveRecipe(s: S, e: Event): void {
  switch (e.type) {
    case 'UnitCreated': {
      const { unit, name, kind, parent, attributes } = e.data
      const u = create(s, {
        id: unit,
        name,
        kind: kind ?? null,
        parent: parent ?? null,
        since: e.effective,
        predecessors: [],
      })
      u.attributes = { ...attributes } as U['attributes']
      return
    }
    case 'UnitRenamed': {
      const u = s.units[e.data.unit]!
      u.name = e.data.name
      u.names.push({ name: e.data.name, since: e.effective })
      return
    }
    case 'UnitMoved':
      reparent(s, s.units[e.data.unit]!, e.data.parent)
      return
    case 'UnitMerged':
      merged(s, e)
      return
    case 'UnitSplit':
      split(s, e)
      return
    case 'UnitDissolved': {
      const pending = [s.units[e.data.unit]!]
      for (let u = pending.pop(); u !== undefined; u = pending.pop()) {
        pending.push(...u.children.map((c) => s.units[c]!))
        end(s, u, 'dissolved', e.effective, [])
        u.children = []
      }
      return
    }
    case 'LeaderAssigned':
      assigned(s, e)
      return
    case 'LeaderRemoved':
      endHolding(s, s.units[e.data.unit]!, e.data.person, e.data.role ?? 'head')
      return
    case 'PersonRegistered': {
      const p = person(s, e.data.person)
      p.name = e.data.name
      if (e.data.aliases !== undefined) p.aliases = [...e.data.aliases]
      return
    }
    case 'UnitReclassified':
      s.units[e.data.unit]!.kind = e.data.kind
      return
    case 'UnitAttributesSet': {
      const u = s.units[e.data.unit]!
      const next: Record<string, unknown> = { ...u.attributes }
      for (const [k, v] of Object.entries(e.data.attributes)) v === null ? delete next[k] : (next[k] = v)
      u.attributes = next as U['attributes']
      return
    }
    case 'EventRetracted':
      return
  }
}

/** One event, the naive way: a `produce` over the whole state. */
export function naiveEvolve(state: NaiveState, event: Event): NaiveState {
  return produce(state, (draft) => {
    naiveRecipe(draft, event)
  })
}

/**
 * The starting state of the measurement, built without immer and frozen once (only the events
 * after it are timed): plain objects keyed by id, the way a user would lay them out.
 */
export function naiveBuild(events: readonly Event[]): NaiveState {
  const s: S = { units: {}, people: {}, roots: [] }
  for (const e of events) naiveRecipe(s, e)
  return freeze(s as NaiveState, true)
}
