/** Runs SQL scripts with the server's own `psql`, as a user of `org-history sql` does. */
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { type PostgresServer, postgresBin } from './postgres.js'

/**
 * Runs a script with `psql -v ON_ERROR_STOP=1` (stdin), returning its standard output; throws
 * with psql's messages when it fails.
 */
export function psql(server: PostgresServer, script: string, database = server.database, args: string[] = []): string {
  const result = spawnSync(
    join(postgresBin()!, 'psql'),
    [
      '-X',
      '-q',
      '-v',
      'ON_ERROR_STOP=1',
      '-h',
      server.host,
      '-p',
      String(server.port),
      '-U',
      server.user,
      '-d',
      database,
      ...args,
    ],
    { input: script, encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, PGTZ: 'UTC' } },
  )
  if (result.status !== 0) throw new Error(`psql failed (exit ${result.status}): ${result.stderr}${result.error ?? ''}`)
  return result.stdout
}
