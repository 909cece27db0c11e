import type { TornTail } from './errors.js'
import { type FileSystem, hashRange, readBytes } from './fs.js'
import type { Holder } from './holder.js'
import type { Verdict } from './lock.js'

/** How much of a history file is history: the bytes `[0, end)`; past them, a torn tail or nothing. */
export interface Committed {
  readonly size: number
  readonly end: number
  readonly torn: TornTail | null
}

const NEWLINE = 10
const BACK_CHUNK = 64 * 1024

/** The number of the line that starts at byte `offset` (counts the newlines before it). */
export function lineAt(fs: FileSystem, fd: number, offset: number): number {
  let line = 1
  for (let at = 0; at < offset; at += 1 << 20) {
    const chunk = readBytes(fs, fd, at, Math.min(1 << 20, offset - at))
    for (let i = chunk.indexOf(NEWLINE); i >= 0; i = chunk.indexOf(NEWLINE, i + 1)) line++
  }
  return line
}

/** Where the last line of the bytes `[0, size)` starts (after the last newline). */
function lastLineStart(fs: FileSystem, fd: number, size: number): number {
  for (let to = size; to > 0; to -= BACK_CHUNK) {
    const from = Math.max(0, to - BACK_CHUNK)
    const i = readBytes(fs, fd, from, to - from).lastIndexOf(NEWLINE)
    if (i >= 0) return from + i + 1
  }
  return 0
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text)
    return true
  } catch {
    return false
  }
}

/**
 * Whether a dead lock holder's append finished: nothing written yet, or every byte it meant to
 * write is there (their hash matches the intent it recorded first). Otherwise it is torn.
 */
export function judgeAppend(fs: FileSystem, fd: number | undefined, holder: Holder | null): Verdict {
  const intent = holder?.intent
  if (intent == null || fd === undefined) return 'finished'
  const size = fs.fstatSync(fd).size
  if (size <= intent.offset) return 'finished'
  if (size < intent.offset + intent.length) return 'torn'
  return hashRange(fs, fd, intent.offset, intent.offset + intent.length) === intent.sha256 ? 'finished' : 'torn'
}

/**
 * How much of a history file is history. With the lock of a dead holder whose append was torn,
 * everything from where that append started; otherwise a last line without a newline that is not
 * JSON (the end of an interrupted write) is torn. A last line without a newline that is JSON is
 * complete (a hand-written file need not end with a newline; an append adds it first).
 */
export function committed(fs: FileSystem, fd: number | undefined, file: string, torn: Holder | null): Committed {
  const size = fd === undefined ? 0 : fs.fstatSync(fd).size
  if (fd === undefined || size === 0) return { size, end: size, torn: null }
  const intent = torn?.intent
  if (intent != null && intent.offset < size) {
    const tail: TornTail = {
      _tag: 'TornTail',
      file,
      line: lineAt(fs, fd, intent.offset),
      offset: intent.offset,
      bytes: size - intent.offset,
      cause: 'interrupted',
      pid: torn!.pid,
    }
    return { size, end: intent.offset, torn: tail }
  }
  if (readBytes(fs, fd, size - 1, 1)[0] === NEWLINE) return { size, end: size, torn: null }
  const start = lastLineStart(fs, fd, size)
  const text = readBytes(fs, fd, start, size - start)
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trim()
  if (text === '' || isJson(text)) return { size, end: size, torn: null }
  const line = lineAt(fs, fd, start)
  return {
    size,
    end: start,
    torn: { _tag: 'TornTail', file, line, offset: start, bytes: size - start, cause: 'unterminated' },
  }
}
