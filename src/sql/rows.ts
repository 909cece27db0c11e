import type { Person, Unit } from '../domain/state.js'
import type { LeaderVersion, PersonVersion, UnitVersion } from './unitVersion.js'

/** Which table a row belongs to. */
export type Table = 'units' | 'leaders' | 'people'

/** A version of one entity (a unit, a holding, a person) with its key and content signature. */
export interface Entry {
  readonly table: Table
  /** The entity: `u` + unit, `p` + person, `l` + unit, role and person. */
  readonly entity: string
  readonly value: UnitVersion | LeaderVersion | PersonVersion
  /** The content as text: two versions are the same when their signatures are. */
  readonly sig: string
}

const SEP = '\u0000'

/** The entity key of a holding. */
const holding = (unit: string, role: string, person: string) => `l${unit}${SEP}${role}${SEP}${person}`

/** The versions a unit contributes at one instant: its own and its leaders' (none when it is not active). */
export function unitEntries(u: Unit | undefined): Map<string, Entry> {
  const out = new Map<string, Entry>()
  if (u === undefined || u.status !== 'active') return out
  const value: UnitVersion = { unit: u.id, name: u.name, kind: u.kind, parent: u.parent, attributes: u.attributes }
  out.set(`u${u.id}`, {
    table: 'units',
    entity: `u${u.id}`,
    value,
    sig: JSON.stringify([u.name, u.kind, u.parent, u.attributes]),
  })
  for (const { person, role, title, acting, since } of u.leaders) {
    const entity = holding(u.id, role, person)
    const leader: LeaderVersion = { unit: u.id, person, role, title, acting, since }
    out.set(entity, { table: 'leaders', entity, value: leader, sig: JSON.stringify([title, acting, since]) })
  }
  return out
}

/** The version of a person (none before the person is known). */
export function personEntry(p: Person | undefined, id: string): Entry | undefined {
  if (p === undefined) return undefined
  const value: PersonVersion = { person: p.id, name: p.name, aliases: p.aliases }
  return { table: 'people', entity: `p${id}`, value, sig: JSON.stringify([p.name, p.aliases]) }
}
