import type { Name } from '../../domain/name.js'
import type { Attributes } from '../../domain/state.js'
import { type ImportError, importError, type Snapshot, type SnapshotUnit } from '../snapshot.js'

type Obj = Record<string, unknown>
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x)
const isName = (x: unknown): x is Name =>
  typeof x === 'string' || (isObj(x) && Object.values(x).every((v) => typeof v === 'string'))

function unitOf(x: unknown, file: string, i: number): SnapshotUnit | ImportError {
  const origin = { file, line: 1 }
  const where = `units[${i}]`
  if (!isObj(x) || typeof x.id !== 'string' || x.id === '') return importError(origin, `${where} has no id`)
  if (!isName(x.name)) return importError(origin, `${where} ('${x.id}') has no name (a string or a language map)`)
  const leaders = Array.isArray(x.leaders) ? x.leaders.filter(isObj) : []
  const members = Array.isArray(x.members) ? x.members.filter((m): m is string => typeof m === 'string') : undefined
  return {
    id: x.id,
    name: x.name,
    kind: typeof x.kind === 'string' ? x.kind : null,
    parent: typeof x.parent === 'string' ? x.parent : null,
    attributes: isObj(x.attributes) ? (x.attributes as Attributes) : {},
    leaders: leaders.map((l) => ({
      person: String(l.person),
      role: typeof l.role === 'string' ? l.role : 'head',
      title: typeof l.title === 'string' ? l.title : null,
      acting: l.acting === true,
    })),
    ...(members === undefined ? {} : { members }),
  }
}

/**
 * A snapshot in the shape of `at --format json` (DESIGN §4, §7), with an optional `members` list per unit.
 * @param text the file's content
 * @param file its name, for messages and the events' source
 * @param date the date when the JSON has no `at`
 * @returns the snapshot, or its errors
 */
export function readJsonSnapshot(text: string, file: string, date?: string): Snapshot | ImportError[] {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (cause) {
    return [importError({ file, line: 1 }, `not JSON: ${(cause as Error).message}`)]
  }
  if (!isObj(value) || !Array.isArray(value.units))
    return [importError({ file, line: 1 }, 'not a snapshot: expected the JSON of `org-history at --format json`')]
  const at = typeof value.at === 'string' ? value.at : date
  if (at === undefined) return [importError({ file, line: 1 }, 'no date: the JSON has no "at"; give --date')]
  const units = value.units.map((u, i) => unitOf(u, file, i))
  const errors = units.filter((u): u is ImportError => '_tag' in u)
  if (errors.length > 0) return errors
  const people = (Array.isArray(value.people) ? value.people : []).filter(isObj).map((p) => ({
    id: String(p.id),
    name: isName(p.name) ? p.name : null,
  }))
  return { date: at, file, origin: { file, line: 1 }, units: units as SnapshotUnit[], people }
}
