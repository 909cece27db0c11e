import type { PersonId, UnitId } from '../domain/ids.js'
import type { Name } from '../domain/name.js'
import type { Attributes, OrgState, Unit, UnitStatus } from '../domain/state.js'
import { people } from './people.js'
import { activeUnits, endedUnits } from './units.js'

/** A unit in the JSON shape of DESIGN §4. @since 0.1.0 */
export interface UnitJSON {
  readonly id: UnitId
  readonly name: Name
  readonly kind: string | null
  readonly parent: UnitId | null
  readonly since: string
  readonly attributes: Attributes
  readonly leaders: readonly {
    readonly person: PersonId
    readonly role: string
    readonly title: string | null
    readonly acting: boolean
    readonly since: string
  }[]
}

/** A person in the JSON shape of DESIGN §4. @since 0.1.0 */
export interface PersonJSON {
  readonly id: PersonId
  readonly name: Name | null
  readonly roles: readonly {
    readonly unit: UnitId
    readonly role: string
    readonly acting: boolean
    readonly since: string
  }[]
}

/** An ended unit in the JSON shape of DESIGN §4. @since 0.1.0 */
export interface EndedJSON {
  readonly id: UnitId
  readonly status: Exclude<UnitStatus, 'active'>
  readonly ended: string
  readonly successors: readonly UnitId[]
}

/** The org at a date in the JSON shape of DESIGN §4 (`org-history at --format json`). @since 0.1.0 */
export interface StateJSON {
  readonly at: string | null
  readonly knownAt: string | null
  readonly units: readonly UnitJSON[]
  readonly people: readonly PersonJSON[]
  readonly ended: readonly EndedJSON[]
}

/**
 * One unit in the JSON shape of DESIGN §4.
 * @example
 * unitToJSON(unit(state, 'taobao-tmall')!).leaders
 * @since 0.1.0
 */
export function unitToJSON(u: Unit): UnitJSON {
  return {
    id: u.id,
    name: u.name,
    kind: u.kind,
    parent: u.parent,
    since: u.since,
    attributes: u.attributes,
    leaders: u.leaders.map(({ person, role, title, acting, since }) => ({ person, role, title, acting, since })),
  }
}

/**
 * The state as plain JSON (DESIGN §4): active units depth-first from the roots, siblings by id;
 * people by id; ended units by end date.
 * @example
 * JSON.stringify(toJSON(stateAtOrThrow(history, '2022-01-06')))
 * @since 0.1.0
 */
export function toJSON(state: OrgState): StateJSON {
  return {
    at: state.at,
    knownAt: state.knownAt,
    units: activeUnits(state).map(unitToJSON),
    people: people(state).map((p) => ({
      id: p.id,
      name: p.name,
      roles: p.roles.map(({ unit, role, acting, since }) => ({ unit, role, acting, since })),
    })),
    ended: endedUnits(state).map((u) => ({
      id: u.id,
      status: u.status as EndedJSON['status'],
      ended: u.ended!,
      successors: u.successors,
    })),
  }
}
