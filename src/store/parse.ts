import { type Either, isLeft, left, right } from 'fp-ts/lib/Either.js'
import type { Origin } from '../domain/ids.js'
import type { HistoryError, ParseError } from '../errors/types.js'
import { type DecodeError, decodeEvent, type Event } from '../events/event.js'
import { parseYamlValues } from './yaml.js'

/** A JSON value read from a file, with where it was. @since 0.1.0 */
export interface Located {
  readonly value: unknown
  readonly origin: Origin
  /** The line of a field of the value (a path as decode errors give it), where the format knows it. @since 0.2.0 */
  readonly field?: (path: string) => number | undefined
}

function lineAt(text: string, offset: number): number {
  let line = 1
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++
  return line
}

function jsonMessage(cause: unknown, lineStart = 0): string {
  const text = cause instanceof Error ? cause.message : String(cause)
  const message = text.replace(
    / in JSON at position (\d+).*$/,
    (_, p: string) => ` at column ${Number(p) - lineStart + 1}`,
  )
  return `invalid JSON: ${message}`
}

/** Offsets where the elements of a top-level JSON array start (the text must be valid JSON). */
function elementOffsets(text: string): number[] {
  const offsets: number[] = []
  let depth = 0
  let inString = false
  let expectValue = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!
    if (inString) {
      if (ch === '\\') i++
      else if (ch === '"') inString = false
      continue
    }
    if (ch === ' ' || ch === '\n' || ch === '\r' || ch === '\t') continue
    if (depth === 1 && expectValue && ch !== ']') {
      offsets.push(i)
      expectValue = false
    }
    if (ch === '"') inString = true
    else if (ch === '[' || ch === '{') {
      depth++
      if (depth === 1) expectValue = true
    } else if (ch === ']' || ch === '}') depth--
    else if (ch === ',' && depth === 1) expectValue = true
  }
  return offsets
}

/** The values a file's text holds, and the errors of the parts that are not JSON. @since 0.1.0 */
export interface ParsedValues {
  readonly values: Located[]
  readonly errors: ParseError[]
}

/**
 * Where the first element of an array that is not JSON starts, for engines whose message gives no
 * position (0 when none can be found).
 */
function firstBadElement(text: string): number {
  const offsets = elementOffsets(text)
  for (const [i, start] of offsets.entries()) {
    const end = offsets[i + 1] ?? text.lastIndexOf(']')
    const element = text.slice(start, end).trim().replace(/,$/, '')
    try {
      JSON.parse(element)
    } catch (cause) {
      // V8 quotes the text around the bad token: `Unexpected token '}', ..."parent":}}" is not valid JSON`.
      const quoted = /"(?:\.\.\.)?(.+?)(?:\.\.\.)?" is not valid JSON/.exec(String(cause))?.[1]
      const at = quoted === undefined ? -1 : element.indexOf(quoted)
      return at >= 0 && element.indexOf(quoted!, at + 1) < 0 ? start + at : start
    }
  }
  return 0
}

function parseArray(text: string, file: string): ParsedValues {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (cause) {
    const position = Number(/position (\d+)/.exec(String(cause))?.[1] ?? firstBadElement(text))
    const message = jsonMessage(cause, text.lastIndexOf('\n', position - 1) + 1)
    return { values: [], errors: [{ _tag: 'ParseError', origin: { file, line: lineAt(text, position) }, message }] }
  }
  if (!Array.isArray(value)) {
    const message = 'a .json history must be an array of events'
    return { values: [], errors: [{ _tag: 'ParseError', origin: { file, line: 1 }, message }] }
  }
  const offsets = elementOffsets(text)
  let line = 1
  let at = 0
  const values = value.map((v, i) => {
    const offset = offsets[i] ?? at
    line += lineAt(text.slice(at, offset), offset - at) - 1
    at = offset
    return { value: v, origin: { file, line } }
  })
  return { values, errors: [] }
}

