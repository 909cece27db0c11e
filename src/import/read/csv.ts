import { parse } from 'csv-parse/sync'
import type { Name } from '../../domain/name.js'
import type { Json } from '../../domain/state.js'
import { type ImportError, importError, type Snapshot, type SnapshotPerson, type SnapshotUnit } from '../snapshot.js'

/** Options of reading a CSV snapshot. */
export interface CsvOptions {
  /** The date when the rows have no `date` column (else a YYYY-MM-DD in the file name). */
  readonly date?: string
  /** Other columns kept as attributes. */
  readonly attributes?: readonly string[]
}

export interface Row {
  readonly line: number
  readonly cells: Record<string, string>
}

/** The rows of a CSV file with a header (RFC 4180, BOM, CRLF), each with the line it starts on. */
export function csvRows(text: string, file: string): { header: string[]; rows: Row[] } | ImportError[] {
  try {
    const records = parse(text, {
      bom: true,
      info: true,
      relax_column_count: false,
      skip_empty_lines: true,
    }) as unknown as {
      record: string[]
      info: { lines: number }
    }[]
    const [head, ...rest] = records
    if (head === undefined) return [importError({ file, line: 1 }, 'empty file: expected a header row')]
    const header = head.record.map((h) => h.trim())
    const rows = rest.map(({ record, info }) => {
      const cells: Record<string, string> = Object.create(null)
      for (const [i, h] of header.entries()) cells[h] = record[i] ?? ''
      const breaks = record.reduce((n, c) => n + (c.match(/\n/g)?.length ?? 0), 0)
      return { line: info.lines - breaks, cells }
    })
    return { header, rows }
  } catch (cause) {
    const e = cause as Error & { lines?: number }
    return [importError({ file, line: e.lines ?? 1 }, `not CSV: ${e.message}`)]
  }
}

function nameOf(header: readonly string[], cells: Record<string, string>): Name | undefined {
  if (header.includes('name') && cells.name !== '') return cells.name
  const tags = header.filter((h) => h.startsWith('name:') && cells[h] !== '')
  if (tags.length === 0) return undefined
  const name: Record<string, string> = {}
  for (const h of tags) name[h.slice(5)] = cells[h]!
  return name
}

const attribute = (text: string): Json => text

/** The date of a CSV snapshot: its `date` column, `--date`, or a YYYY-MM-DD in the file name. */
function dateOf(rows: readonly Row[], file: string, options: CsvOptions): { date: string; line: number } | undefined {
  const column = rows.find((r) => (r.cells.date ?? '') !== '')
  if (column !== undefined) return { date: column.cells.date!, line: column.line }
  if (options.date !== undefined) return { date: options.date, line: 1 }
  const inName = /(\d{4}-\d{2}-\d{2})/.exec(file.split(/[\\/]/).pop() ?? file)?.[1]
  return inName === undefined ? undefined : { date: inName, line: 1 }
}

/** The columns every unit table needs, or the error naming those missing. */
export function missingColumns(header: readonly string[], file: string, required: readonly string[]): ImportError[] {
  const missing = required.filter((c) => !header.includes(c))
  if (!header.includes('name') && !header.some((h) => h.startsWith('name:'))) missing.push('name')
  return missing.length === 0
    ? []
    : [
        importError(
          { file, line: 1 },
          `missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}; the header has ${header.join(', ')}`,
        ),
      ]
}

/** The unit of one row (and its head's name), or why it has none; the row's date is not looked at. */
export function unitOfRow(
  header: readonly string[],
  { line, cells }: Row,
  file: string,
  attributes: readonly string[],
): { unit: SnapshotUnit; head?: SnapshotPerson } | ImportError {
  const origin = { file, line }
  const name = nameOf(header, cells)
  if (cells.unit === '') return importError(origin, 'empty unit id')
  if (name === undefined) return importError(origin, `unit '${cells.unit}' has no name`)
  const head = cells.head ?? ''
  const kept: Record<string, Json> = Object.create(null)
  for (const a of attributes) if (cells[a] !== '') kept[a] = attribute(cells[a]!)
  const unit: SnapshotUnit = {
    id: cells.unit!,
    name,
    kind: (cells.kind ?? '') === '' ? null : cells.kind!,
    parent: cells.parent === '' ? null : cells.parent!,
    attributes: { ...kept },
    leaders: head === '' ? [] : [{ person: head, role: 'head', title: null, acting: false }],
    origin,
  }
  const named = head !== '' && (cells.head_name ?? '') !== ''
  return named ? { unit, head: { id: head, name: cells.head_name!, origin } } : { unit }
}

/**
 * A CSV snapshot (DESIGN §7): one row per active unit, columns `unit`, `parent`, `name` or
 * `name:<tag>`, and optional `kind`, `head`, `head_name`, `date`, and the `attributes` listed.
 * @param text the file's content
 * @param file its name
 * @param options the date and the attribute columns
 * @returns the snapshot, or its errors with their lines
 */
export function readCsvSnapshot(text: string, file: string, options: CsvOptions = {}): Snapshot | ImportError[] {
  const table = csvRows(text, file)
  if (Array.isArray(table)) return table
  const { header, rows } = table
  const missing = missingColumns(header, file, ['unit', 'parent'])
  if (missing.length > 0) return missing
  const absent = (options.attributes ?? []).filter((a) => !header.includes(a))
  if (absent.length > 0) return [importError({ file, line: 1 }, `no column ${absent.join(', ')} for --attributes`)]
  const date = dateOf(rows, file, options)
  if (date === undefined)
    return [
      importError({ file, line: 1 }, 'no date: add a date column, give --date, or put YYYY-MM-DD in the file name'),
    ]
  const errors: ImportError[] = []
  const units: SnapshotUnit[] = []
  const people = new Map<string, SnapshotPerson>()
  for (const row of rows) {
    const { line, cells } = row
    const read = unitOfRow(header, row, file, options.attributes ?? [])
    if ('_tag' in read) {
      errors.push(read)
      continue
    }
    if ((cells.date ?? '') !== '' && cells.date !== date.date)
      errors.push(
        importError(
          { file, line },
          `date ${cells.date} differs from ${date.date} (line ${date.line}); one snapshot is one date`,
        ),
      )
    units.push(read.unit)
    if (read.head !== undefined) people.set(read.head.id, read.head)
  }
  if (errors.length > 0) return errors
  return { date: date.date, file, origin: { file, line: date.line }, units, people: [...people.values()] }
}
