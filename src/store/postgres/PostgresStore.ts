import { type Either, left, right } from 'fp-ts/lib/Either.js'
import type { HistoryError } from '../../errors/types.js'
import type { Event } from '../../events/event.js'
import { Timeline, type TimelineOptions } from '../../timeline/Timeline.js'
import { rangeBounds } from '../memory.js'
import type { AppendError, Appended, EventStore, ExpectedVersion, StoredEvent, VersionRange } from '../port.js'
import { type AppendTarget, appendEvents } from './append.js'
import { KnownHistory } from './known.js'
import { createProjection, projectionExists, projectionOf } from './projection.js'
import { currentVersion, type RowSource, readRows } from './rows.js'
import {
  DEFAULT_TABLE,
  missingTableMessage,
  type PgPool,
  type PostgresStoreOptions,
  SQLSTATE,
  sqlState,
  tableName,
} from './types.js'

const positive = (n: number | undefined, fallback: number, what: string): number => {
  if (n === undefined) return fallback
  if (Number.isInteger(n) && n > 0) return n
  throw new RangeError(`${what} must be a positive integer, got ${n}`)
}

/**
 * A history kept in a PostgreSQL table (see {@link migrate}); one table holds many histories, each
 * by its name. Appends run in one transaction that checks the expected version and the whole
 * history under a per-history lock; reads stream page by page, so memory stays flat however long
 * the history is. The pool belongs to the caller: `close` does not end it.
 * @example
 * import pg from 'pg'
 * import { unitCreated } from 'org-history'
 * import { migrate, PostgresStore } from 'org-history/postgres'
 * const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL })
 * const events = [unitCreated({ unit: 'group', name: '阿里巴巴集團' }, { effective: '1999' })]
 * await migrate(pool)
 * const store = new PostgresStore(pool, { history: 'alibaba' })
 * await store.append(events, { expectedVersion: 0 }) // Right({ version: 1, events: […] })
 * for await (const { version, event } of store.read()) console.log(version, event.type)
 * @since 0.1.0
 */
export class PostgresStore implements EventStore {
  /** The name of the history in the table. */
  readonly history: string
  private readonly source: RowSource
  private readonly known = new KnownHistory()
  private readonly target: AppendTarget
  private cached: { version: number; timeline: Either<HistoryError[], Timeline> } | undefined
  private closed = false

  /**
   * Opens a history (nothing is queried until it is used).
   * @param pool a `pg.Pool`; keep an `error` listener on it, as `pg` asks of every pool
   * @param options `history` (required), `table`, `pageSize`, `batchSize`, `now`
   * @since 0.1.0
   */
  constructor(pool: PgPool, options: PostgresStoreOptions) {
    if (typeof options.history !== 'string' || options.history === '')
      throw new TypeError('PostgresStore: `history` must be a non-empty string naming the history in the table')
    this.history = options.history
    const table = options.table ?? DEFAULT_TABLE
    this.source = { db: pool, table: tableName(table), history: options.history, origin: `${table}/${options.history}` }
    this.target = {
      ...this.source,
      pool,
      known: this.known,
      pageSize: positive(options.pageSize, 1000, 'pageSize'),
      batchSize: positive(options.batchSize, 1000, 'batchSize'),
      now: options.now,
      projection: projectionOf(options.projection, positive(options.batchSize, 1000, 'batchSize')),
    }
  }

  /** The number of events stored. @since 0.1.0 */
  async version(): Promise<number> {
    this.ensureOpen()
    return currentVersion(this.source).catch((cause) => this.rethrow(cause))
  }

  /**
   * Appends events in one transaction if the history is at `expectedVersion` (`'any'`: wherever it
   * is) and stays valid with them; stamps `recorded` on events without it.
   * @returns the new version and the events as stored, or why nothing was stored
   * @since 0.1.0
   */
  async append(
    events: readonly Event[],
    options: { readonly expectedVersion: ExpectedVersion },
  ): Promise<Either<AppendError, Appended>> {
    if (this.closed) return left({ _tag: 'StoreFailure', message: 'the store is closed: open a new PostgresStore' })
    const expected = options.expectedVersion
    if (events.length > 0) return appendEvents(this.target, events, expected)
    const actual = await this.version()
    return expected === 'any' || expected === actual
      ? right({ version: actual, events: [] })
      : left({ _tag: 'VersionConflict', expected, actual })
  }

