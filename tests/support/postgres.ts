/**
 * A real, throwaway PostgreSQL server for tests and benchmarks: `initdb` into a temp dir, `pg_ctl`
 * on a free port of 127.0.0.1 (socket in the same temp dir, fsync off, trust auth), stopped and
 * deleted afterwards. As root, the server runs as the `postgres` user (PostgreSQL refuses root).
 *
 * Binaries: `$ORG_HISTORY_PG_BIN`, else /usr/lib/postgresql/15/bin, else the newest
 * /usr/lib/postgresql/<n>/bin. In CI (`CI=true`) missing binaries are an error; locally the tests
 * that need the server are skipped with a loud message.
 */
import { spawnSync } from 'node:child_process'
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir, userInfo } from 'node:os'
import { join } from 'node:path'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import pg from 'pg'

const ROOT = '/usr/lib/postgresql'
const HINT = 'install PostgreSQL 15 (Debian: apt-get install postgresql) or set ORG_HISTORY_PG_BIN to its bin directory'

/** A running test server. */
export interface PostgresServer {
  readonly host: string
  readonly port: number
  readonly user: string
  readonly database: string
  /** The server's major version, e.g. `15`. */
  readonly version: string
  /** A new pool on the server (the caller ends it). */
  pool(options?: pg.PoolConfig): pg.Pool
  /** Creates an empty database and returns a pool on it (the caller ends it). */
  createDatabase(name: string): Promise<pg.Pool>
  /** Stops the server and deletes its data. Safe to call twice. */
  stop(): void
}

/** The directory of `initdb`, `pg_ctl` and `postgres`, or `undefined` when none is installed. */
export function postgresBin(): string | undefined {
  const fromEnv = process.env.ORG_HISTORY_PG_BIN
  if (fromEnv) return existsSync(join(fromEnv, 'initdb')) ? fromEnv : undefined
  const preferred = join(ROOT, '15', 'bin')
  if (existsSync(join(preferred, 'initdb'))) return preferred
  const versions = existsSync(ROOT) ? readdirSync(ROOT).filter((v) => /^\d+$/.test(v)) : []
  const found = versions
    .sort((a, b) => Number(b) - Number(a))
    .map((v) => join(ROOT, v, 'bin'))
    .find((bin) => existsSync(join(bin, 'initdb')))
  return found
}

/**
 * Whether the PostgreSQL tests can run. Throws in CI when the binaries are missing (they must run
 * there); locally prints a loud notice and returns `false`.
 */
export function postgresAvailable(): boolean {
  if (postgresBin() !== undefined) return true
  const where = process.env.ORG_HISTORY_PG_BIN || `${ROOT}/*/bin`
  const message = `PostgreSQL server binaries not found (no initdb in ${where}): ${HINT}`
  if (process.env.CI === 'true' || process.env.CI === '1') throw new Error(`${message}. CI must run these tests.`)
  const bar = '!'.repeat(100)
  console.warn(`\n${bar}\n!!! SKIPPING the PostgreSQL tests: ${message}.\n${bar}\n`)
  return false
}

/** A TCP port of 127.0.0.1 that was free a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address !== null ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

function run(asPostgres: boolean, command: string, args: readonly string[]): string {
  const [file, argv] = asPostgres ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, [...args]]
  const result = spawnSync(file, argv, { encoding: 'utf8', timeout: 60_000 })
  if (result.status !== 0) {
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}${result.error?.message ?? ''}`.trim()
    throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status}):\n${output}`)
  }
  return result.stdout
}

function ownedByPostgres(path: string): void {
  const uid = Number(run(false, 'id', ['-u', 'postgres']).trim())
  const gid = Number(run(false, 'id', ['-g', 'postgres']).trim())
  chownSync(path, uid, gid)
}

/**
 * Starts a fresh PostgreSQL server (a few seconds). Stop it with `stop()`; a process that exits
 * without stopping it stops it on the way out.
 * @example
 * const server = await startPostgres()
 * const pool = server.pool()
 * // …
 * await pool.end()
 * server.stop()
 */
export async function startPostgres(): Promise<PostgresServer> {
  const bin = postgresBin()
  if (bin === undefined) throw new Error(`cannot start PostgreSQL: ${HINT}`)
  const asPostgres = userInfo().uid === 0
  const dir = mkdtempSync(join(tmpdir(), 'org-history-pg-'))
  if (asPostgres) ownedByPostgres(dir)
  const data = join(dir, 'data')
  const log = join(dir, 'server.log')
  const port = await freePort()
  run(asPostgres, join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-locale', '-N'])
  const settings = [
    `-p ${port}`,
    '-c listen_addresses=127.0.0.1',
    `-c unix_socket_directories=${dir}`,
    '-c fsync=off',
    '-c synchronous_commit=off',
    '-c full_page_writes=off',
    '-c max_connections=200',
  ].join(' ')
  let stopped = false
  const stop = () => {
    if (stopped) return
    stopped = true
    process.off('exit', stop)
    try {
      if (existsSync(join(data, 'postmaster.pid')))
        run(asPostgres, join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop'])
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }
  process.on('exit', stop)
  try {
    run(asPostgres, join(bin, 'pg_ctl'), ['-D', data, '-l', log, '-o', settings, '-w', '-t', '60', 'start'])
  } catch (cause) {
    const serverLog = existsSync(log) ? readFileSync(log, 'utf8') : ''
    stop()
    throw new Error(`${(cause as Error).message}\n${serverLog}`)
  }
  const version = readFileSync(join(data, 'PG_VERSION'), 'utf8').trim()
  const connection = { host: '127.0.0.1', port, user: 'postgres', database: 'postgres' }
  const pool = (options: pg.PoolConfig = {}) => new pg.Pool({ ...connection, ...options })
  const createDatabase = async (name: string) => {
    const admin = new pg.Client(connection)
    await admin.connect()
    await admin.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`).finally(() => admin.end())
    const created = pool({ database: name })
    created.on('error', () => undefined)
    return created
  }
  return { ...connection, version, stop, pool, createDatabase }
}

/**
 * Waits until `count` backends other than the caller wait on a lock (an append queued behind a
 * lock the test holds), and returns their process ids, oldest query first.
 */
export async function waitingBackends(pool: pg.Pool, count: number, timeoutMs = 20_000): Promise<number[]> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const { rows } = await pool.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity
       WHERE wait_event_type = 'Lock' AND pid <> pg_backend_pid() AND datname = current_database()
       ORDER BY query_start`,
    )
    if (rows.length >= count) return rows.map((r) => r.pid)
    if (Date.now() > deadline) throw new Error(`expected ${count} backends waiting on a lock, found ${rows.length}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

/** Waits until a server process has ended (after its client went away). */
export async function serverProcessGone(pool: pg.Pool, pid: number, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const { rows } = await pool.query('SELECT 1 FROM pg_stat_activity WHERE pid = $1', [pid])
    if (rows.length === 0) return
    if (Date.now() > deadline) throw new Error(`server process ${pid} is still running`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

/** Every item of an async iterable (Array.fromAsync needs Node 22). */
export async function all<A>(items: AsyncIterable<A>): Promise<A[]> {
  const out: A[] = []
  for await (const item of items) out.push(item)
  return out
}

/** A function that runs a full garbage collection and returns the heap in use, in bytes. */
export function heapAfterGc(): () => number {
  setFlagsFromString('--expose-gc')
  const gc = runInNewContext('gc') as () => void
  return () => {
    gc()
    return process.memoryUsage().heapUsed
  }
}
