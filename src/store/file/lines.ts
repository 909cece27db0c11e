import { isLeft } from 'fp-ts/lib/Either.js'
import type { HistoryError } from '../../errors/types.js'
import { decodeEvent, type Event } from '../../events/event.js'
import { type FileSystem, readBytes } from './fs.js'

/** One line of a file: its number, its bytes `[start, end)` (without the newline) and its text. */
export interface RawLine {
  readonly line: number
  readonly start: number
  readonly end: number
  readonly text: string
  /** Its bytes (a view into the chunk read: do not keep it). */
  readonly bytes: Buffer
  /** Whether a newline follows it (the last line of a file may have none). */
  readonly terminated: boolean
}

const CHUNK = 1 << 20
const NEWLINE = 10

/**
 * The lines of the bytes `[from, to)` of a file, read a chunk at a time (so a file of any size
 * is never held whole). `from` must be the start of a line, numbered `firstLine`.
 */
export function* rawLines(fs: FileSystem, fd: number, from: number, to: number, firstLine = 1): Generator<RawLine> {
  let line = firstLine
  let start = from
  let pending: Buffer[] = []
  for (let at = from; at < to; at += CHUNK) {
    const chunk = readBytes(fs, fd, at, Math.min(CHUNK, to - at))
    if (chunk.length === 0) break
    let next = 0
    for (let i = chunk.indexOf(NEWLINE); i >= 0; i = chunk.indexOf(NEWLINE, next)) {
      const bytes =
        pending.length === 0 ? chunk.subarray(next, i) : Buffer.concat([...pending, chunk.subarray(next, i)])
      pending = []
      yield { line, start, end: at + i, text: bytes.toString('utf8'), bytes, terminated: true }
      line++
      start = at + i + 1
      next = i + 1
    }
    if (next < chunk.length) pending.push(chunk.subarray(next))
  }
  if (pending.length > 0) {
    const bytes = Buffer.concat(pending)
    yield { line, start, end: start + bytes.length, text: bytes.toString('utf8'), bytes, terminated: false }
  }
}

function jsonMessage(cause: unknown): string {
  const text = cause instanceof Error ? cause.message : String(cause)
  return `invalid JSON: ${text.replace(/ in JSON at position (\d+).*$/, (_, p: string) => ` at column ${Number(p) + 1}`)}`
}

/** What one line holds: nothing (a blank line), an event, or the errors that keep it from being one. */
export type DecodedLine =
  | { readonly kind: 'blank' }
  | { readonly kind: 'event'; readonly event: Event }
  | { readonly kind: 'errors'; readonly errors: HistoryError[] }

/**
 * Decodes the lines of one history file in order, as `readHistory` does: every event keeps its
 * file and line, and events without an id get the derived one, `~2`, `~3`… when identical ones
 * came before (which is why one decoder reads a file from its first line).
 */
export class LineDecoder {
  private readonly derived = new Map<string, number>()

  constructor(readonly file: string) {}

  decode(raw: RawLine): DecodedLine {
    let text = raw.start === 0 && raw.text.charCodeAt(0) === 0xfeff ? raw.text.slice(1) : raw.text
    if (text.endsWith('\r')) text = text.slice(0, -1)
    if (text.trim() === '') return { kind: 'blank' }
    const origin = { file: this.file, line: raw.line }
    let value: unknown
    try {
      value = JSON.parse(text)
    } catch (cause) {
      return { kind: 'errors', errors: [{ _tag: 'ParseError', origin, message: jsonMessage(cause) }] }
    }
    const r = decodeEvent(value, origin)
    if (isLeft(r)) return { kind: 'errors', errors: r.left }
    if (typeof (value as { id?: unknown }).id === 'string') return { kind: 'event', event: r.right }
    const seen = this.derived.get(r.right.id) ?? 0
    this.derived.set(r.right.id, seen + 1)
    return { kind: 'event', event: seen === 0 ? r.right : { ...r.right, id: `${r.right.id}~${seen + 1}` } }
  }
}
