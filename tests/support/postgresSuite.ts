import type pg from 'pg'
import { afterAll, beforeAll } from 'vitest'
import { migrate } from '../../src/postgres.js'
import { type PostgresServer, startPostgres } from './postgres.js'

/**
 * A fresh server for the tests of the enclosing `describe`: started before them with a pool of
 * `max` clients (and the store's tables when `migrated`), stopped after them. Errors of idle clients
 * are ignored (the server stops under them). `ready` receives both once they are up.
 */
export function postgresForTests(
  options: { readonly max: number; readonly migrated: boolean },
  ready: (server: PostgresServer, pool: pg.Pool) => void,
): void {
  let server: PostgresServer | undefined
  let pool: pg.Pool | undefined
  beforeAll(async () => {
    server = await startPostgres()
    pool = server.pool({ max: options.max })
    pool.on('error', () => undefined)
    if (options.migrated) await migrate(pool)
    ready(server, pool)
  }, 120_000)

  afterAll(async () => {
    await pool?.end()
    server?.stop()
  })
}
