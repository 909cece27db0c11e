import { readFileSync } from 'node:fs'
import { type Either, isLeft } from 'fp-ts/lib/Either.js'
import type { OrgState } from '../domain/state.js'
import type { HistoryError, ParseError, RuleError } from '../errors/types.js'
import type { Event } from '../events/event.js'
import { historyFiles } from '../store/files.js'
import { decodeEvents, isYamlFile, type Located, parseJsonValues, withParseErrors } from '../store/parse.js'
import { fold } from '../timeline/fold.js'
import { type AtOptions, finish, prepare, withDates } from '../timeline/replay.js'
import { countLines, type Progress } from './progress.js'

/** Lines parsed, values decoded or events checked between two updates of the progress. */
const CHUNK = 16_384

/** A history's files read into memory, with an estimate of its events (its lines). @since 0.1.0 */
export interface HistoryFiles {
  readonly files: readonly string[]
  readonly texts: readonly string[]
  /** Lines of each file. */
  readonly lineCounts: readonly number[]
  /** Lines of all files: an estimate of the number of events. */
  readonly lines: number
}

/**
 * Reads the files a list of paths names (directories: their history files, sorted by name) and
 * counts their lines, before any parsing. Throws the `fs` error of a path that cannot be read.
 * @param paths files or directories
 * @returns the files, their texts and line counts
 * @example
 * readFiles(['events/']).lines // 62
 * @since 0.1.0
 */
export function readFiles(paths: readonly string[]): HistoryFiles {
  const files = historyFiles(paths)
  const bytes = files.map((file) => readFileSync(file))
  const lineCounts = bytes.map(countLines)
  const lines = lineCounts.reduce((n, c) => n + c, 0)
  return { files, texts: bytes.map((b) => b.toString('utf8')), lineCounts, lines }
}

const isArrayText = (text: string, file: string) =>
  file.endsWith('.json') || isYamlFile(file) || /^\uFEFF?\s*\[/.test(text)

/** Where the lines of an NDJSON text are cut into chunks: offsets just after a line feed. */
function cuts(text: string): number[] {
  const out = [0]
  let lines = 0
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1))
    if (++lines % CHUNK === 0 && i + 1 < text.length) out.push(i + 1)
  out.push(text.length)
  return out
}

const shift = (line: number) => (origin: { file: string; line: number }) => ({ ...origin, line: origin.line + line })

/**
 * The JSON values of one file, as `parseJsonValues` reads them, parsed a chunk of lines at a time
 * so progress can move. A JSON array or a YAML file (or a chunk that would read as an array) is parsed whole.
 */
function parseFile(text: string, file: string, lines: number, progress: Progress, done: number) {
  const at = cuts(text)
  const chunks = at.slice(1).map((end, i) => text.slice(at[i], end))
  if (isArrayText(text, file) || chunks.slice(1).some((c) => /^\s*\[/.test(c))) {
    const whole = parseJsonValues(text, file)
    progress.update(done + lines)
    return whole
  }
  const values: Located[] = []
  const errors: ParseError[] = []
  let line = 0
  for (const chunk of chunks) {
    const parsed = parseJsonValues(chunk, file)
    for (const v of parsed.values) values.push(line === 0 ? v : { ...v, origin: shift(line)(v.origin) })
    for (const e of parsed.errors) errors.push({ ...e, origin: shift(line)(e.origin) })
    line += CHUNK
    progress.update(done + Math.min(line, lines))
  }
  return { values, errors }
}

/**
 * Decodes values as `decodeEvents` does, a chunk at a time. Events without an id get one derived
 * from their content, and identical ones get `~2`, `~3`…; when identical events without ids fall in
 * different chunks, everything is decoded again in one piece so the ids are the same as ever.
 */
function decodeInChunks(values: readonly Located[], progress: Progress): Either<HistoryError[], Event[]> {
  const events: Event[] = []
  const errors: HistoryError[] = []
  const derived = new Set<string>()
  for (let from = 0; from < values.length; from += CHUNK) {
    const chunk = values.slice(from, from + CHUNK)
    const decoded = decodeEvents(chunk)
    progress.update(Math.min(values.length, from + CHUNK))
    if (isLeft(decoded)) {
      for (const e of decoded.left) errors.push(e)
      continue
    }
    const fresh = decoded.right.filter((_, i) => typeof (chunk[i]!.value as { id?: unknown }).id !== 'string')
    if (fresh.some((e) => derived.has(e.id))) return decodeEvents(values)
    for (const e of fresh) derived.add(e.id)
    for (const e of decoded.right) events.push(e)
  }
  return finish(events, errors)
}

/**
 * Parses and decodes files read by {@link readFiles}, reporting progress: the same events and
 * errors as `readHistory`, in the same order.
 * @param read the files and their texts
 * @param progress where to report (stages `reading` and `decoding`)
 * @returns the events, or every error of the files
 * @example
 * parseFiles(readFiles(['events/']), SILENT)
 * @since 0.1.0
 */
export function parseFiles(read: HistoryFiles, progress: Progress): Either<HistoryError[], Event[]> {
  progress.stage('reading', read.lines)
  const values: Located[] = []
  const errors: ParseError[] = []
  let done = 0
  read.files.forEach((file, i) => {
    const parsed = parseFile(read.texts[i]!, file, read.lineCounts[i]!, progress, done)
    for (const v of parsed.values) values.push(v)
    for (const e of parsed.errors) errors.push(e)
    done += read.lineCounts[i]!
  })
  progress.stage('decoding', values.length)
  return withParseErrors(errors, decodeInChunks(values, progress), read.files)
}

/**
 * Replays a whole history as `replay` does (every error, not only the first), a chunk of events at
 * a time so progress can move: the final state, or every error.
 * @param events the history
 * @param options `knownAt`
 * @param progress where to report (stage `checking`)
 * @returns the org at the end of the history, or every error
 * @example
 * checkHistory(history, {}, SILENT) // the same as replay(history)
 * @since 0.1.0
 */
export function checkHistory(
  events: readonly Event[],
  options: AtOptions,
  progress: Progress,
): Either<HistoryError[], OrgState> {
  const { ordered, errors } = prepare(events, options.knownAt)
  const n = ordered.events.length
  progress.stage('checking', n)
  const ruleErrors: RuleError[] = []
  let state = fold(undefined, { events: ordered.events, from: 0, to: 0 }, ruleErrors)
  for (let from = 0; from < n; from += CHUNK) {
    const to = Math.min(n, from + CHUNK)
    state = fold(state, { events: ordered.events, from, to }, ruleErrors)
    progress.update(to)
  }
  const date = ordered.events[n - 1]?.effective ?? null
  return finish(withDates(state, date, options.knownAt ?? null), [...errors, ...ruleErrors])
}
