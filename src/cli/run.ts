import { type ParseArgsConfig, parseArgs } from 'node:util'
import { COMMON_OPTIONS, ERRORS_HELP, type Flags } from './command.js'
import { COMMANDS } from './commands/index.js'
import { EXIT, type Io, UsageError } from './io.js'

const MAIN_HELP = () => `org-history: the history of an organization as events

Usage:
${COMMANDS.map((c) => `  ${c.usage}`).join('\n')}

<history…> is files (.ndjson, .jsonl, .json, .yaml, .yml) or directories of them, read in the order given.
Dates: YYYY, YYYY-MM, YYYY-MM-DD or an RFC 3339 date-time. --json is short for --format json.
Exit status: 0 success, 1 invalid history (errors on stderr as file:line: message), 2 bad usage.

Run 'org-history <command> --help' for one command.`

function parse(argv: readonly string[], options: ParseArgsConfig['options']) {
  try {
    return parseArgs({ args: [...argv], options, allowPositionals: true, strict: true })
  } catch (cause) {
    throw new UsageError((cause as Error).message)
  }
}

async function execute(argv: readonly string[], io: Io): Promise<number> {
  const name = argv.find((a) => !a.startsWith('-'))
  if (name === undefined) {
    const help = argv.includes('--help') || argv.includes('-h')
    ;(help ? io.out : io.err)(MAIN_HELP())
    return help ? EXIT.ok : EXIT.usage
  }
  const command = COMMANDS.find((c) => c.name === name)
  if (command === undefined)
    throw new UsageError(`unknown command '${name}'; expected one of ${COMMANDS.map((c) => c.name).join(', ')}`)
  const at = argv.indexOf(name)
  const { values, positionals } = parse([...argv.slice(0, at), ...argv.slice(at + 1)], {
    ...COMMON_OPTIONS,
    ...command.options,
  })
  if ((values as Flags).help === true) {
    io.out(`${command.help}\n${ERRORS_HELP}`)
    return EXIT.ok
  }
  const all = (values as Flags).all === true
  return command.run({ io: all ? { ...io, allErrors: true } : io, args: positionals, flags: values as Flags })
}

/**
 * Runs the command line with arguments (without `node` and the script): the exit status.
 * Usage errors are one line on stderr (exit 2); invalid histories list every error (exit 1); an
 * unexpected error is one line too (exit 1), with the stack only when `ORG_HISTORY_DEBUG` is set.
 */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  try {
    return await execute(argv, io)
  } catch (cause) {
    if (cause instanceof UsageError) {
      io.err(`org-history: ${cause.message}`)
      return EXIT.usage
    }
    // Not the user's fault: one line, and the stack only when asked for.
    if (process.env.ORG_HISTORY_DEBUG) throw cause
    io.err(
      `org-history: internal error: ${cause instanceof Error ? cause.message : String(cause)} (set ORG_HISTORY_DEBUG=1 for the stack, and please report it)`,
    )
    return EXIT.invalid
  }
}
