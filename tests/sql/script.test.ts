import fc from 'fast-check'
import { isRight } from 'fp-ts/lib/Either.js'
import type pg from 'pg'
import { describe, expect, it } from 'vitest'
import {
  dayText,
  type Event,
  instantText,
  leaderAssigned,
  parseDate,
  personRegistered,
  sqlScript,
  Timeline,
  unitCreated,
  unitRenamed,
  versionsOf,
} from '../../src/index.js'
import { readHistoryOrThrow } from '../../src/node.js'
import {
  bitemporalHistoryArb,
  knownAtChoices,
  libraryAt,
  normalized,
  queryDate,
  queryDatesArb,
  type UnitRow,
} from '../support/bitemporal.js'
import { type PostgresServer, postgresAvailable } from '../support/postgres.js'
import { postgresForTests } from '../support/postgresSuite.js'
import { psql } from '../support/psql.js'

// In CI a missing server fails this file; locally it skips it with a loud message.
const available = postgresAvailable()
const RUNS = { numRuns: Number(process.env.SQL_RUNS ?? 25) }

let server: PostgresServer
let pool: pg.Pool

const COLUMNS = 'unit, name, kind, parent, attributes, leaders'
async function orgAt(at: string, knownAt: string | undefined, schema = 'org_history'): Promise<UnitRow[]> {
  const { rows } = await pool.query(`SELECT ${COLUMNS} FROM "${schema.replaceAll('"', '""')}".org_at($1, $2)`, [
    at,
    knownAt ?? null,
  ])
  return normalized(rows as UnitRow[])
}
async function orgOn(day: string, knownAt: string | undefined): Promise<UnitRow[]> {
  const { rows } = await pool.query(`SELECT ${COLUMNS} FROM org_history.org_on($1, $2)`, [day, knownAt ?? null])
  return normalized(rows as UnitRow[])
}
const load = (history: readonly Event[], schema?: string) =>
  psql(server, sqlScript(versionsOf(history), schema === undefined ? {} : { schema }))

/** The last instant of a library date (its end, exclusive, minus one millisecond). */
const lastInstant = (date: string) => instantText(parseDate(date)!.end - 1)

/** Compares org_at and org_on with the library at every date and transaction time given. */
async function agrees(history: readonly Event[], dates: readonly string[], schema?: string): Promise<number> {
  const timeline = Timeline.from(history)
  if (!isRight(timeline)) throw new Error('invalid history')
  let compared = 0
  for (const knownAt of knownAtChoices(history))
    for (const date of dates) {
      const expected = libraryAt(timeline.right, date, knownAt)
      if (expected !== undefined) {
        expect(await orgAt(lastInstant(date), knownAt, schema), `org_at(${date}, ${knownAt})`).toEqual(expected)
        compared++
      }
      const day = dayText(parseDate(date)!.start)
      const onDay = libraryAt(timeline.right, day, knownAt)
      if (onDay !== undefined && schema === undefined)
        expect(await orgOn(day, knownAt), `org_on(${day}, ${knownAt})`).toEqual(onDay)
    }
  return compared
}

