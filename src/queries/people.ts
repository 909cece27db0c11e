import type { PersonId, UnitId } from '../domain/ids.js'
import type { Leader, OrgState, Person, Role } from '../domain/state.js'
import { trieGet, trieValues } from '../domain/trie.js'
import { unit } from './units.js'

/**
 * A person known to the state (registered, or ever assigned a role).
 * @since 0.1.0
 */
export function person(state: OrgState, id: PersonId): Person | undefined {
  return trieGet(state.people, id)
}

/**
 * People who are registered or hold a role, by id.
 * @since 0.1.0
 */
export function people(state: OrgState): Person[] {
  const out = [...trieValues(state.people)].filter((p) => p.name !== null || p.roles.length > 0)
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}

/**
 * The leaders of a unit: every role held in it, in the order they were assigned.
 * @example
 * leadersOf(state, 'taobao-tmall').map((l) => `${l.role}: ${l.person}`)
 * @since 0.1.0
 */
export function leadersOf(state: OrgState, id: UnitId): readonly Leader[] {
  return unit(state, id)?.leaders ?? []
}

/**
 * The roles a person holds, concurrent ones included.
 * @example
 * rolesOf(state, 'lu-su') // [{ unit: 'alibaba-group', role: 'cto', … }, { unit: 'taobao-tmall', role: 'cto', … }]
 * @since 0.1.0
 */
export function rolesOf(state: OrgState, id: PersonId): readonly Role[] {
  return person(state, id)?.roles ?? []
}
