import type { PersonId, UnitId } from '../domain/ids.js'
import { displayName, type Name } from '../domain/name.js'
import type { Leader, OrgState } from '../domain/state.js'
import { person } from '../queries/people.js'
import { unit } from '../queries/units.js'

/** Options of the text renderings. @since 0.1.0 */
export interface TextOptions {
  /** Preferred languages of names, e.g. `['zh-Hant']`. Empty: each name's first language, with English beside it. */
  readonly languages?: readonly string[]
}

/**
 * The text of a name: in the preferred languages, or its first language with the English name
 * beside it when there is one.
 * @since 0.1.0
 */
export function nameLabel(name: Name, languages: readonly string[] = []): string {
  const primary = displayName(name, languages)
  if (languages.length > 0 || typeof name === 'string' || !Object.hasOwn(name, 'en')) return primary
  return name.en === primary ? primary : `${primary} (${name.en})`
}

/** A unit's name as known to any of the states, or its id. @since 0.1.0 */
export function unitLabel(states: readonly OrgState[], id: UnitId | null, languages?: readonly string[]): string {
  if (id === null) return '(root)'
  for (const s of states) {
    const u = unit(s, id)
    if (u !== undefined) return nameLabel(u.name, languages)
  }
  return id
}

/** A person's name as known to any of the states, or the id. @since 0.1.0 */
export function personLabel(states: readonly OrgState[], id: PersonId, languages?: readonly string[]): string {
  for (const s of states) {
    const name = person(s, id)?.name
    if (name != null) return displayName(name, languages)
  }
  return id
}

/** `head: 戴珊`, `CCO/CRO: 師太 (acting)`. @since 0.1.0 */
export function leaderLabel(states: readonly OrgState[], l: Leader, languages?: readonly string[]): string {
  return `${l.title ?? l.role}: ${personLabel(states, l.person, languages)}${l.acting ? ' (acting)' : ''}`
}
