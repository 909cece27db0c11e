import { existsSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { isLeft } from 'fp-ts/lib/Either.js'
import { diffBetween } from '../diff/between.js'
import { parseDate } from '../domain/date.js'
import { formatError } from '../errors/format.js'
import type { HistoryError } from '../errors/types.js'
import type { Event } from '../events/event.js'
import { renderDiff } from '../render/diffText.js'
import { toJSON } from '../render/json.js'
import { renderTree } from '../render/tree.js'
import { readHistory } from '../store/files.js'
import { replay, statesAt } from '../timeline/replay.js'
import { COMMAND_HELP, MAIN_HELP } from './help.js'
import { EXIT, type Io, UsageError } from './io.js'

const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  format: { type: 'string' },
  json: { type: 'boolean' },
  'known-at': { type: 'string' },
  lang: { type: 'string' },
} as const

type Flags = { help?: boolean; format?: string; json?: boolean; 'known-at'?: string; lang?: string }

interface Command {
  readonly dates: number
  readonly formats: readonly string[]
  readonly run: (io: Io, dates: string[], history: Event[], flags: Flags) => number
}

function date(text: string, what: string): string {
  if (parseDate(text) === undefined)
    throw new UsageError(`${what} '${text}' is not a date (use YYYY, YYYY-MM, YYYY-MM-DD or an RFC 3339 date-time)`)
  return text
}

function reportErrors(io: Io, errors: readonly HistoryError[]): number {
  for (const e of errors) io.err(formatError(e))
  io.err(`${errors.length} error${errors.length === 1 ? '' : 's'}`)
  return EXIT.invalid
}

const languages = (flags: Flags) => (flags.lang === undefined ? [] : [flags.lang])
const knownAt = (flags: Flags) => (flags['known-at'] === undefined ? {} : { knownAt: flags['known-at'] })

const COMMANDS: Record<string, Command> = {
  validate: {
    dates: 0,
    formats: [],
    run(io, _dates, history) {
      const r = replay(history)
      if (isLeft(r)) return reportErrors(io, r.left)
      io.out(`valid: ${history.length} event${history.length === 1 ? '' : 's'}, up to ${r.right.at ?? '(no dates)'}`)
      return EXIT.ok
    },
  },
  at: {
    dates: 1,
    formats: ['tree', 'json'],
    run(io, [at], history, flags) {
      const r = statesAt(history, [at!], knownAt(flags))
      if (isLeft(r)) return reportErrors(io, r.left)
      const state = r.right[0]!
      io.out(
        flags.format === 'json'
          ? JSON.stringify(toJSON(state), null, 2)
          : renderTree(state, { languages: languages(flags) }),
      )
      return EXIT.ok
    },
  },
  diff: {
    dates: 2,
    formats: ['text', 'json'],
    run(io, [from, to], history, flags) {
      const d = diffBetween(history, from!, to!, knownAt(flags))
      if (isLeft(d)) return reportErrors(io, d.left)
      if (flags.format === 'json') {
        io.out(JSON.stringify(d.right, null, 2))
        return EXIT.ok
      }
      const states = statesAt(history, [to!, from!], knownAt(flags))
      io.out(renderDiff(d.right, isLeft(states) ? [] : states.right, { languages: languages(flags) }))
      return EXIT.ok
    },
  },
}

function parse(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true })
  } catch (cause) {
    throw new UsageError((cause as Error).message)
  }
}

function execute(argv: readonly string[], io: Io): number {
  const { values, positionals } = parse(argv)
  const flags = values as Flags
  const [name, ...rest] = positionals
  if (name === undefined) {
    ;(flags.help ? io.out : io.err)(MAIN_HELP)
    return flags.help ? EXIT.ok : EXIT.usage
  }
  const command = COMMANDS[name]
  if (command === undefined || !Object.hasOwn(COMMANDS, name))
    throw new UsageError(`unknown command '${name}'; expected one of ${Object.keys(COMMANDS).join(', ')}`)
  if (flags.help) {
    io.out(COMMAND_HELP[name]!)
    return EXIT.ok
  }
  if (flags.json) flags.format = 'json'
  if (flags.format !== undefined && !command.formats.includes(flags.format))
    throw new UsageError(
      `${name} has no format '${flags.format}'; expected one of ${command.formats.join(', ') || '(none)'}`,
    )
  if (flags['known-at'] !== undefined) date(flags['known-at'], '--known-at')
  const dates = rest.slice(0, command.dates).map((d, i) => date(d, ['first date', 'second date'][i]!))
  const paths = rest.slice(command.dates)
  if (dates.length < command.dates || paths.length === 0)
    throw new UsageError(`missing arguments; see 'org-history ${name} --help'`)
  const missing = paths.find((p) => !existsSync(p))
  if (missing !== undefined) throw new UsageError(`no such file or directory: ${missing}`)
  const history = readHistory(paths)
  if (isLeft(history)) return reportErrors(io, history.left)
  return command.run(io, dates, history.right, flags)
}

/**
 * Runs the command line with arguments (without `node` and the script): the exit status.
 * Usage errors are one line on stderr (exit 2); invalid histories list every error (exit 1).
 */
export function run(argv: readonly string[], io: Io): number {
  try {
    return execute(argv, io)
  } catch (cause) {
    if (!(cause instanceof UsageError)) throw cause
    io.err(`org-history: ${cause.message}`)
    return EXIT.usage
  }
}
