import type { Draft } from 'immer'
import type { PersonId, UnitId } from '../domain/ids.js'
import type { Attributes, Leader, OrgState, Person, Unit } from '../domain/state.js'
import { copyOf, isOwned, type Trie, trieGet, trieSet, trieUpdate } from '../domain/trie.js'
import type { EventRef, RuleError } from '../errors/types.js'
import type { Event } from '../events/event.js'

/**
 * A state being changed: an immer draft (in `evolve`), or a replay's working copy whose nodes are
 * changed in place while they are not frozen and copied before a change once they are (a
 * transient, like immer without the proxies). The recipes are the same for both.
 */
export type Working = Draft<OrgState>

/** The units and people changed by the events applied while a {@link watchChanges} callback runs. */
export interface Touched {
  readonly units: Set<UnitId>
  readonly people: Set<PersonId>
}

/** What {@link watchChanges} tells of each change: a {@link Touched}, or a recorder with the same `add`s. */
export interface Watcher {
  readonly units: { add(id: UnitId): unknown }
  readonly people: { add(id: PersonId): unknown }
}

let touched: Watcher | undefined

/**
 * Runs `f` while recording which units and people the recipes change (every change goes through
 * {@link unitDraft} or {@link personDraft}). Synchronous, so one module-level slot is enough.
 */
export function watchChanges<T>(into: Watcher, f: () => T): T {
  const outer = touched
  touched = into
  try {
    return f()
  } finally {
    touched = outer
  }
}

/**
 * The empty list every new unit and person starts with: one frozen array, not one per field per
 * record (most units never gain a successor, spin-out or predecessor). {@link list} copies it on the
 * first change, as it copies any frozen array.
 */
export const NONE: readonly never[] = Object.freeze([])

/** The attributes of a unit created without any: one frozen object (attributes are replaced, never changed in place). */
export const NO_ATTRIBUTES: Attributes = Object.freeze({})

/**
 * The records of one working state by id, as a fold reads and changes them: a `Map` lookup instead
 * of a walk down the trie (several times faster at 100,000 units). The trie stays the truth: every
 * record the recipes store or copy goes through {@link unitDraft}, {@link personDraft} and
 * {@link createUnit}, which keep these maps in step with it. A timeline's build keeps one across its
 * folds, each fold's working copy sharing the records of the state before it.
 */
export interface Lookups {
  /** The working state the maps describe. */
  state: object | undefined
  readonly units: Map<UnitId, Unit>
  readonly people: Map<PersonId, Person>
}

/** Empty {@link Lookups}. */
export const newLookups = (): Lookups => ({ state: undefined, units: new Map(), people: new Map() })

let lookups: Lookups | undefined

/** Runs `f` with `into` describing the working state `s`. Synchronous: one module-level slot is enough. */
export function withLookups<T>(into: Lookups, s: Working, f: () => T): T {
  const outer = lookups
  into.state = s
  lookups = into
  try {
    return f()
  } finally {
    lookups = outer
  }
}

/** The lookups of `s`, when a fold keeps them. */
const lookupsOf = (s: object): Lookups | undefined =>
  lookups !== undefined && lookups.state === s ? lookups : undefined

/** The unit with this id, active or ended. */
export function getUnit(s: OrgState, id: UnitId): Unit | undefined {
  const l = lookupsOf(s)
  if (l === undefined) return trieGet(s.units, id)
  let unit = l.units.get(id)
  if (unit === undefined) {
    unit = trieGet(s.units, id)
    if (unit !== undefined) l.units.set(id, unit)
  }
  return unit
}

/** A shallow copy of a unit, with every field inside the object; its arrays are copied when changed ({@link list}). */
function copyUnit(u: Unit): Unit {
  return {
    id: u.id,
    status: u.status,
    parent: u.parent,
    name: u.name,
    kind: u.kind,
    since: u.since,
    attributes: u.attributes,
    leaders: u.leaders,
    children: u.children,
    ended: u.ended,
    successors: u.successors,
    spunOut: u.spunOut,
    predecessors: u.predecessors,
    names: u.names,
  }
}

const copyPerson = (p: Person): Person => ({
  id: p.id,
  name: p.name,
  aliases: p.aliases,
  roles: p.roles,
})

/**
 * The record under `id` in one of a working state's tries, made changeable: returned as it is when
 * the fold owns it, else copied with its trie path (see `trieUpdate`); `undefined` when absent.
 * `known` is the fold's lookup map for that trie, kept in step.
 */
function changeable<V extends object>(
  s: Working,
  trie: 'units' | 'people',
  known: Map<string, V> | undefined,
  id: string,
  copy: (value: V) => V,
): V | undefined {
  const current = known?.get(id)
  if (current !== undefined && isOwned(current)) return current
  const updated = trieUpdate(s[trie] as unknown as Trie<V>, id, copy, current)
  if (updated === undefined) return undefined
  ;(s as Record<typeof trie, unknown>)[trie] = updated[0]
  known?.set(id, updated[1])
  return updated[1]
}

/** The unit of a working state, for changing it. */
export function unitDraft(s: Working, id: UnitId): Draft<Unit> {
  touched?.units.add(id)
  return changeable(s, 'units', lookupsOf(s)?.units, id, copyUnit)! as Draft<Unit>
}

/** The person of a working state, for changing it; created (unregistered) on first use. */
export function personDraft(s: Working, id: PersonId): Draft<Person> {
  touched?.people.add(id)
  const l = lookupsOf(s)
  const existing = changeable(s, 'people', l?.people, id, copyPerson)
  if (existing !== undefined) return existing as Draft<Person>
  const person: Person = { id, name: null, aliases: NONE, roles: NONE }
  s.people = trieSet(s.people as Trie<Person>, id, person) as Working['people']
  if (l !== undefined) {
    l.people.set(id, person)
    return person as Draft<Person>
  }
  // Read back: in an immer draft, the stored object is drafted on read.
  return trieGet(s.people as unknown as Trie<Draft<Person>>, id)!
}

