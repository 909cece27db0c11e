import { parseDate } from '../../domain/date.js'
import { type ImportError, importError, type Snapshot, type SnapshotPerson, type SnapshotUnit } from '../snapshot.js'
import { csvRows, missingColumns, type Row, unitOfRow } from './csv.js'

/** The `to` of a version still valid (SAP OM and Workday write it for "open"). */
const OPEN = '9999-12-31'
const DAY = 86_400_000

const dayText = (ms: number) => new Date(ms).toISOString().slice(0, 10)

/** A calendar day `YYYY-MM-DD` as the UTC instant it starts, or `undefined`. */
function day(text: string): number | undefined {
  const parsed = /^\d{4}-\d{2}-\d{2}$/.test(text) ? parseDate(text) : undefined
  return parsed?.precision === 'day' ? parsed.start : undefined
}

interface Version {
  readonly row: Row
  readonly unit: SnapshotUnit
  readonly head?: SnapshotPerson
  readonly from: number
  /** The last day it is valid (inclusive); `Infinity` while it is. */
  readonly to: number
}

function versionOf(header: readonly string[], row: Row, file: string, attributes: readonly string[]) {
  const origin = { file, line: row.line }
  const read = unitOfRow(header, row, file, attributes)
  if ('_tag' in read) return read
  const from = day(row.cells.from ?? '')
  if (from === undefined) return importError(origin, `from '${row.cells.from}' is not a date; use YYYY-MM-DD`)
  const toText = row.cells.to ?? ''
  const to = toText === '' || toText === OPEN ? Number.POSITIVE_INFINITY : day(toText)
  if (to === undefined)
    return importError(origin, `to '${toText}' is not a date; use YYYY-MM-DD, or leave it empty while valid`)
  if (to < from) return importError(origin, `to ${toText} is before from ${row.cells.from}; swap them`)
  return { row, ...read, from, to } satisfies Version
}

/** Two versions of one unit valid on the same day. */
function overlaps(versions: readonly Version[], file: string): ImportError[] {
  const byUnit = new Map<string, Version[]>()
  for (const v of versions) byUnit.set(v.unit.id, [...(byUnit.get(v.unit.id) ?? []), v])
  const errors: ImportError[] = []
  for (const list of byUnit.values()) {
    const sorted = [...list].sort((a, b) => a.from - b.from)
    for (let i = 1; i < sorted.length; i++) {
      const [a, b] = [sorted[i - 1]!, sorted[i]!]
      if (b.from <= a.to)
        errors.push(
          importError(
            { file, line: b.row.line },
            `this version of '${b.unit.id}' starts on ${dayText(b.from)}, while the one of line ${a.row.line} is still valid; end that one the day before`,
          ),
        )
    }
  }
  return errors
}

/**
 * An effective-dated table (DESIGN §7, `--versions`): one row per version of a unit, valid from
 * `from` to `to` (inclusive days; empty or `9999-12-31` while still valid), with the columns of a
 * CSV snapshot. Read as one snapshot per day on which something starts or ends (each `from`, and
 * the day after each `to`), so every change takes effect on its exact date and a unit whose last
 * version ends is gone the day after, unless matched as a merge or split.
 * @param text the file's content
 * @param file its name
 * @param attributes other columns kept as attributes
 * @returns the snapshots in date order, or every error with its line
 */
export function readCsvVersions(
  text: string,
  file: string,
  attributes: readonly string[] = [],
): Snapshot[] | ImportError[] {
  const table = csvRows(text, file)
  if (Array.isArray(table)) return table
  const { header, rows } = table
  const missing = missingColumns(header, file, ['unit', 'parent', 'from'])
  if (missing.length > 0) return missing
  const errors: ImportError[] = []
  const versions: Version[] = []
  for (const row of rows) {
    const v = versionOf(header, row, file, attributes)
    if ('_tag' in v) errors.push(v)
    else versions.push(v)
  }
  errors.push(...overlaps(versions, file))
  if (errors.length > 0) return errors
  const days = new Set<number>()
  for (const v of versions) {
    days.add(v.from)
    if (Number.isFinite(v.to)) days.add(v.to + DAY)
  }
  return [...days]
    .sort((a, b) => a - b)
    .map((d) => {
      const valid = versions.filter((v) => v.from <= d && d <= v.to)
      const people = new Map(valid.flatMap((v) => (v.head === undefined ? [] : [[v.head.id, v.head] as const])))
      const first = valid[0]?.row.line ?? 1
      return {
        date: dayText(d),
        file,
        origin: { file, line: first },
        units: valid.map((v) => v.unit),
        people: [...people.values()],
      }
    })
}
