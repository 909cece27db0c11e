import { type Either, isLeft, left, right } from 'fp-ts/lib/Either.js'
import type { OrgState } from '../../domain/state.js'
import type { Event } from '../../events/event.js'
import type { AppendError, Appended, ExpectedVersion } from '../port.js'
import { checkAppend } from '../validateAppend.js'
import type { KnownHistory } from './known.js'
import { createProjection, type Projection, projectionExists, writeProjection } from './projection.js'
import { currentVersion, type RowSource, toRow } from './rows.js'
import { missingTableMessage, type PgClient, type PgPool, SQLSTATE, sqlState } from './types.js'

/** What an append needs to know about its store. */
export interface AppendTarget extends Omit<RowSource, 'db'> {
  readonly pool: PgPool
  readonly known: KnownHistory
  readonly pageSize: number
  readonly batchSize: number
  /** The clock that stamps `recorded`. */
  readonly now?: () => Date
  /** The SQL read model kept current in each append's transaction, when on. */
  readonly projection?: Projection
}

/** A store failure with what to do about it. */
const failure = (message: string, cause?: unknown): AppendError => ({ _tag: 'StoreFailure', message, cause })

/** Thrown inside the transaction to roll it back with a tagged error. */
class Refused {
  constructor(readonly error: AppendError) {}
}

/** Thrown when an insert hit a version stored meanwhile (by a writer that did not take the lock). */
class RacedPast {
  constructor(readonly seen: number) {}
}

/**
 * Appends events in one transaction: takes the history's advisory lock (appenders of one history
 * queue there, appenders of others do not wait), reads the stored version, checks the expected
 * one, checks the events against the whole history, inserts them and commits. The primary key
 * `(history, version)` backs the lock: an insert that races past it fails and is a conflict.
 * Anything that fails before COMMIT (a lost connection included) rolls the whole append back.
 */
export async function appendEvents(
  target: AppendTarget,
  events: readonly Event[],
  expected: ExpectedVersion,
): Promise<Either<AppendError, Appended>> {
  let client: PgClient
  try {
    client = await target.pool.connect()
  } catch (cause) {
    return left(failure(`could not connect to PostgreSQL (${String(cause)}): check the pool's settings`, cause))
  }
  // A connection that drops also emits 'error' on the client: the failing query reports it.
  const ignore = () => undefined
  client.on('error', ignore)
  let broken: Error | undefined
  try {
    await client.query('BEGIN')
    const { appended, state } = await inTransaction(target, client, events, expected)
    await commit(client)
    const stored = appended.events.map((s) => s.event)
    target.known.extend(appended.version - stored.length, stored, state)
    return right(appended)
  } catch (cause) {
    broken = await rollback(client)
    if (cause instanceof Refused) return left(cause.error)
    if (cause instanceof RacedPast) return left(await conflict(target, cause.seen))
    return left(explain(target, cause))
  } finally {
    client.removeListener('error', ignore)
    client.release(broken)
  }
}

async function inTransaction(
  target: AppendTarget,
  client: PgClient,
  events: readonly Event[],
  expected: ExpectedVersion,
): Promise<{ appended: Appended; state: OrgState | undefined }> {
  const source: RowSource = { ...target, db: client }
  await client.query('SELECT pg_advisory_xact_lock(hashtext($1), hashtext($2))', [target.table, target.history])
  const version = await currentVersion(source)
  if (expected !== 'any' && expected !== version)
    throw new Refused({ _tag: 'VersionConflict', expected, actual: version })
  const history = await target.known.upTo(source, version, target.pageSize)
  const checked = checkAppend(history, events, { now: target.now, base: target.known.appendBase() })
  if (isLeft(checked)) throw new Refused({ _tag: 'InvalidAppend', errors: checked.left })
  const stored = checked.right.events
  try {
    for (let from = 0; from < stored.length; from += target.batchSize)
      await insert(target, client, version + from, stored.slice(from, from + target.batchSize))
  } catch (cause) {
    throw sqlState(cause) === SQLSTATE.uniqueViolation ? new RacedPast(version) : cause
  }
  if (target.projection !== undefined) await project(client, target.projection, [...history, ...stored])
  const at = (i: number) => ({ file: target.origin, line: version + i + 1 })
  const appended = {
    version: version + stored.length,
    events: stored.map((event, i) => ({ version: version + i + 1, event: { ...event, origin: at(i) } })),
  }
  return { appended, state: checked.right.state }
}

/** Rewrites the projection with the whole history (creating it when it is missing). */
async function project(client: PgClient, projection: Projection, history: readonly Event[]): Promise<void> {
  if (await projectionExists(client, projection)) await writeProjection(client, projection, history)
  else await createProjection(client, projection, history)
}

/** Inserts events as versions `after + 1`, `after + 2`… */
async function insert(target: AppendTarget, client: PgClient, after: number, events: readonly Event[]): Promise<void> {
  const rows = events.map(toRow)
  await client.query(
    `INSERT INTO ${target.table} (history, version, id, type, event)
     SELECT $1, $2 + n, id, type, event
     FROM unnest($3::text[], $4::text[], $5::json[]) WITH ORDINALITY AS e(id, type, event, n)`,
    [target.history, after, rows.map((r) => r.id), rows.map((r) => r.type), rows.map((r) => r.json)],
  )
}

/** Commits; a connection lost during COMMIT leaves the outcome unknown, which the error says. */
async function commit(client: PgClient): Promise<void> {
  try {
    await client.query('COMMIT')
  } catch (cause) {
    if (sqlState(cause) !== undefined) throw cause
    throw new Refused(
      failure(
        `the connection was lost while committing (${String(cause)}), so the events may or may not be stored: ` +
          'read the version (or the last events) before appending them again',
        cause,
      ),
    )
  }
}

/** Rolls back; returns the error when the connection is unusable (the pool must close it). */
async function rollback(client: PgClient): Promise<Error | undefined> {
  try {
    await client.query('ROLLBACK')
    return undefined
  } catch (cause) {
    return cause instanceof Error ? cause : new Error(String(cause))
  }
}

/** The conflict of an append that expected version `seen` and lost a race to another writer. */
async function conflict(target: AppendTarget, seen: number): Promise<AppendError> {
  const source: RowSource = { ...target, db: target.pool }
  const actual = await currentVersion(source).catch(() => seen + 1)
  return { _tag: 'VersionConflict', expected: seen, actual }
}

/** The tagged error of an exception thrown during an append. */
function explain(target: AppendTarget, cause: unknown): AppendError {
  if (sqlState(cause) === SQLSTATE.undefinedTable) return failure(missingTableMessage(target.table), cause)
  return failure(
    `the append was rolled back, nothing of it is stored (${String(cause)}): check the database and retry`,
    cause,
  )
}
