import { DEFAULT_SCHEMA, sqlScriptChunks } from '../../sql/script.js'
import { versionsOf } from '../../sql/versions.js'
import { type Command, withTimeline } from '../command.js'
import { EXIT, UsageError } from '../io.js'

/** `org-history sql`: the history as a SQL script of versions for PostgreSQL. @since 0.2.0 */
export const sql: Command = {
  name: 'sql',
  usage: 'org-history sql <history…> [--schema NAME]',
  help: `Usage: org-history sql <history…> [--schema NAME]

Prints one SQL script for PostgreSQL 13 or later (run it with psql: its rows come by COPY) that
holds the history as versions over valid time and transaction time, in one transaction:
  org-history sql events/ | psql -v ON_ERROR_STOP=1 "$DATABASE_URL"
The script replaces the schema (default ${DEFAULT_SCHEMA}) and everything in it, so it can be run again.
It creates the tables unit_versions, leader_versions, person_versions (ranges valid and recorded),
the functions org_at(at timestamptz, known_at timestamptz), org_on(day date, known_at timestamptz),
org_tree(at timestamptz, known_at timestamptz), and the views org_units_current, org_leaders_current:
  SELECT * FROM ${DEFAULT_SCHEMA}.org_on('2022-01-06');
  --schema NAME   the schema to replace and fill (default ${DEFAULT_SCHEMA})`,
  options: { schema: { type: 'string' } },
  run({ io, args, flags }) {
    const schema = flags.schema ?? DEFAULT_SCHEMA
    if (typeof schema !== 'string' || schema === '' || schema.includes('\u0000'))
      throw new UsageError("--schema expects a non-empty schema name; see 'org-history sql --help'")
    return withTimeline(io, args, 'sql', (timeline) => {
      for (const piece of sqlScriptChunks(versionsOf(timeline.history), { schema })) io.out(piece)
      return EXIT.ok
    })
  },
}
