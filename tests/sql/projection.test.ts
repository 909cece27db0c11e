import { isLeft, isRight } from 'fp-ts/lib/Either.js'
import type pg from 'pg'
import { describe, expect, it } from 'vitest'
import { type Event, eventRetracted, sqlScript, unitCreated, unitRenamed, versionsOf } from '../../src/index.js'
import { readHistoryOrThrow } from '../../src/node.js'
import { openPostgresStore, type PostgresStore } from '../../src/postgres.js'
import { all, type PostgresServer, postgresAvailable } from '../support/postgres.js'
import { postgresForTests } from '../support/postgresSuite.js'
import { psql } from '../support/psql.js'

// In CI a missing server fails this file; locally it skips it with a loud message.
const available = postgresAvailable()

let server: PostgresServer
let pool: pg.Pool
let n = 0

const TABLES = {
  unit_versions: 'unit, name, kind, parent, attributes',
  leader_versions: 'unit, person, role, title, acting, since',
  person_versions: 'person, name, aliases',
}

/** Every row of the three tables of a schema, as text, in one order. */
async function tables(schema: string): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {}
  for (const [table, columns] of Object.entries(TABLES)) {
    const { rows } = await pool.query(
      `SELECT row FROM (SELECT (${columns}, valid, recorded)::text AS row FROM "${schema}".${table}) r ORDER BY row COLLATE "C"`,
    )
    out[table] = rows.map((r) => r.row as string)
  }
  return out
}

/** The tables `org-history sql` makes of the store's events. */
async function scriptTables(store: PostgresStore): Promise<Record<string, string[]>> {
  const events = (await all(store.read())).map((s) => s.event)
  psql(server, sqlScript(versionsOf(events), { schema: 'expected' }))
  return tables('expected')
}

/** A clock that moves one day per reading from 2023-01-01. */
function clock(): () => Date {
  let day = 0
  return () => new Date(Date.UTC(2023, 0, 1 + day++))
}

const seed = () => readHistoryOrThrow(['events/alibaba-2021-2022.ndjson']).map(({ origin: _, ...e }) => e as Event)

async function openStore(options: { schema?: string; now?: () => Date } = {}): Promise<PostgresStore> {
  const schema = options.schema ?? `projection_${++n}`
  return openPostgresStore(pool, { history: schema, projection: { schema }, now: options.now ?? clock() })
}

describe.skipIf(!available)('the live projection of the PostgreSQL store', () => {
  postgresForTests({ max: 10, migrated: true }, (s, p) => {
    server = s
    pool = p
  })

  it('equals the script of the events after each append, late events and retractions included', async () => {
    const store = await openStore({ schema: 'live' })
    const history = seed()
    const late = unitCreated(
      { unit: 'late', name: 'Late', parent: 'alibaba-group' },
      { id: 'late', effective: '2021-06' },
    )
    const batches: Event[][] = [
      history.slice(0, 10),
      history.slice(10, 25),
      history.slice(25),
      [late],
      [unitRenamed({ unit: 'late', name: 'Later' }, { id: 'late-renamed', effective: '2021-07' })],
      [eventRetracted({ event: 'late-renamed' }, { id: 'x1' })],
      [eventRetracted({ event: 'late' }, { id: 'x2' })],
    ]
    for (const batch of batches) {
      const appended = await store.append(batch, { expectedVersion: 'any' })
      expect(isRight(appended), JSON.stringify(appended)).toBe(true)
      expect(await tables('live')).toEqual(await scriptTables(store))
    }
    const known = await pool.query("SELECT count(*)::int AS n FROM live.unit_versions WHERE unit = 'late'")
    expect(known.rows[0].n).toBeGreaterThan(0)
    const now = await pool.query("SELECT count(*)::int AS n FROM live.org_at('2021-08-01') WHERE unit = 'late'")
    expect(now.rows[0].n).toBe(0)
  }, 120_000)

  it('leaves neither events nor version rows after a failed append', async () => {
    const store = await openStore({ schema: 'failing' })
    expect(isRight(await store.append(seed(), { expectedVersion: 0 }))).toBe(true)
    const before = await tables('failing')
    const invalid = await store.append([unitRenamed({ unit: 'nowhere', name: 'X' }, { effective: '2023' })], {
      expectedVersion: 'any',
    })
    expect(isLeft(invalid)).toBe(true)
    await pool.query(`ALTER TABLE failing.unit_versions ADD CONSTRAINT no_boom CHECK (unit <> 'boom')`)
    const failed = await store.append([unitCreated({ unit: 'boom', name: 'Boom' }, { effective: '2023' })], {
      expectedVersion: 'any',
    })
    expect(isLeft(failed) && failed.left._tag).toBe('StoreFailure')
    expect(await store.version()).toBe(seed().length)
    expect(await tables('failing')).toEqual(before)
  }, 120_000)

  it('stays consistent with two appenders at once', async () => {
    const a = await openStore({ schema: 'shared' })
    const b = await openPostgresStore(pool, { history: 'shared', projection: { schema: 'shared' } })
    const units = (prefix: string) =>
      Array.from({ length: 8 }, (_, i) =>
        unitCreated(
          { unit: `${prefix}${i}`, name: `${prefix} ${i}` },
          { id: `${prefix}${i}`, effective: `${2000 + i}` },
        ),
      )
    const results = await Promise.all([
      ...units('a').map((e) => a.append([e], { expectedVersion: 'any' })),
      ...units('b').map((e) => b.append([e], { expectedVersion: 'any' })),
    ])
    expect(results.every(isRight)).toBe(true)
    expect(await a.version()).toBe(16)
    const { rows } = await pool.query('SELECT count(*)::int AS n FROM shared.org_at(now())')
    expect(rows[0].n).toBe(16)
    expect(await tables('shared')).toEqual(await scriptTables(a))
  }, 120_000)

  it('rebuilds the projection from the events, and builds it on open when it is missing', async () => {
    const store = await openStore({ schema: 'rebuilt' })
    expect(isRight(await store.append(seed(), { expectedVersion: 0 }))).toBe(true)
    const expected = await scriptTables(store)
    await pool.query('DELETE FROM rebuilt.unit_versions')
    await store.rebuildProjection()
    expect(await tables('rebuilt')).toEqual(expected)
    await pool.query('DROP SCHEMA rebuilt CASCADE')
    await openPostgresStore(pool, { history: 'rebuilt', projection: { schema: 'rebuilt' } })
    expect(await tables('rebuilt')).toEqual(expected)
  }, 120_000)
})
