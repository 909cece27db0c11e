import { existsSync, readFileSync } from 'node:fs'
import { isLeft } from 'fp-ts/lib/Either.js'
import type { ParseError } from '../../errors/types.js'
import { CHAIN_FIELD } from '../../events/envelope.js'
import { historyFiles } from '../../store/files.js'
import { formatHistory, HISTORY_FORMATS, type HistoryFormat } from '../../store/format.js'
import { decodeEvents, type Located, parseJsonValues, withParseErrors } from '../../store/parse.js'
import { type Command, type Flags, reportErrors } from '../command.js'
import { EXIT, type Io, UsageError } from '../io.js'
import { writeOutput } from '../output.js'

const USAGE = 'org-history convert <history…> --to ndjson|json|yaml [--out FILE] [--schema-url URL]'

const BY_EXTENSION: Record<string, HistoryFormat> = {
  ndjson: 'ndjson',
  jsonl: 'ndjson',
  json: 'json',
  yaml: 'yaml',
  yml: 'yaml',
}

function formatOf(flags: Flags): HistoryFormat {
  const to = flags.to
  if (typeof to === 'string') {
    if (!(HISTORY_FORMATS as readonly string[]).includes(to))
      throw new UsageError(`convert has no format '${to}'; expected one of ${HISTORY_FORMATS.join(', ')}`)
    return to as HistoryFormat
  }
  const extension = typeof flags.out === 'string' ? /\.([a-z]+)$/i.exec(flags.out)?.[1]?.toLowerCase() : undefined
  const format = extension === undefined ? undefined : BY_EXTENSION[extension]
  if (format === undefined)
    throw new UsageError('missing --to ndjson|json|yaml (or an --out FILE with one of their extensions)')
  return format
}

/** The values of the files as written (only the file store's hash chain left out), or their errors. */
function readValues(io: Io, paths: readonly string[]): Located[] | number {
  if (paths.length === 0) throw new UsageError("missing <history…>; see 'org-history convert --help'")
  const missing = paths.find((p) => !existsSync(p))
  if (missing !== undefined) throw new UsageError(`no such file or directory: ${missing}`)
  const files = historyFiles(paths)
  if (files.length === 0)
    throw new UsageError(`no history files (.ndjson, .jsonl, .json, .yaml, .yml) in ${paths.join(', ')}`)
  const values: Located[] = []
  const errors: ParseError[] = []
  for (const file of files) {
    const parsed = parseJsonValues(readFileSync(file, 'utf8'), file)
    for (const v of parsed.values) values.push(v)
    for (const e of parsed.errors) errors.push(e)
  }
  const decoded = withParseErrors(errors, decodeEvents(values), files)
  return isLeft(decoded) ? reportErrors(io, decoded.left) : values
}

function* wire(values: readonly Located[]): Generator<unknown> {
  for (const { value } of values) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, CHAIN_FIELD)) yield value
    else {
      const { [CHAIN_FIELD]: _chain, ...event } = value as Record<string, unknown>
      yield event
    }
  }
}

/** `org-history convert`: a history rewritten in another format, every event and field kept. @since 0.2.0 */
export const convert: Command = {
  name: 'convert',
  usage: USAGE,
  help: `Usage: ${USAGE}

Rewrites a history (files or directories, read in the order given) in another format, on stdout or
into FILE, every event and field kept as written and in the same order. Every event is decoded first:
a history with a malformed event is reported (exit 1) and nothing is written. The rules of the event
types are not checked (that is 'validate'), so a history can be converted to be fixed.
  --to FORMAT       ndjson (one event a line), json (an array, one event a line) or yaml (a sequence,
                    one event per item, comments welcome); default: from the extension of --out
  --out FILE        write to FILE (replaced only once everything is written) instead of stdout
  --schema-url URL  yaml: start with '# yaml-language-server: $schema=URL' so editors check the events
                    (write that schema with 'org-history schema --history --out FILE')
The file store's hash chain ("chain") is storage, not part of an event, and is not carried over.`,
  options: { to: { type: 'string' }, out: { type: 'string', short: 'o' }, 'schema-url': { type: 'string' } },
  run({ io, args, flags }) {
    const format = formatOf(flags)
    const schemaUrl = flags['schema-url'] as string | undefined
    if (schemaUrl !== undefined && format !== 'yaml')
      throw new UsageError(
        "--schema-url is for --to yaml; a JSON history is an array and takes no $schema (see the README's Authoring section)",
      )
    const values = readValues(io, args)
    if (typeof values === 'number') return values
    const options = schemaUrl === undefined ? {} : { schemaUrl }
    writeOutput(io, flags.out as string | undefined, formatHistory(wire(values), format, options))
    return EXIT.ok
  },
}
