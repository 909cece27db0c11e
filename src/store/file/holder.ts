import { readFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { threadId } from 'node:worker_threads'
import { instantText } from '../../domain/date.js'
import { errnoCode, type FileSystem, readBytes } from './fs.js'

/**
 * What an append is about to write, recorded in the lock file before the first byte: if its
 * process dies, whoever finds the lock can tell whether the write finished (the bytes at `offset`
 * have this hash) or was torn.
 */
export interface Intent {
  readonly offset: number
  readonly length: number
  readonly sha256: string
}

/** The content of a lock file: who holds it, and what it is writing. */
export interface Holder {
  readonly pid: number
  readonly host: string
  readonly thread: number
  /** The holder's start time (Linux: field 22 of /proc/<pid>/stat), so a reused pid is not taken for it. */
  readonly start: string | null
  readonly since: string
  readonly intent: Intent | null
}

/** A lock record is always this long, so rewriting it is one small write over the whole of it. */
export const RECORD_BYTES = 512

/** A process's state and start time from /proc (Linux), or `null` elsewhere. */
function procStat(pid: number): { state: string; start: string } | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ')
    return { state: fields[0] ?? '', start: fields[19] ?? '' }
  } catch {
    return null
  }
}

const self = { pid: process.pid, host: hostname(), thread: threadId, start: procStat(process.pid)?.start ?? null }

/** The lock record of this process (and thread), with an intent or none. */
export function ownRecord(since: Date, intent: Intent | null): Buffer {
  const json = JSON.stringify({ ...self, since: instantText(since.getTime()), intent })
  const bytes = Buffer.byteLength(json)
  if (bytes >= RECORD_BYTES) throw new Error(`lock record too long: ${json}`)
  return Buffer.from(`${json}${' '.repeat(RECORD_BYTES - 1 - bytes)}\n`)
}

/** Reads a lock record; `null` when it is empty or garbled (a holder killed before it wrote it). */
export function parseHolder(text: string): Holder | null {
  try {
    const h = JSON.parse(text) as Partial<Holder>
    if (typeof h.pid !== 'number' || typeof h.host !== 'string') return null
    const intent = h.intent
    const okIntent =
      intent == null ||
      (typeof intent.offset === 'number' && typeof intent.length === 'number' && typeof intent.sha256 === 'string')
    if (!okIntent) return null
    return {
      pid: h.pid,
      host: h.host,
      thread: typeof h.thread === 'number' ? h.thread : 0,
      start: typeof h.start === 'string' ? h.start : null,
      since: typeof h.since === 'string' ? h.since : '?',
      intent: intent ?? null,
    }
  } catch {
    return null
  }
}

/** An empty or garbled lock file older than this was abandoned before its holder wrote its record. */
export const GARBLED_GRACE_MS = 5_000

/** The record of a lock file as it is on disk (its text, holder and age); `null` when there is no such file. */
export function readHolder(
  fs: FileSystem,
  path: string,
): { text: string; holder: Holder | null; ageMs: number } | null {
  let fd: number
  try {
    fd = fs.openSync(path, 'r')
  } catch (cause) {
    if (errnoCode(cause) === 'ENOENT') return null
    throw cause
  }
  try {
    const text = readBytes(fs, fd, 0, 4 * RECORD_BYTES).toString('utf8')
    return { text, holder: parseHolder(text), ageMs: Date.now() - fs.fstatSync(fd).mtimeMs }
  } finally {
    fs.closeSync(fd)
  }
}

/** Whether the record names this very process and thread. */
export const isOwn = (h: Holder) => h.pid === self.pid && h.host === self.host && h.thread === self.thread

/**
 * Whether the holder of a lock may still be running. A holder on another host cannot be checked
 * and counts as alive; on this host a pid that does not exist, a zombie, or a pid now used by a
 * process that started at another time means the holder is gone. This process's own records are
 * judged by the caller (it knows which locks it holds).
 */
export function isAlive(h: Holder): boolean {
  if (h.host !== self.host) return true
  if (h.pid === self.pid) return h.thread !== self.thread
  try {
    process.kill(h.pid, 0)
  } catch (cause) {
    return (cause as { code?: string }).code === 'EPERM'
  }
  const stat = procStat(h.pid)
  if (stat === null) return true
  return stat.state !== 'Z' && (h.start === null || stat.start === h.start)
}
