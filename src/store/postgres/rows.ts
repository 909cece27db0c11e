import { isLeft } from 'fp-ts/lib/Either.js'
import { decodeEvent, type Event, EventCodec, encodeEvent } from '../../events/event.js'
import type { StoredEvent } from '../port.js'
import type { PgPool } from './types.js'

/** The columns of one event row, as sent to `unnest`. */
export interface EventRow {
  readonly id: string
  readonly type: string
  /** The wire form (DESIGN §1), as JSON text. */
  readonly json: string
}

/** The row of an event: its wire form as JSON text, and its id and type for SQL users. */
export function toRow(event: Event): EventRow {
  return { id: event.id, type: event.type, json: JSON.stringify(encodeEvent(event)) }
}

/** Where rows are read from. */
export interface RowSource {
  readonly db: Pick<PgPool, 'query'>
  /** The quoted table name. */
  readonly table: string
  readonly history: string
  /** The `file` of the origin of the events read (`org_history_events/<history>`); the line is the version. */
  readonly origin: string
}

/**
 * The stored event of a row, with its origin (table/history and version, for messages). The store
 * writes events in their decoded (normalized) wire form, so the codec's type guard suffices for
 * them (a third of the cost of decoding); a row that fails it is decoded for the errors. Throws
 * when the row is not a valid event (written by something other than the store): the message
 * names the row and what is wrong with it.
 */
export function fromRow(source: RowSource, row: Record<string, unknown>): StoredEvent {
  const version = row.version as number
  const origin = { file: source.origin, line: version }
  // The parsed JSON is this row's own object: giving it its origin copies nothing.
  if (EventCodec.is(row.event)) return { version, event: Object.assign(row.event, { origin }) }
  const decoded = decodeEvent(row.event, origin)
  if (isLeft(decoded)) {
    const why = decoded.left.map((e) => (e.path === '' ? e.message : `${e.path}: ${e.message}`)).join('; ')
    throw new Error(
      `${source.table} row (history ${JSON.stringify(source.history)}, version ${version}) is not a valid event: ${why}. ` +
        'Fix the row in the database, or restore it from a backup.',
    )
  }
  return { version, event: decoded.right }
}

/**
 * The events of a history after version `from` up to `to` (inclusive), in version order, fetched
 * a page at a time, the next page while the current one is consumed: memory holds at most two
 * pages, whatever the length of the history. Versions are dense (1, 2, 3…), so a page is a range
 * of versions rather than a LIMIT: each query touches one page of rows whatever plan PostgreSQL
 * picks (with LIMIT, a table without statistics yet was read to its end for every page).
 */
export async function* readRows(
  source: RowSource,
  from: number,
  to: number,
  pageSize: number,
): AsyncGenerator<StoredEvent, void, undefined> {
  const sql = `SELECT version, event FROM ${source.table}
    WHERE history = $1 AND version > $2 AND version <= $3 ORDER BY version`
  const fetch = (after: number) => {
    const page = source.db.query(sql, [source.history, after, Math.min(to, after + pageSize)])
    // A reader that stops early never awaits the page ahead: do not let its failure go unhandled.
    page.catch(() => undefined)
    return page
  }
  let next = from < to ? fetch(from) : undefined
  for (let after = from; next !== undefined; after += pageSize) {
    const { rows } = await next
    next = after + pageSize < to ? fetch(after + pageSize) : undefined
    for (const row of rows) yield fromRow(source, row)
  }
}

/** The version of a history: the number of its events (0 when it has none). */
export async function currentVersion(source: RowSource): Promise<number> {
  const { rows } = await source.db.query(
    `SELECT coalesce(max(version), 0) AS version FROM ${source.table} WHERE history = $1`,
    [source.history],
  )
  return rows[0]!.version as number
}
