import { eventJsonSchema, historyJsonSchema } from '../../events/schema.js'
import type { Command } from '../command.js'
import { EXIT, UsageError } from '../io.js'
import { writeOutput } from '../output.js'

const USAGE = 'org-history schema [--history] [--out FILE]'

/** `org-history schema`: the JSON Schema of one event, for editors and validators. @since 0.2.0 */
export const schema: Command = {
  name: 'schema',
  usage: USAGE,
  help: `Usage: ${USAGE}

Prints the JSON Schema (draft 2020-12) of one event of a history, generated from the codecs the
reader decodes with: the envelope, one branch per event type chosen by \`type\`, closed objects, and
descriptions of each event and of what the schema cannot check (dates on the calendar, the rules
of each event type).
  --history       the schema of a whole history file instead: a sequence of such events. Point an
                  editor at it to check events as they are typed, with a first line
                  '# yaml-language-server: $schema=./history.schema.json' in a YAML history
  --out FILE      write it to FILE instead of stdout`,
  options: { history: { type: 'boolean' }, out: { type: 'string', short: 'o' } },
  run({ io, args, flags }) {
    if (args.length > 0) throw new UsageError(`schema takes no arguments, got '${args[0]}'`)
    const schema = flags.history === true ? historyJsonSchema() : eventJsonSchema()
    writeOutput(io, flags.out as string | undefined, [`${JSON.stringify(schema, null, 2)}\n`])
    return EXIT.ok
  },
}
