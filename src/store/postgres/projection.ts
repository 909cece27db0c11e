import type { Event } from '../../events/event.js'
import { functionsDDL, indexesDDL, tablesDDL } from '../../sql/ddl.js'
import { DEFAULT_SCHEMA } from '../../sql/script.js'
import { COLUMNS, quoteIdent } from '../../sql/text.js'
import type { Versioned } from '../../sql/unitVersion.js'
import { versionsOf } from '../../sql/versions.js'
import type { PgClient } from './types.js'

/** Where a store keeps its projection: a schema of its own (one history per schema). */
export interface Projection {
  /** The schema, quoted. */
  readonly schema: string
  /** Rows per `INSERT`. */
  readonly batchSize: number
}

/** The projection of an option, or `undefined` when it is off. */
export function projectionOf(
  option: boolean | { readonly schema?: string } | undefined,
  batchSize: number,
): Projection | undefined {
  if (option === undefined || option === false) return undefined
  const schema = option === true ? DEFAULT_SCHEMA : (option.schema ?? DEFAULT_SCHEMA)
  return { schema: quoteIdent(schema), batchSize }
}

const TYPES = {
  unit_versions: ['text', 'jsonb', 'text', 'text', 'jsonb', 'tstzrange', 'tstzrange'],
  leader_versions: ['text', 'text', 'text', 'text', 'boolean', 'text', 'tstzrange', 'tstzrange'],
  person_versions: ['text', 'jsonb', 'jsonb', 'tstzrange', 'tstzrange'],
} as const

/** Inserts rows a batch at a time, every value a parameter (one array per column). */
async function insertRows<V>(
  client: PgClient,
  p: Projection,
  table: keyof typeof COLUMNS,
  rows: readonly Versioned<V>[],
  values: (row: Versioned<V>) => (string | null)[],
): Promise<void> {
  const types = TYPES[table]
  const params = types.map((type, i) => `$${i + 1}::${type}[]`).join(', ')
  const sql = `INSERT INTO ${p.schema}.${table} (${COLUMNS[table].names.join(', ')}) SELECT * FROM unnest(${params})`
  for (let from = 0; from < rows.length; from += p.batchSize) {
    const columns: (string | null)[][] = types.map(() => [])
    for (const row of rows.slice(from, from + p.batchSize)) {
      const fields = values(row)
      for (let i = 0; i < fields.length; i++) columns[i]!.push(fields[i]!)
    }
    await client.query(sql, columns)
  }
}

/**
 * Replaces the projection's rows with the versions of the whole history, in the caller's
 * transaction: readers see the old rows until it commits, and a rollback keeps them.
 */
export async function writeProjection(client: PgClient, p: Projection, history: readonly Event[]): Promise<void> {
  const versions = versionsOf(history)
  for (const table of Object.keys(COLUMNS)) await client.query(`DELETE FROM ${p.schema}.${table}`)
  await insertRows(client, p, 'unit_versions', versions.units, COLUMNS.unit_versions.values)
  await insertRows(client, p, 'leader_versions', versions.leaders, COLUMNS.leader_versions.values)
  await insertRows(client, p, 'person_versions', versions.people, COLUMNS.person_versions.values)
}

/** Makes the projection's schema anew (tables, indexes, functions, views) and fills it, in the caller's transaction. */
export async function createProjection(client: PgClient, p: Projection, history: readonly Event[]): Promise<void> {
  await client.query(`DROP SCHEMA IF EXISTS ${p.schema} CASCADE`)
  await client.query(`CREATE SCHEMA ${p.schema}`)
  await client.query(tablesDDL(p.schema))
  await writeProjection(client, p, history)
  await client.query(indexesDDL(p.schema))
  await client.query(functionsDDL(p.schema))
}

/** Whether the projection's tables are there. */
export async function projectionExists(client: Pick<PgClient, 'query'>, p: Projection): Promise<boolean> {
  const { rows } = await client.query('SELECT to_regclass($1) IS NOT NULL AS found', [`${p.schema}.unit_versions`])
  return rows[0]!.found === true
}
