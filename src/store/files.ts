import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { type Either, isLeft } from 'fp-ts/lib/Either.js'
import type { HistoryError, ParseError } from '../errors/types.js'
import type { Event } from '../events/event.js'
import { HistoryErrors } from '../timeline/replay.js'
import { decodeEvents, type Located, parseJsonValues, withParseErrors } from './parse.js'

const HISTORY_FILE = /\.(ndjson|jsonl|json|yaml|yml)$/i

/**
 * The history files a list of paths names: files as given, directories as their history files
 * (`.ndjson`, `.jsonl`, `.json`, `.yaml`, `.yml`, recursively) sorted by name. Throws when a path does not exist.
 * @since 0.1.0
 */
export function historyFiles(paths: readonly string[]): string[] {
  return paths.flatMap((path) => {
    if (!statSync(path).isDirectory()) return [path]
    const names = readdirSync(path, { recursive: true, encoding: 'utf8' })
      .filter((name) => HISTORY_FILE.test(name))
      .sort()
    return names.map((name) => join(path, name)).filter((file) => statSync(file).isFile())
  })
}

/**
 * Reads a history from files and directories, in the order given: every event with its origin,
 * or every error (malformed JSON, a wrong field) as `file:line` values, never a stack trace.
 * @param paths files or directories
 * @example
 * const history = readHistory(['events/alibaba-2021-2022.ndjson']) // Right(events) or Left(errors)
 * @since 0.1.0
 */
export function readHistory(paths: readonly string[]): Either<HistoryError[], Event[]> {
  const values: Located[] = []
  const errors: ParseError[] = []
  const files = historyFiles(paths)
  for (const file of files) {
    const parsed = parseJsonValues(readFileSync(file, 'utf8'), file)
    for (const v of parsed.values) values.push(v)
    errors.push(...parsed.errors)
  }
  return withParseErrors(errors, decodeEvents(values), files)
}

/** {@link readHistory} for scripts: throws {@link HistoryErrors}. @since 0.1.0 */
export function readHistoryOrThrow(paths: readonly string[]): Event[] {
  const r = readHistory(paths)
  if (isLeft(r)) throw new HistoryErrors(r.left)
  return r.right
}
