/**
 * The parts of `pg` the PostgreSQL store uses, as structural types: a `pg.Pool` fits them, and the
 * library does not import `pg` at run time (it stays an optional peer dependency).
 */

/** A result of a query: its rows. @since 0.1.0 */
export interface PgResult {
  readonly rows: readonly Record<string, unknown>[]
  readonly rowCount: number | null
}

/**
 * A connection checked out of a pool (`pg.PoolClient`).
 * @since 0.1.0
 */
export interface PgClient {
  /** Runs one statement with its parameters. */
  query(text: string, values?: unknown[]): Promise<PgResult>
  /** Returns the connection to its pool; with an error, the pool closes it instead. */
  release(err?: Error | boolean): void
  /** Listens for the connection's errors (a dropped connection). */
  on(event: 'error', listener: (err: Error) => void): unknown
  /** Stops listening. */
  removeListener(event: 'error', listener: (err: Error) => void): unknown
}

/**
 * A pool of connections (`pg.Pool`). The store never ends it: the pool belongs to the caller.
 * @since 0.1.0
 */
export interface PgPool {
  /** Runs one statement on any connection of the pool. */
  query(text: string, values?: unknown[]): Promise<PgResult>
  /** Takes a connection for a transaction; release it with `release()`. */
  connect(): Promise<PgClient>
}

/** Where the store keeps its events. @since 0.1.0 */
export interface TableOptions {
  /** The table, optionally schema-qualified (`history.events`). Default `org_history_events`. */
  readonly table?: string
}

/**
 * How a {@link PostgresStore} is opened.
 * @since 0.1.0
 */
export interface PostgresStoreOptions extends TableOptions {
  /** The name of the history in the table: one table holds any number of histories. */
  readonly history: string
  /** Events fetched per query when reading (memory use grows with it). Default 1,000. */
  readonly pageSize?: number
  /** Events written per `INSERT` when appending. Default 1,000. */
  readonly batchSize?: number
  /** The clock that stamps `recorded` (one reading per append). Default: `() => new Date()`. */
  readonly now?: () => Date
  /**
   * Keeps the SQL read model (DESIGN §9: the tables, `org_at`, `org_on`… of `org-history sql`)
   * current in each append's transaction, in schema `org_history` or the one given; one history
   * per schema. Each append rewrites the history's version rows (its cost grows with the history).
   * Default: off.
   * @since 0.2.0
   */
  readonly projection?: boolean | { readonly schema?: string }
}

/** The default table of the store. @since 0.1.0 */
export const DEFAULT_TABLE = 'org_history_events'

/**
 * The SQL name of a table option: each part quoted (`"history"."events"`), so any name is safe.
 * @throws when the name is empty or has more than a schema and a table
 */
export function tableName(table: string = DEFAULT_TABLE): string {
  const parts = table.split('.')
  if (parts.length > 2 || parts.some((p) => p === ''))
    throw new Error(`table ${JSON.stringify(table)}: expected a table name or schema.table, e.g. "org_history_events"`)
  return parts.map((p) => `"${p.replaceAll('"', '""')}"`).join('.')
}

/** SQLSTATE codes the store tells apart. */
export const SQLSTATE = {
  uniqueViolation: '23505',
  undefinedTable: '42P01',
} as const

/**
 * The SQLSTATE of an error the server sent (it has a `severity`), or `undefined` for any other
 * error: a socket's `ECONNRESET` or `EPIPE` is no answer from the server.
 */
export function sqlState(error: unknown): string | undefined {
  const e = error as { code?: unknown; severity?: unknown } | null
  return typeof e?.code === 'string' && typeof e.severity === 'string' ? e.code : undefined
}

/** What to do when the table is missing: the message of that error. */
export function missingTableMessage(table: string): string {
  return `table ${table} does not exist: call migrate(pool${table === `"${DEFAULT_TABLE}"` ? '' : ', { table }'}) once before using the store`
}