describe.skipIf(!available)('the SQL script', () => {
  postgresForTests({ max: 4, migrated: false }, (s, p) => {
    server = s
    pool = p
  })

  it('answers org_at(D, T) and org_on(day, T) as the library answers at D known at T', async () => {
    let compared = 0
    await fc.assert(
      fc.asyncProperty(bitemporalHistoryArb, queryDatesArb, async (history, choices) => {
        load(history)
        compared += await agrees(
          history,
          choices.map((c) => queryDate(history, c)),
        )
      }),
      RUNS,
    )
    expect(compared).toBeGreaterThan(RUNS.numRuns)
  }, 300_000)

  const seed = () => readHistoryOrThrow(['events/alibaba-2021-2022.ndjson'])

  it('loads the seed history and answers at each of its dates, again after a second load', async () => {
    const history = seed()
    const dates = [...new Set(history.flatMap((e) => (e.effective === undefined ? [] : [e.effective])))]
    load(history)
    await agrees(history, dates)
    load(history)
    expect(await agrees(history, dates)).toBeGreaterThan(dates.length)
  }, 120_000)

  it('replaces only its own schema and answers from another schema with --schema', async () => {
    const history = seed()
    load(history)
    load(history.slice(0, 3), 'other schema "quoted"')
    await agrees(history.slice(0, 3), ['2022-01-06'], 'other schema "quoted"')
    await agrees(history, ['2022-01-06'])
  }, 120_000)

  it('stores and returns hostile ids, names and attributes as written', async () => {
    const ids = [
      "'; drop table x; --",
      '__proto__',
      '大淘寶',
      '🏢',
      'tab\there',
      'back\\slash\\N',
      'line\nbreak',
      '"quoted"',
    ]
    const history: Event[] = [
      unitCreated(
        { unit: ids[0]!, name: { 'zh-Hant': '大淘寶', en: "O'Brien \\N\t\r\n" } },
        { id: 'e0', effective: '2020' },
      ),
      ...ids
        .slice(1)
        .map((unit, i) =>
          unitCreated(
            { unit, name: unit, parent: ids[0]!, attributes: { [unit]: [unit, null, 1.5], __proto__x: { $1: "'" } } },
            { id: `e${i + 1}`, effective: '2021' },
          ),
        ),
      personRegistered({ person: ids[3]!, name: { en: '$$ -- ;' } }, { id: 'p', effective: '2021' }),
      leaderAssigned(
        { unit: ids[1]!, person: ids[0]!, role: ids[2]!, title: '\\.' },
        { id: 'l', effective: '2021-06' },
      ),
      unitRenamed(
        { unit: ids[4]!, name: '\\.\n\\.' },
        { id: 'r', effective: '2022', recorded: '2022-02-01T00:00:00Z' },
      ),
    ]
    load(history)
    await agrees(history, ['2020', '2021', '2021-06', '2022'])
    const { rows } = await pool.query('SELECT unit FROM org_history.org_at(now()) ORDER BY unit COLLATE "C"')
    expect(rows.map((r) => r.unit)).toEqual([...ids].sort())
    const { rows: tables } = await pool.query("SELECT count(*)::int AS n FROM pg_tables WHERE tablename = 'x'")
    expect(tables[0].n).toBe(0)
  }, 120_000)

  it('builds the tree with depth and path, and the current views', async () => {
    load(seed())
    const { rows } = await pool.query(
      "SELECT unit, depth, path FROM org_history.org_tree('2022-01-06T12:00:00Z') WHERE unit IN ('alibaba-group', 'taobao-tmall', 'alimama')",
    )
    expect(rows).toEqual(
      [
        { unit: 'alibaba-group', depth: 0, path: ['alibaba-group'] },
        { unit: 'taobao-tmall', depth: 2, path: ['alibaba-group', 'china-digital-commerce', 'taobao-tmall'] },
        { unit: 'alimama', depth: 3, path: ['alibaba-group', 'china-digital-commerce', 'taobao-tmall', 'alimama'] },
      ].sort((a, b) => (a.path.join('/') < b.path.join('/') ? -1 : 1)),
    )
    const current = await pool.query('SELECT count(*)::int AS n FROM org_history.org_units_current')
    expect(current.rows[0].n).toBe((await orgAt(new Date().toISOString(), undefined)).length)
    const leaders = await pool.query(
      "SELECT person, person_name FROM org_history.org_leaders_current WHERE unit = 'taobao-tmall' AND role = 'head'",
    )
    expect(leaders.rows).toEqual([{ person: 'dai-shan', person_name: { 'zh-Hant': '戴珊', en: 'Trudy Dai' } }])
  }, 120_000)
})
