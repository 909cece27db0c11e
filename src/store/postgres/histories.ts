import { type PgPool, type TableOptions, tableName } from './types.js'

/** A history of the table and its number of events. @since 0.1.0 */
export interface HistorySummary {
  readonly history: string
  readonly version: number
}

/**
 * The histories a table holds, by name, with their versions.
 * @param pool a `pg.Pool`
 * @param options `table`: the table given to {@link migrate}
 * @returns one entry per history, sorted by name
 * @example
 * await listHistories(pool) // [{ history: 'alibaba', version: 14 }, …]
 * @since 0.1.0
 */
export async function listHistories(
  pool: Pick<PgPool, 'query'>,
  options: TableOptions = {},
): Promise<HistorySummary[]> {
  const { rows } = await pool.query(
    `SELECT history, max(version) AS version FROM ${tableName(options.table)} GROUP BY history ORDER BY history COLLATE "C"`,
  )
  return rows.map((row) => ({ history: row.history as string, version: row.version as number }))
}
