import { dirname } from 'node:path'
import { type Either, left, right } from 'fp-ts/lib/Either.js'
import { type Event, encodeEvent } from '../../events/event.js'
import { chainLine } from './chain.js'
import { type FileStoreError, ioFailure } from './errors.js'
import { type FileSystem, fsyncDirectory, sha256, writeAll } from './fs.js'
import type { Lock } from './lock.js'

/** The envelope fields a line shows first, in this order; any other field follows, and `data` comes last, as it is the longest. */
const FIRST = ['id', 'type', 'effective', 'recorded', 'announced', 'reorg', 'source', 'note'] as const

/** The wire form of a stored event as one line of JSON: every field the codec writes, none dropped. */
export function eventJson(event: Event): string {
  const { data, ...envelope } = encodeEvent(event)
  const wire: Record<string, unknown> = {}
  for (const key of FIRST) if (envelope[key] !== undefined) wire[key] = envelope[key]
  Object.assign(wire, envelope, { data })
  return JSON.stringify(wire)
}

/** The bytes of an append: its lines, each with a newline, after a newline if the file's last line has none. */
export interface Batch {
  readonly data: Buffer
  /** Where the last line starts within `data`, and its text and chain value. */
  readonly lastStart: number
  readonly lastText: string
  readonly chain: string | null
}

/** Encodes events as lines, chained from `previous` when it is given. */
export function encodeBatch(events: readonly Event[], newlineFirst: boolean, previous: string | null): Batch {
  const texts: string[] = []
  let chain = previous
  for (const event of events) {
    const json = eventJson(event)
    if (chain === null) texts.push(json)
    else {
      const chained = chainLine(chain, json)
      texts.push(chained.line)
      chain = chained.chain
    }
  }
  const head = newlineFirst ? '\n' : ''
  const lastText = texts[texts.length - 1]!
  const text = `${head}${texts.join('\n')}\n`
  const data = Buffer.from(text, 'utf8')
  return { data, lastStart: data.length - Buffer.byteLength(lastText) - 1, lastText, chain }
}

/**
 * Truncates the file back to `offset`: whether that worked (the file reads as before), and whether
 * it is also on disk (if not, the lock stays behind as the marker of a possibly torn append: the
 * next operation finds the file back at `offset`, judges the append finished, and removes it).
 */
function rollback(fs: FileSystem, fd: number, offset: number): { undone: boolean; synced: boolean } {
  try {
    if (fs.fstatSync(fd).size <= offset) return { undone: true, synced: true }
    fs.ftruncateSync(fd, offset)
  } catch {
    return { undone: false, synced: false }
  }
  try {
    fs.fdatasyncSync(fd)
    return { undone: true, synced: true }
  } catch {
    return { undone: true, synced: false }
  }
}

/**
 * Writes an append's bytes at `offset` (the end of the history) and syncs them to disk. The lock
 * first records what is about to be written (offset, length, SHA-256), so a crash mid-write is
 * recognized as a torn append later. On failure (a full disk, a read-only file) the file is
 * truncated back to `offset`; if that cannot be made durable, the lock is left behind as the
 * marker of a torn append (see {@link rollback}).
 */
export function writeBatch(
  fs: FileSystem,
  file: string,
  lock: Lock,
  offset: number,
  data: Buffer,
  lines: number,
  create: boolean,
): Either<FileStoreError, void> {
  let fd: number
  try {
    fd = fs.openSync(file, create ? 'wx' : 'r+', 0o644)
  } catch (cause) {
    return left(ioFailure(file, create ? 'create the file' : 'open the file for writing', cause))
  }
  let started = false
  let undone = false
  try {
    lock.writeIntent({ offset, length: data.length, sha256: sha256(data) }, lines > 1)
    started = true
    writeAll(fs, fd, data, offset)
    fs.fdatasyncSync(fd)
    if (create) fsyncDirectory(fs, dirname(file))
    return right(undefined)
  } catch (cause) {
    const back = started ? rollback(fs, fd, offset) : { undone: true, synced: true }
    undone = back.undone
    if (!back.synced) lock.abandon()
    return left(ioFailure(file, started ? 'write' : 'write the lock file', cause, undone))
  } finally {
    fs.closeSync(fd)
    // A file this append created and then undid did not exist before: remove it.
    if (create && undone) fs.unlinkSync(file)
  }
}
