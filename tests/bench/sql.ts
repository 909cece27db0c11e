/**
 * The SQL read model in the benchmark (`sql` field of `npm run bench -- --json`): the versions of
 * the bench history, the script's load into a throwaway PostgreSQL server (tests/support/postgres.ts)
 * with psql, and one `org_on` query on it. Without PostgreSQL binaries it is skipped with a message,
 * except in CI, where the server must run.
 */
import { spawnSync } from 'node:child_process'
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type pg from 'pg'
import { dayText, type Event, instantText, parseDate, sqlScriptChunks, versionsOf } from '../../src/index.js'
import { migrate, openPostgresStore } from '../../src/postgres.js'
import { postgresAvailable, postgresBin, startPostgres } from '../support/postgres.js'

/** The figures of the section, or why it was skipped. */
export type SqlFigures =
  | {
      readonly versionsMs: number
      readonly versionsRecordedInOrderMs: number
      readonly rows: number
      readonly scriptBytes: number
      readonly loadMs: number
      readonly orgOnMs: number
      readonly orgOnUnits: number
      /** One single-event append to a history of `projectionEvents` events, with the projection and without (medians). */
      readonly projectionEvents: number
      readonly appendMs: number
      readonly appendWithProjectionMs: number
    }
  | { readonly skipped: string }

const QUERIES = 5
const PROJECTION = { events: 10_000, appends: 5 }

/** The median time of single-event appends after `base`, to a store with or without the projection. */
async function appendMs(pool: pg.Pool, history: readonly Event[], projection: boolean): Promise<number> {
  const name = projection ? 'projected' : 'plain'
  const store = await openPostgresStore(pool, { history: name, projection: projection && { schema: name } })
  const base = history.slice(0, PROJECTION.events)
  const appended = await store.append(base, { expectedVersion: 0 })
  if (appended._tag === 'Left') throw new Error(`bench append failed: ${JSON.stringify(appended.left)}`)
  const times: number[] = []
  for (const event of history.slice(PROJECTION.events, PROJECTION.events + PROJECTION.appends)) {
    const t = performance.now()
    const one = await store.append([event], { expectedVersion: 'any' })
    times.push(performance.now() - t)
    if (one._tag === 'Left') throw new Error(`bench append failed: ${JSON.stringify(one.left)}`)
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!
}

async function write(path: string, pieces: Iterable<string>): Promise<void> {
  const out = createWriteStream(path)
  for (const piece of pieces) if (!out.write(`${piece}\n`)) await new Promise<void>((r) => out.once('drain', () => r()))
  await new Promise<void>((resolve, reject) => {
    out.on('error', reject)
    out.end(() => resolve())
  })
}

/** Runs the section on a history; `log` reports progress. */
export async function sqlSection(history: readonly Event[], log: (message: string) => void): Promise<SqlFigures> {
  if (!postgresAvailable()) return { skipped: 'PostgreSQL server binaries not found (apt-get install postgresql)' }
  let t = performance.now()
  const versions = versionsOf(history)
  const versionsMs = performance.now() - t
  const rows = versions.units.length + versions.leaders.length + versions.people.length
  log(`sql: ${rows} version rows in ${versionsMs.toFixed(0)} ms`)
  // The in-order case: every event recorded at its own instant, in valid-time order.
  const stamped = history.map((e) =>
    e.effective === undefined ? e : { ...e, recorded: instantText(parseDate(e.effective)!.start) },
  )
  t = performance.now()
  versionsOf(stamped)
  const versionsRecordedInOrderMs = performance.now() - t
  log(`sql: versions with every event recorded at its own instant in ${versionsRecordedInOrderMs.toFixed(0)} ms`)
  const dir = mkdtempSync(join(tmpdir(), 'org-history-sql-'))
  const server = await startPostgres()
  const pool = server.pool({ max: 2 })
  pool.on('error', () => undefined)
  try {
    const file = join(dir, 'history.sql')
    await write(file, sqlScriptChunks(versions))
    const scriptBytes = statSync(file).size
    const psql = join(postgresBin()!, 'psql')
    const connection = ['-h', server.host, '-p', String(server.port), '-U', server.user, '-d', server.database]
    t = performance.now()
    const load = spawnSync(psql, ['-X', '-q', '-v', 'ON_ERROR_STOP=1', ...connection, '-f', file], { encoding: 'utf8' })
    const loadMs = performance.now() - t
    if (load.status !== 0) throw new Error(`psql failed: ${load.stderr}`)
    log(`sql: script of ${(scriptBytes / 2 ** 20).toFixed(0)} MiB loaded in ${loadMs.toFixed(0)} ms`)
    const dated = history.filter((e) => e.effective !== undefined)
    const day = dayText(parseDate(dated[Math.floor(dated.length / 2)]!.effective!)!.start)
    const times: number[] = []
    let orgOnUnits = 0
    for (let i = 0; i < QUERIES; i++) {
      t = performance.now()
      const { rowCount } = await pool.query('SELECT * FROM org_history.org_on($1)', [day])
      times.push(performance.now() - t)
      orgOnUnits = rowCount ?? 0
    }
    const orgOnMs = times.sort((a, b) => a - b)[Math.floor(QUERIES / 2)]!
    log(`sql: org_on('${day}') gives ${orgOnUnits} units in ${orgOnMs.toFixed(1)} ms (median of ${QUERIES})`)
    await migrate(pool)
    const plain = await appendMs(pool, history, false)
    const projected = await appendMs(pool, history, true)
    log(
      `sql: one append to ${PROJECTION.events} events: ${plain.toFixed(0)} ms, with the projection ${projected.toFixed(0)} ms`,
    )
    return {
      versionsMs,
      versionsRecordedInOrderMs,
      rows,
      scriptBytes,
      loadMs,
      orgOnMs,
      orgOnUnits,
      projectionEvents: PROJECTION.events,
      appendMs: plain,
      appendWithProjectionMs: projected,
    }
  } finally {
    await pool.end()
    server.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}

/** The section as lines of the text report. */
export function sqlLines(f: SqlFigures): string {
  if ('skipped' in f) return `sql        skipped: ${f.skipped}`
  const n = (x: number) => x.toLocaleString('en-US', { maximumSignificantDigits: 4 })
  return [
    `sql        versionsOf (${n(f.rows)} rows)   ${n(f.versionsMs)} ms`,
    `           versionsOf, each event recorded at its own instant   ${n(f.versionsRecordedInOrderMs)} ms`,
    `           script load with psql (${n(f.scriptBytes / 2 ** 20)} MiB)   ${n(f.loadMs)} ms`,
    `           one org_on query (${n(f.orgOnUnits)} units, median of ${QUERIES})   ${n(f.orgOnMs)} ms`,
    `           one append to ${n(f.projectionEvents)} events: ${n(f.appendMs)} ms, with the projection ${n(f.appendWithProjectionMs)} ms`,
  ].join('\n')
}