  /**
   * Streams the events in version order (after `from`, up to `to`), as they were when the read
   * started: events appended meanwhile are not included.
   * @since 0.1.0
   */
  read(range: VersionRange = {}): AsyncIterable<StoredEvent> {
    return this.stream(range)
  }

  /**
   * The timeline of the whole history. Only the events stored since this store last looked are read.
   * @param options checkpoint spacing of the timeline
   * @since 0.1.0
   */
  async timeline(options?: TimelineOptions): Promise<Either<HistoryError[], Timeline>> {
    const version = await this.version()
    if (options === undefined && this.cached?.version === version) return this.cached.timeline
    const events = await this.known.upTo(this.source, version, this.target.pageSize).catch((e) => this.rethrow(e))
    const timeline = Timeline.from(events.slice(), options)
    if (options === undefined) this.cached = { version, timeline }
    return timeline
  }

  /**
   * Recomputes the SQL read model of the history (the store's `projection` option) from the events:
   * replaces its schema (tables, functions, views) in one transaction, under the history's lock, so
   * appends wait for it and readers see the old rows until it commits.
   * @throws when the store has no projection, or the database fails (nothing is changed then)
   * @example
   * const store = await openPostgresStore(pool, { history: 'alibaba', projection: true })
   * await store.rebuildProjection()
   * @since 0.2.0
   */
  async rebuildProjection(): Promise<void> {
    this.ensureOpen()
    const projection = this.target.projection
    if (projection === undefined)
      throw new Error('rebuildProjection: this store has no projection; open it with { projection: true }')
    const client = await this.target.pool.connect()
    let broken: Error | undefined
    try {
      await client.query('BEGIN')
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1), hashtext($2))', [this.source.table, this.history])
      const source = { ...this.source, db: client }
      const history = await this.known.upTo(source, await currentVersion(source), this.target.pageSize)
      await createProjection(client, projection, history)
      await client.query('COMMIT')
    } catch (cause) {
      await client.query('ROLLBACK').catch((e: Error) => {
        broken = e
      })
      this.rethrow(cause)
    } finally {
      client.release(broken)
    }
  }

  /**
   * Whether the projection's tables exist (always `true` without a projection).
   * @example
   * const store = new PostgresStore(pool, { history: 'alibaba', projection: true })
   * if (!(await store.hasProjection())) await store.rebuildProjection()
   * @since 0.2.0
   */
  async hasProjection(): Promise<boolean> {
    const projection = this.target.projection
    return projection === undefined || projectionExists(this.target.pool, projection)
  }

  /** Forgets what the store keeps in memory; the pool stays open (it is the caller's). @since 0.1.0 */
  async close(): Promise<void> {
    this.closed = true
    this.known.clear()
    this.cached = undefined
  }

  private async *stream(range: VersionRange): AsyncGenerator<StoredEvent, void, undefined> {
    this.ensureOpen()
    const { from, to } = rangeBounds(range, await this.version())
    try {
      yield* readRows(this.source, from, to, this.target.pageSize)
    } catch (cause) {
      this.rethrow(cause)
    }
  }

  private ensureOpen(): void {
    if (this.closed) throw new Error('the store is closed: open a new PostgresStore')
  }

  /** Rethrows a database error, with what to do when the table is missing. */
  private rethrow(cause: unknown): never {
    if (sqlState(cause) === SQLSTATE.undefinedTable) throw new Error(missingTableMessage(this.source.table), { cause })
    throw cause
  }
}

/**
 * Opens a history of a PostgreSQL table after checking that the table is there, so a missing
 * {@link migrate} shows at once rather than at the first append.
 * @param pool a `pg.Pool`
 * @param options `history` (required), `table`, `pageSize`, `batchSize`, `now`, `projection` (its
 * tables are built from the history when missing)
 * @returns the store, ready to use
 * @throws when the table does not exist (the message says to call `migrate`) or the database cannot be reached
 * @example
 * const store = await openPostgresStore(pool, { history: 'alibaba' })
 * @since 0.1.0
 */
export async function openPostgresStore(pool: PgPool, options: PostgresStoreOptions): Promise<PostgresStore> {
  const store = new PostgresStore(pool, options)
  await store.version()
  if (!(await store.hasProjection())) await store.rebuildProjection()
  return store
}
