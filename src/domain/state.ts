import type { PersonId, UnitId } from './ids.js'
import type { Name } from './name.js'
import { emptyTrie, type Trie } from './trie.js'

/** Any JSON value. @since 0.1.0 */
export type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json }

/** Free-form facts about a unit: brands, responsibilities, a description… @since 0.1.0 */
export type Attributes = { readonly [key: string]: Json }

/** Whether a unit is active, or how it ended. @since 0.1.0 */
export type UnitStatus = 'active' | 'merged' | 'split' | 'dissolved'

/** A role held by a person in a unit, seen from the unit. @since 0.1.0 */
export interface Leader {
  readonly person: PersonId
  readonly role: string
  readonly title: string | null
  readonly acting: boolean
  readonly since: string
}

/** A role held by a person, seen from the person. @since 0.1.0 */
export interface Role {
  readonly unit: UnitId
  readonly role: string
  readonly title: string | null
  readonly acting: boolean
  readonly since: string
}

/** A name of a unit and the date it took effect. @since 0.1.0 */
export interface NameChange {
  readonly name: Name
  readonly since: string
}

/**
 * A unit of the organization. Units are never deleted: an ended unit keeps its id, status, end date
 * and successors for lineage. Successors are the units it ended *into* (the `into` of a merge, the
 * new units of a split that ended it); units spun out of it while it continued are in `spunOut`.
 * @since 0.1.0
 */
export interface Unit {
  readonly id: UnitId
  readonly name: Name
  readonly kind: string | null
  /** The parent unit, `null` for a root. An ended unit keeps the parent it had when it ended. */
  readonly parent: UnitId | null
  /** When the unit came into being (normalized date text). */
  readonly since: string
  readonly attributes: Attributes
  readonly leaders: readonly Leader[]
  /** Active children, in the order they joined. */
  readonly children: readonly UnitId[]
  readonly status: UnitStatus
  readonly ended: string | null
  /** The units it ended into: empty while it is active, and for a dissolved unit. */
  readonly successors: readonly UnitId[]
  /** Units spun out of it (a `UnitSplit` with `retain: true`), oldest first. @since 0.2.0 */
  readonly spunOut: readonly UnitId[]
  /** The units it came from: merged or split into it, or spun out of. */
  readonly predecessors: readonly UnitId[]
  /** Every name the unit has had, oldest first; the last is the current one. */
  readonly names: readonly NameChange[]
}

/** A person known to the history: registered, or assigned a role. @since 0.1.0 */
export interface Person {
  readonly id: PersonId
  /** `null` when never registered. */
  readonly name: Name | null
  readonly aliases: readonly Name[]
  readonly roles: readonly Role[]
}

/**
 * The organization at one point of its history: frozen, and structurally shared with the states
 * before and after it.
 * @since 0.1.0
 */
export interface OrgState {
  /** Every unit ever created, active or ended. */
  readonly units: Trie<Unit>
  readonly people: Trie<Person>
  /** Active root units, in the order they became roots. */
  readonly roots: readonly UnitId[]
  /** The date this state describes: the query date, or the effective date of the last event. */
  readonly at: string | null
  /** The transaction time the state was limited to, `null` for everything recorded. */
  readonly knownAt: string | null
}

/**
 * The state before any event.
 * @since 0.1.0
 */
export function emptyState(): OrgState {
  return { units: emptyTrie(), people: emptyTrie(), roots: [], at: null, knownAt: null }
}
