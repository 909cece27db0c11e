import type { Leader, Person, Unit } from '../domain/state.js'
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

const active = (u: Unit | undefined) => (u !== undefined && u.status === 'active' ? u : undefined)

function unitEntry(u: Unit): Entry {
  const value: UnitVersion = { unit: u.id, name: u.name, kind: u.kind, parent: u.parent, attributes: u.attributes }
  return { table: 'units', entity: `u${u.id}`, value, sig: JSON.stringify([u.name, u.kind, u.parent, u.attributes]) }
}

function leaderEntry(u: Unit, l: Leader, entity: string): Entry {
  const { person, role, title, acting, since } = l
  const value: LeaderVersion = { unit: u.id, person, role, title, acting, since }
  return { table: 'leaders', entity, value, sig: JSON.stringify([title, acting, since]) }
}

/**
 * The versions that may differ between two states of a unit (an inactive unit has none): its own
 * and its holdings', each passed to `emit` with its new entry (`undefined`: it ends). Parts the
 * states share by reference are skipped, so an event costs what it changed.
 */
export function unitChanges(
  before: Unit | undefined,
  after: Unit | undefined,
  emit: (entity: string, entry: Entry | undefined) => void,
): void {
  const [b, a] = [active(before), active(after)]
  if (a === undefined) {
    if (b !== undefined) emit(`u${b.id}`, undefined)
  } else if (
    b === undefined ||
    b.name !== a.name ||
    b.kind !== a.kind ||
    b.parent !== a.parent ||
    b.attributes !== a.attributes
  )
    emit(`u${a.id}`, unitEntry(a))
  if (b?.leaders === a?.leaders) return
  // Holdings kept as the same objects did not change: only the others get a key.
  const gone = new Set(b?.leaders ?? [])
  const changed = new Set<string>()
  for (const l of a?.leaders ?? []) {
    if (gone.delete(l)) continue
    const entity = holding(a!.id, l.role, l.person)
    changed.add(entity)
    emit(entity, leaderEntry(a!, l, entity))
  }
  for (const l of gone) {
    const entity = holding(b!.id, l.role, l.person)
    if (!changed.has(entity)) emit(entity, undefined)
  }
}

/** The version of a person (none before the person is known). */
export function personEntry(p: Person | undefined, id: string): Entry | undefined {
  if (p === undefined) return undefined
  const value: PersonVersion = { person: p.id, name: p.name, aliases: p.aliases }
  return { table: 'people', entity: `p${id}`, value, sig: JSON.stringify([p.name, p.aliases]) }
}
