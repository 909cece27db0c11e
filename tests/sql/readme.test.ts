import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cli } from '../support/cli.js'
import { type PostgresServer, postgresAvailable, startPostgres } from '../support/postgres.js'
import { psql } from '../support/psql.js'

// The README's SQL section shows real output: the script of the seed history loaded with psql,
// and the query it shows, run as shown.
const available = postgresAvailable()
const root = resolve(import.meta.dirname, '../..')
const readme = readFileSync(join(root, 'README.md'), 'utf8')
const section = readme.slice(readme.indexOf('\n## SQL\n'), readme.indexOf('\n## ', readme.indexOf('\n## SQL\n') + 1))
const blocks = [...section.matchAll(/```(\w+)\n([\s\S]*?)```/g)].map((m) => ({ lang: m[1]!, body: m[2]! }))

let server: PostgresServer

describe.skipIf(!available)("the README's SQL section", () => {
  beforeAll(async () => {
    server = await startPostgres()
  }, 120_000)
  afterAll(() => server?.stop())

  it('loads the script of the seed history as it says, and shows the real output of its query', async () => {
    const load = blocks.find((b) => b.lang === 'sh' && b.body.startsWith('org-history sql events/ | psql'))
    expect(load?.body).toBe('org-history sql events/ | psql -v ON_ERROR_STOP=1 "$DATABASE_URL"\n')
    const script = await cli('sql', 'events/')
    expect(script.status).toBe(0)
    psql(server, `${script.out}\n`)
    const session = blocks.find((b) => b.lang === 'text' && b.body.startsWith('$ psql "$DATABASE_URL" -c "'))
    const [command, ...output] = session!.body.split('\n')
    const query = command!.slice('$ psql "$DATABASE_URL" -c "'.length, -1)
    expect(psql(server, '', server.database, ['-c', query])).toBe(output.join('\n'))
  }, 120_000)
})
