import { type PgPool, type TableOptions, tableName } from './types.js'

/**
 * Creates the table of the PostgreSQL store when it does not exist: one row per event, keyed by
 * `(history, version)`, so two appends can never store the same version of a history. Explicit
 * (nothing happens on import), idempotent, and safe to run from several processes at once.
 *
 * ```sql
 * CREATE TABLE org_history_events (
 *   history text NOT NULL,               -- the name of the history
 *   version integer NOT NULL,            -- 1, 2, 3… within the history
 *   id text NOT NULL, type text NOT NULL, -- the event's id and type, for SQL users
 *   event json NOT NULL,                 -- the event in the wire format (DESIGN §1), as written
 *   PRIMARY KEY (history, version))
 * ```
 * @param pool a `pg.Pool` (or any client with `query`)
 * @param options `table`: another table name, optionally schema-qualified
 * @returns when the table is ready
 * @example
 * import pg from 'pg'
 * import { migrate, PostgresStore } from 'org-history/postgres'
 * const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL })
 * await migrate(pool)
 * const store = new PostgresStore(pool, { history: 'alibaba' })
 * @since 0.1.0
 */
export async function migrate(pool: Pick<PgPool, 'query'>, options: TableOptions = {}): Promise<void> {
  const table = tableName(options.table)
  // One simple query runs as one transaction: the advisory lock keeps concurrent migrations from
  // racing on the catalog, which CREATE TABLE IF NOT EXISTS alone does not.
  await pool.query(`SELECT pg_advisory_xact_lock(hashtext('org-history migrate'), hashtext(${literal(table)}));
    CREATE TABLE IF NOT EXISTS ${table} (
      history text NOT NULL,
      version integer NOT NULL CHECK (version > 0),
      id text NOT NULL,
      type text NOT NULL,
      event json NOT NULL,
      PRIMARY KEY (history, version)
    )`)
  // A table of that name made by something else fails here, with the columns it lacks.
  await pool.query(`SELECT history, version, id, type, event FROM ${table} LIMIT 0`)
}

/** A SQL string literal. */
function literal(text: string): string {
  return `'${text.replaceAll("'", "''")}'`
}
