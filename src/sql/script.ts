import { functionsDDL, indexesDDL, tablesDDL } from './ddl.js'
import { COLUMNS, copyField, quoteIdent } from './text.js'
import type { Versioned, Versions } from './unitVersion.js'

/** How the SQL script is made. @since 0.2.0 */
export interface ScriptOptions {
  /** The schema the script replaces and fills. Default `org_history`. */
  readonly schema?: string
  /** Rows per chunk of {@link sqlScriptChunks}. Default 10,000. */
  readonly chunkRows?: number
}

/** The default schema of the SQL read model. @since 0.2.0 */
export const DEFAULT_SCHEMA = 'org_history'

function* copy<V>(
  schema: string,
  table: keyof typeof COLUMNS,
  rows: readonly Versioned<V>[],
  values: (row: Versioned<V>) => (string | null)[],
  chunk: number,
): Generator<string> {
  yield `COPY ${schema}.${table} (${COLUMNS[table].names.join(', ')}) FROM stdin;`
  for (let from = 0; from < rows.length; from += chunk) {
    const lines: string[] = []
    for (let i = from; i < Math.min(rows.length, from + chunk); i++)
      lines.push(values(rows[i]!).map(copyField).join('\t'))
    yield lines.join('\n')
  }
  yield '\\.'
}

/**
 * The SQL script of a history's versions in pieces (each a run of whole lines, without the final
 * newline), for writing a large script without holding it whole. See {@link sqlScript}.
 * @param versions the versions ({@link versionsOf})
 * @param options `schema`, `chunkRows`
 * @returns the pieces of the script, in order
 * @example
 * import { sqlScriptChunks, versionsOf } from 'org-history'
 * for (const piece of sqlScriptChunks(versionsOf([]))) console.log(piece)
 * @since 0.2.0
 */
export function* sqlScriptChunks(versions: Versions, options: ScriptOptions = {}): Generator<string> {
  const s = quoteIdent(options.schema ?? DEFAULT_SCHEMA)
  const chunk = Math.max(1, options.chunkRows ?? 10_000)
  yield `-- org-history SQL read model (PostgreSQL 13 or later). Replaces schema ${s} and everything in it.
BEGIN;
SET LOCAL client_min_messages = warning;
DROP SCHEMA IF EXISTS ${s} CASCADE;
CREATE SCHEMA ${s};
${tablesDDL(s)}`
  yield* copy(s, 'unit_versions', versions.units, COLUMNS.unit_versions.values, chunk)
  yield* copy(s, 'leader_versions', versions.leaders, COLUMNS.leader_versions.values, chunk)
  yield* copy(s, 'person_versions', versions.people, COLUMNS.person_versions.values, chunk)
  yield `${indexesDDL(s)}
${functionsDDL(s)}
ANALYZE ${s}.unit_versions;
ANALYZE ${s}.leader_versions;
ANALYZE ${s}.person_versions;
COMMIT;`
}

/**
 * One SQL script for PostgreSQL 13 or later holding a history as versions (DESIGN §9): in one
 * transaction it replaces the schema (default `org_history`) with tables of unit, leader and
 * person versions (valid and recorded `tstzrange`s, GiST-indexed), loads them with `COPY`, and
 * creates `org_at`, `org_on`, `org_tree` and the views `org_units_current`, `org_leaders_current`.
 * Run it with `psql` (COPY reads its rows from the script).
 * @param versions the versions ({@link versionsOf})
 * @param options `schema`
 * @returns the script
 * @example
 * import { sqlScript, unitCreated, versionsOf } from 'org-history'
 * const script = sqlScript(versionsOf([unitCreated({ unit: 'group', name: 'Group' }, { effective: '1999' })]))
 * script.startsWith('-- org-history SQL read model') // true
 * @since 0.2.0
 */
export function sqlScript(versions: Versions, options: ScriptOptions = {}): string {
  return `${[...sqlScriptChunks(versions, options)].join('\n')}\n`
}
