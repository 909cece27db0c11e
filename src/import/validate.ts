import { parseDate } from '../domain/date.js'
import type { Origin } from '../domain/ids.js'
import { type ImportError, importError, type Snapshot, type SnapshotUnit } from './snapshot.js'

function at(snapshot: Snapshot, unit?: SnapshotUnit): Origin {
  return unit?.origin ?? snapshot.origin ?? { file: snapshot.file, line: 1 }
}

function cycleErrors(snapshot: Snapshot, byId: ReadonlyMap<string, SnapshotUnit>): ImportError[] {
  const errors: ImportError[] = []
  const done = new Set<string>()
  for (const unit of snapshot.units) {
    const path: string[] = []
    const onPath = new Set<string>()
    let id: string | null = unit.id
    while (id !== null && !done.has(id) && byId.has(id)) {
      if (onPath.has(id)) {
        const cycle = [...path.slice(path.indexOf(id)), id].map((u) => `'${u}'`).join(' → ')
        errors.push(importError(at(snapshot, byId.get(id)), `the parents of unit '${id}' form a cycle: ${cycle}`))
        break
      }
      onPath.add(id)
      path.push(id)
      id = byId.get(id)!.parent
    }
    for (const u of path) done.add(u)
  }
  return errors
}

function unitErrors(snapshot: Snapshot): ImportError[] {
  const errors: ImportError[] = []
  const byId = new Map<string, SnapshotUnit>()
  for (const unit of snapshot.units) {
    const first = byId.get(unit.id)
    if (first === undefined) byId.set(unit.id, unit)
    else {
      const where = first.origin === undefined ? '' : ` (first at line ${first.origin.line})`
      errors.push(importError(at(snapshot, unit), `duplicate unit '${unit.id}'${where}; each unit is one row`))
    }
  }
  for (const unit of snapshot.units)
    if (unit.parent !== null && !byId.has(unit.parent))
      errors.push(
        importError(
          at(snapshot, unit),
          `unit '${unit.id}' has parent '${unit.parent}', which is not a unit of this snapshot; add it or leave the parent empty for a root`,
        ),
      )
  return errors.length > 0 ? errors : cycleErrors(snapshot, byId)
}

/**
 * Every problem of a set of snapshots, found before anything is inferred: a date that is not a
 * date, two snapshots of one date, a duplicate unit, an unknown parent, a cycle of parents.
 * @param snapshots the snapshots, in any order
 * @returns the errors with where they were read (empty when the snapshots can be imported)
 * @example
 * validateSnapshots([{ date: 'soon', file: 'a.csv', units: [], people: [] }]) // one error
 * @since 0.2.0
 */
export function validateSnapshots(snapshots: readonly Snapshot[]): ImportError[] {
  const errors: ImportError[] = []
  const byDay = new Map<number, Snapshot>()
  for (const snapshot of snapshots) {
    const date = parseDate(snapshot.date)
    if (date === undefined) {
      errors.push(
        importError(
          at(snapshot),
          `'${snapshot.date}' is not a date; use YYYY-MM-DD (or --date, or a date in the file name)`,
        ),
      )
      continue
    }
    const other = byDay.get(date.start)
    if (other !== undefined)
      errors.push(
        importError(
          at(snapshot),
          `a second snapshot of ${snapshot.date} (the first is ${other.file}); give each date once`,
        ),
      )
    else byDay.set(date.start, snapshot)
  }
  for (const snapshot of snapshots) errors.push(...unitErrors(snapshot))
  return errors
}