type ArrayKeys<T> = { [K in keyof T]: T[K] extends readonly unknown[] ? K : never }[keyof T]

/**
 * An array field of a unit, person or state being changed, made changeable: a frozen array (shared
 * with published states) is copied first, so only the arrays an event changes are copied.
 */
export function list<T extends object, K extends ArrayKeys<T>>(owner: T, key: K): T[K] & unknown[] {
  const field = owner[key] as unknown as unknown[]
  if (isOwned(field)) return field as T[K] & unknown[]
  const copy = copyOf(field)
  ;(owner as Record<K, unknown>)[key] = copy
  return copy as T[K] & unknown[]
}

/** The root units of a working state, for changing them. */
function rootsDraft(s: Working): UnitId[] {
  return list(s, 'roots')
}

/** What an error says about the event it is about. */
export function refOf(e: Event): EventRef {
  const d = e.data as { unit?: string; person?: string; into?: string; event?: string }
  return {
    id: e.id,
    type: e.type,
    subject: d.unit ?? d.person ?? d.into ?? d.event ?? '',
    effective: e.effective ?? null,
    origin: e.origin ?? null,
  }
}

/** `undefined` when the unit exists and is active; otherwise the error. */
export function requireActive(s: OrgState, e: Event, unit: UnitId, field: string): RuleError | undefined {
  const u = getUnit(s, unit)
  if (u === undefined) return { _tag: 'UnknownUnit', event: refOf(e), unit, field }
  if (u.status !== 'active')
    return { _tag: 'UnitEnded', event: refOf(e), unit, field, status: u.status, ended: u.ended ?? '' }
  return undefined
}

/** The unit and its ancestors, nearest first. */
export function* selfAndAncestors(s: OrgState, unit: UnitId | null): Generator<UnitId> {
  for (let id = unit; id !== null; id = getUnit(s, id)?.parent ?? null) yield id
}

/** Whether `unit` is `root` or inside its subtree. */
export function isWithin(s: OrgState, unit: UnitId | null, root: UnitId): boolean {
  // A plain loop, not the generator: a move is checked with it on every replay.
  for (let id = unit; id !== null; id = getUnit(s, id)?.parent ?? null) if (id === root) return true
  return false
}

/** Removes a unit from its parent's children (or from the roots). */
export function detach(s: Working, unit: Draft<Unit>): void {
  const siblings = unit.parent === null ? rootsDraft(s) : list(unitDraft(s, unit.parent), 'children')
  const i = siblings.indexOf(unit.id)
  if (i >= 0) siblings.splice(i, 1)
}

/** Adds a unit to its parent's children (or to the roots). */
export function attach(s: Working, unit: Draft<Unit>): void {
  ;(unit.parent === null ? rootsDraft(s) : list(unitDraft(s, unit.parent), 'children')).push(unit.id)
}

/** Reparents a unit. */
export function reparent(s: Working, unit: Draft<Unit>, parent: UnitId | null): void {
  if (unit.parent === parent) return
  detach(s, unit)
  unit.parent = parent
  attach(s, unit)
}

/**
 * Where `person` holds `role` among a unit's leaders, or -1. A loop, not `findIndex`: the leaders of
 * a stored unit are frozen, and Node 20 runs the callback methods slowly on frozen arrays (see `copyOf`).
 */
export function holdingIndex(leaders: readonly Leader[], person: PersonId, role: string): number {
  for (let i = 0; i < leaders.length; i++) if (leaders[i]!.person === person && leaders[i]!.role === role) return i
  return -1
}

/** Removes one holding from both the unit and the person. */
export function endHolding(s: Working, unit: Draft<Unit>, person: PersonId, role: string): void {
  const li = holdingIndex(unit.leaders, person, role)
  if (li >= 0) list(unit, 'leaders').splice(li, 1)
  const roles = list(personDraft(s, person), 'roles')
  const ri = roles.findIndex((r) => r.unit === unit.id && r.role === role)
  if (ri >= 0) roles.splice(ri, 1)
}

/** Ends a unit: status, date, successors; its leaders' roles end and it leaves its parent. */
export function endUnit(
  s: Working,
  unit: Draft<Unit>,
  status: Unit['status'],
  date: string,
  successors: readonly UnitId[],
): void {
  for (const l of [...unit.leaders]) endHolding(s, unit, l.person, l.role)
  detach(s, unit)
  unit.status = status
  unit.ended = date
  if (successors.length > 0) list(unit, 'successors').push(...successors)
}

/** A new active unit, attached to its parent. */
export function createUnit(
  s: Working,
  fields: Pick<Unit, 'id' | 'name' | 'kind' | 'parent' | 'since' | 'attributes' | 'predecessors'>,
): Draft<Unit> {
  // Every field written out (no spread), so all of them live inside the object: one memory load
  // per property read on the replay's hot path.
  const unit: Unit = {
    id: fields.id,
    status: 'active',
    parent: fields.parent,
    name: fields.name,
    kind: fields.kind,
    since: fields.since,
    attributes: fields.attributes,
    leaders: NONE,
    children: NONE,
    ended: null,
    successors: NONE,
    spunOut: NONE,
    predecessors: fields.predecessors,
    names: [{ name: fields.name, since: fields.since }],
  }
  s.units = trieSet(s.units as Trie<Unit>, unit.id, unit) as Working['units']
  lookupsOf(s)?.units.set(unit.id, unit)
  const created = unitDraft(s, unit.id)
  attach(s, created)
  return created
}
