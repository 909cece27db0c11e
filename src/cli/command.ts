import { existsSync } from 'node:fs'
import type { ParseArgsConfig } from 'node:util'
import { isLeft } from 'fp-ts/lib/Either.js'
import { closest } from '../domain/closest.js'
import { DATE_FORMS, parseDate } from '../domain/date.js'
import type { OrgState } from '../domain/state.js'
import { trieValues } from '../domain/trie.js'
import { formatError } from '../errors/format.js'
import type { HistoryError } from '../errors/types.js'
import type { Event } from '../events/event.js'
import { unit } from '../queries/units.js'
import { Timeline } from '../timeline/Timeline.js'
import { type Palette, paletteFor } from './colour.js'
import { ERRORS_SHOWN, EXIT, type Io, UsageError } from './io.js'
import { type Progress, type ProgressStream, startProgress } from './progress.js'
import { parseFiles, readFiles } from './read.js'

/** Flags every command has; a command adds its own in `options`. */
export const COMMON_OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  all: { type: 'boolean' },
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

/** The line under each command's help about the errors it prints. */
export const ERRORS_HELP = `  --all           print every error of an invalid history (default: the first ${ERRORS_SHOWN}, then a count)`

const count = (n: number) => n.toLocaleString('en-US')

/**
 * Prints the errors as `file:line: message` — the first {@link ERRORS_SHOWN}, then how many more
 * there are, or every one with `--all` — and a count; the exit status of an invalid history.
 */
export function reportErrors(io: Io, errors: readonly HistoryError[]): number {
  const shown = io.allErrors === true ? errors.length : Math.min(errors.length, ERRORS_SHOWN)
  for (let i = 0; i < shown; i++) io.err(formatError(errors[i]!))
  const more = errors.length - shown
  if (more > 0) io.err(`… and ${count(more)} more error${more === 1 ? '' : 's'} (--all to list them)`)
  io.err(`${count(errors.length)} error${errors.length === 1 ? '' : 's'}`)
  return EXIT.invalid
}

/**
 * Where progress is drawn: stderr when it is a terminal, nowhere otherwise.
 * @returns `process.stderr` on a terminal, else `undefined`
 * @example
 * startProgress(progressStream(), 250_000)
 * @since 0.1.0
 */
export function progressStream(): ProgressStream | undefined {
  return process.stderr.isTTY === true ? process.stderr : undefined
}

/**
 * The colours of stdout: ANSI on a terminal (unless `NO_COLOR`; `FORCE_COLOR` forces them), none otherwise.
 * @returns the palette for what goes to stdout
 * @example
 * io.out(palette().bold('Units added'))
 * @since 0.1.0
 */
export function palette(): Palette {
  return paletteFor({ isTTY: process.stdout.isTTY === true, env: process.env })
}

function readOrUsage(paths: readonly string[]) {
  try {
    return readFiles(paths)
  } catch (cause) {
    const e = cause as NodeJS.ErrnoException
    throw new UsageError(`cannot read ${e.path ?? paths.join(' ')}: ${e.code ?? e.message}`)
  }
}

/**
 * Reads the history named by paths, with progress on a terminal for a long one. A missing path,
 * an unreadable one, a directory without history files and a history without events are usage
 * errors (`UsageError`, exit 2).
 * @param paths files or directories
 * @param name the command, for the hint of a usage error
 * @param progress makes the progress for an estimated number of events (default: a bar on a terminal)
 * @returns the events or the errors of the files, and the progress to go on with
 * @example
 * const { read, progress } = readHistoryArgs(['events/'], 'validate')
 * @since 0.1.0
 */
export function readHistoryArgs(
  paths: readonly string[],
  name: string,
  progress: (estimate: number) => Progress = (n) => startProgress(progressStream(), n),
): { read: Event[] | HistoryError[]; progress: Progress } {
  if (paths.length === 0) throw new UsageError(`missing <history…>; see 'org-history ${name} --help'`)
  const missing = paths.find((p) => !existsSync(p))
  if (missing !== undefined) throw new UsageError(`no such file or directory: ${missing}`)
  const files = readOrUsage(paths)
  if (files.files.length === 0)
    throw new UsageError(`no history files (.ndjson, .jsonl, .json, .yaml, .yml) in ${paths.join(', ')}`)
  const bar = progress(files.lines)
  try {
    const history = parseFiles(files, bar)
    if (isLeft(history)) return { read: history.left, progress: bar }
    if (history.right.length === 0) throw new UsageError(`no events in ${paths.join(', ')}: the history is empty`)
    return { read: history.right, progress: bar }
  } catch (cause) {
    bar.stop()
    throw cause
  }
}