function parseLines(text: string, file: string): ParsedValues {
  const out: Located[] = []
  const errors: ParseError[] = []
  text.split('\n').forEach((raw, i) => {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw
    if (line.trim() === '') return
    try {
      out.push({ value: JSON.parse(line), origin: { file, line: i + 1 } })
    } catch (cause) {
      errors.push({ _tag: 'ParseError', origin: { file, line: i + 1 }, message: jsonMessage(cause) })
    }
  })
  return { values: out, errors }
}

/** Whether a file name is a YAML history's (`.yaml`, `.yml`). @since 0.2.0 */
export const isYamlFile = (file: string): boolean => /\.ya?ml$/i.test(file)

/**
 * Reads the JSON values of a history file's text: NDJSON (one event per line), a JSON array (a
 * `.json` file or text starting with `[`), or YAML (a `.yaml` or `.yml` file, see
 * `parseYamlValues`). Every value keeps its file and line; a line that is not JSON is an error and
 * the other lines are still read.
 * @param text the file's content
 * @param file the name used in origins and messages
 * @since 0.1.0
 */
export function parseJsonValues(text: string, file: string): ParsedValues {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  if (isYamlFile(file)) return parseYamlValues(body, file)
  const isArray = file.endsWith('.json') || body.trimStart().startsWith('[')
  return isArray ? parseArray(body, file) : parseLines(body, file)
}

/** A decode error at the line of its field, where the file's format knows it. */
function atField(e: DecodeError, origin: Origin, field: (path: string) => number | undefined): DecodeError {
  const line = e.path === '' ? undefined : field(e.path)
  return line === undefined || line === origin.line ? e : { ...e, origin: { ...origin, line } }
}

/**
 * Decodes located values into events. An event without an id gets one derived from its content;
 * identical events without ids get `~2`, `~3`… so every id stays unique and stable.
 * @returns the events, or every error (a malformed event does not hide the others)
 * @since 0.1.0
 */
export function decodeEvents(values: readonly Located[]): Either<HistoryError[], Event[]> {
  const events: Event[] = []
  const errors: HistoryError[] = []
  const derived = new Map<string, number>()
  for (const { value, origin, field } of values) {
    const r = decodeEvent(value, origin)
    if (isLeft(r)) {
      if (field === undefined) errors.push(...r.left)
      else errors.push(...r.left.map((e) => atField(e, origin, field)).sort((a, b) => a.origin!.line - b.origin!.line))
      continue
    }
    const explicit = typeof (value as { id?: unknown }).id === 'string'
    const seen = explicit ? 0 : (derived.get(r.right.id) ?? 0)
    if (!explicit) derived.set(r.right.id, seen + 1)
    events.push(seen === 0 ? r.right : { ...r.right, id: `${r.right.id}~${seen + 1}` })
  }
  return errors.length > 0 ? left(errors) : right(events)
}

/**
 * Parses and decodes the text of one history file.
 * @example
 * parseHistory('{"type":"UnitCreated","effective":"2020","data":{"unit":"g","name":"G"}}\n', 'g.ndjson')
 * @since 0.1.0
 */
export function parseHistory(text: string, file: string): Either<HistoryError[], Event[]> {
  const { values, errors } = parseJsonValues(text, file)
  return withParseErrors(errors, decodeEvents(values))
}

const lineOf = (e: HistoryError) =>
  e._tag === 'ParseError' ? e.origin.line : 'origin' in e ? (e.origin?.line ?? 0) : 0
const fileOf = (e: HistoryError) =>
  e._tag === 'ParseError' ? e.origin.file : 'origin' in e ? (e.origin?.file ?? '') : ''

/** Decoding's result with the parse errors of the same files, in file order (as listed) and line order. */
export function withParseErrors(
  errors: readonly ParseError[],
  decoded: Either<HistoryError[], Event[]>,
  files: readonly string[] = [],
): Either<HistoryError[], Event[]> {
  if (errors.length === 0) return decoded
  const all = isLeft(decoded) ? [...errors, ...decoded.left] : [...errors]
  const rank = (e: HistoryError) => files.indexOf(fileOf(e))
  return left(all.sort((a, b) => rank(a) - rank(b) || lineOf(a) - lineOf(b)))
}
