import { type ImportError, importError, type Snapshot } from '../snapshot.js'
import { csvRows } from './csv.js'

/**
 * Adds a people file (`person, unit, name?, title?`) to the snapshot of its date: members as
 * evidence, names registered, titles of the unit's head.
 * @param snapshot the snapshot of the file's date
 * @param text the people file
 * @param file its name
 * @returns the snapshot with members, or the file's errors
 */
export function withPeople(snapshot: Snapshot, text: string, file: string): Snapshot | ImportError[] {
  const table = csvRows(text, file)
  if (Array.isArray(table)) return table
  const missing = ['person', 'unit'].filter((c) => !table.header.includes(c))
  if (missing.length > 0) return [importError({ file, line: 1 }, `missing column ${missing.join(', ')}`)]
  const units = new Set(snapshot.units.map((u) => u.id))
  const members = new Map<string, string[]>()
  const titles = new Map<string, string>()
  const names = new Map(snapshot.people.map((p) => [p.id, p]))
  const errors: ImportError[] = []
  for (const { line, cells } of table.rows) {
    const [person, unit] = [cells.person!, cells.unit!]
    if (!units.has(unit)) {
      errors.push(
        importError({ file, line }, `unit '${unit}' is not in the snapshot of ${snapshot.date} (${snapshot.file})`),
      )
      continue
    }
    members.set(unit, [...(members.get(unit) ?? []), person])
    if ((cells.name ?? '') !== '') names.set(person, { id: person, name: cells.name!, origin: { file, line } })
    if ((cells.title ?? '') !== '') titles.set(`${unit}\u0000${person}`, cells.title!)
  }
  if (errors.length > 0) return errors
  return {
    ...snapshot,
    people: [...names.values()],
    units: snapshot.units.map((u) => ({
      ...u,
      members: members.get(u.id) ?? [],
      leaders: u.leaders.map((l) => ({ ...l, title: titles.get(`${u.id}\u0000${l.person}`) ?? l.title })),
    })),
  }
}