/**
 * Runs `f` on a history read from paths, or reports why it could not be read. `f` gets the
 * progress to go on with (see {@link timelineOf}); it is stopped before `f` returns in any case.
 * @param io where to write
 * @param paths files or directories
 * @param name the command
 * @param f what to do with the events
 * @returns the exit status
 * @example
 * withHistory(io, args, 'validate', (history, progress) => EXIT.ok)
 * @since 0.1.0
 */
export function withHistory(
  io: Io,
  paths: readonly string[],
  name: string,
  f: (history: Event[], progress: Progress) => number,
): number {
  const { read, progress } = readHistoryArgs(paths, name)
  try {
    const failed = read.length > 0 && '_tag' in read[0]!
    if (failed) progress.stop()
    return failed ? reportErrors(io, read as HistoryError[]) : f(read as Event[], progress)
  } finally {
    progress.stop()
  }
}

/**
 * Builds the timeline of a history (every event checked) in the stage `checking`, then stops the
 * progress so the output can follow.
 * @param history the events
 * @param progress the progress of reading
 * @returns the timeline, or every error of the history
 * @example
 * const timeline = timelineOf(history, progress)
 * @since 0.1.0
 */
export function timelineOf(history: readonly Event[], progress: Progress): ReturnType<typeof Timeline.from> {
  progress.stage('checking', history.length)
  try {
    return Timeline.from(history)
  } finally {
    progress.stop()
  }
}

/**
 * Runs `f` on the timeline of a history read from paths (every event checked), or reports why the
 * history could not be read or is invalid.
 * @param io where to write
 * @param paths files or directories
 * @param name the command
 * @param f what to do with the timeline
 * @returns the exit status
 * @example
 * withTimeline(io, args, 'at', (timeline) => EXIT.ok)
 * @since 0.1.0
 */
export function withTimeline(
  io: Io,
  paths: readonly string[],
  name: string,
  f: (timeline: Timeline) => number,
): number {
  return withHistory(io, paths, name, (history, progress) => {
    const timeline = timelineOf(history, progress)
    return isLeft(timeline) ? reportErrors(io, timeline.left) : f(timeline.right)
  })
}

/** `--known-at` as query options, checked. */
export function knownAtFlag(flags: Flags): { knownAt?: string } {
  const knownAt = flags['known-at']
  return typeof knownAt === 'string' ? { knownAt: dateArg(knownAt, '--known-at') } : {}
}

/**
 * `--lang` as the preferred languages of names: one tag or a comma-separated list, most preferred first.
 * @param flags the parsed flags
 * @returns the language tags, empty without `--lang`
 * @example
 * languagesFlag({ lang: 'en,zh-Hant' }) // ['en', 'zh-Hant']
 * @since 0.1.0
 */
export function languagesFlag(flags: Flags): string[] {
  if (typeof flags.lang !== 'string') return []
  return flags.lang
    .split(',')
    .map((tag) => tag.trim())
    .filter((tag) => tag !== '')
}

/**
 * The end of a message suggesting the closest candidates, or nothing when none is close.
 * @param word what the user typed
 * @param candidates what exists
 * @returns `; did you mean 'a' or 'b'?`, or `''`
 * @example
 * didYouMean('tmal', ['tmall', 'taobao']) // "; did you mean 'tmall'?"
 * @since 0.1.0
 */
export function didYouMean(word: string, candidates: Iterable<string>): string {
  const near = closest(word, candidates).map((c) => `'${c}'`)
  if (near.length === 0) return ''
  return `; did you mean ${near.length === 1 ? near[0] : `${near.slice(0, -1).join(', ')} or ${near[near.length - 1]}`}?`
}

/**
 * A unit id that the state knows (active or ended), or a usage error suggesting the closest ids.
 * @param state the org (units are never deleted, so the end of a history knows them all)
 * @param id the id given
 * @param what how the argument is called, for a missing one
 * @param on the date the state is at, when it is not the end of the history
 * @returns the id
 * @example
 * unitArg(org, 'taobao-tmall') // 'taobao-tmall'
 * @since 0.1.0
 */
export function unitArg(state: OrgState, id: string | undefined, what = 'unit', on?: string): string {
  if (id === undefined || id === '') throw new UsageError(`missing ${what}`)
  if (unit(state, id) !== undefined) return id
  const ids = Array.from(trieValues(state.units), (u) => u.id)
  throw new UsageError(`no unit '${id}' in the history${on === undefined ? '' : ` on ${on}`}${didYouMean(id, ids)}`)
}
