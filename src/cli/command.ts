import { existsSync } from 'node:fs'
import type { ParseArgsConfig } from 'node:util'
import { isLeft } from 'fp-ts/lib/Either.js'
import { DATE_FORMS, parseDate } from '../domain/date.js'
import { formatError } from '../errors/format.js'
import type { HistoryError } from '../errors/types.js'
import type { Event } from '../events/event.js'
import { readHistory } from '../store/files.js'
import { EXIT, type Io, UsageError } from './io.js'

/** Flags every command has; a command adds its own in `options`. */
export const COMMON_OPTIONS = {
  help: { type: 'boolean', short: 'h' },
} as const satisfies NonNullable<ParseArgsConfig['options']>

/** The parsed flags of a command line. */
export type Flags = Record<string, string | boolean | undefined>

/** What a command gets: where to write, its positional arguments, its flags. */
export interface Context {
  readonly io: Io
  readonly args: readonly string[]
  readonly flags: Flags
}

/**
 * One subcommand of `org-history`. Adding a command is a file in `commands/` and one line in
 * `commands/index.ts`.
 */
export interface Command {
  readonly name: string
  /** One line for the main help. */
  readonly usage: string
  /** The text of `org-history <name> --help`. */
  readonly help: string
  readonly options: NonNullable<ParseArgsConfig['options']>
  /** Exit status (DESIGN §5): 0 success, 1 invalid history, 2 bad usage (throw `UsageError`). */
  readonly run: (context: Context) => number | Promise<number>
}

/** A date argument, or a usage error naming it. */
export function dateArg(text: string | undefined, what: string): string {
  if (text === undefined) throw new UsageError(`missing ${what}`)
  if (parseDate(text) === undefined) throw new UsageError(`${what} '${text}' is not a date (use ${DATE_FORMS})`)
  return text
}

/** The value of `--format` (or `json` for `--json`), checked against the formats a command has. */
export function formatFlag(name: string, flags: Flags, formats: readonly string[]): string {
  const format = flags.json === true ? 'json' : ((flags.format as string | undefined) ?? formats[0]!)
  if (!formats.includes(format))
    throw new UsageError(`${name} has no format '${format}'; expected one of ${formats.join(', ')}`)
  return format
}

/** Prints every error as `file:line: message` and a count; the exit status of an invalid history. */
export function reportErrors(io: Io, errors: readonly HistoryError[]): number {
  for (const e of errors) io.err(formatError(e))
  io.err(`${errors.length} error${errors.length === 1 ? '' : 's'}`)
  return EXIT.invalid
}

/** Reads the history named by paths; a missing path is a usage error. */
export function readHistoryArgs(paths: readonly string[], name: string): Event[] | HistoryError[] {
  if (paths.length === 0) throw new UsageError(`missing <history…>; see 'org-history ${name} --help'`)
  const missing = paths.find((p) => !existsSync(p))
  if (missing !== undefined) throw new UsageError(`no such file or directory: ${missing}`)
  const history = readHistory(paths)
  return isLeft(history) ? history.left : history.right
}

/** Runs `f` on a history read from paths, or reports why it could not be read. */
export function withHistory(io: Io, paths: readonly string[], name: string, f: (history: Event[]) => number): number {
  const read = readHistoryArgs(paths, name)
  const failed = read.length > 0 && '_tag' in read[0]!
  return failed ? reportErrors(io, read as HistoryError[]) : f(read as Event[])
}

/** `--known-at` as query options, checked. */
export function knownAtFlag(flags: Flags): { knownAt?: string } {
  const knownAt = flags['known-at']
  return typeof knownAt === 'string' ? { knownAt: dateArg(knownAt, '--known-at') } : {}
}

/** `--lang` as the preferred languages of names. */
export function languagesFlag(flags: Flags): string[] {
  return typeof flags.lang === 'string' ? [flags.lang] : []
}
