import { createHash } from 'node:crypto'
import * as nodeFs from 'node:fs'

/** What `fstat` tells the file store about an open file. @since 0.1.0 */
export interface FileStat {
  readonly size: number
  readonly ino: number
  readonly dev: number
  readonly mtimeMs: number
}

/**
 * The synchronous file operations the file store uses: `node:fs` by default, or a stand-in that
 * fails on purpose (a full disk, a read-only file, a crash mid-write) in tests. Synchronous on
 * purpose: an append runs from taking the lock to releasing it without yielding to the event
 * loop, so nothing else in the process can interleave with it.
 * @since 0.1.0
 */
export interface FileSystem {
  /** Opens a file (`node:fs` flags). */
  openSync(path: string, flags: string, mode?: number): number
  /** Closes a file. */
  closeSync(fd: number): void
  /** Reads bytes at a position. */
  readSync(fd: number, buffer: Uint8Array, offset: number, length: number, position: number): number
  /** Writes bytes at a position. */
  writeSync(fd: number, buffer: Uint8Array, offset: number, length: number, position: number): number
  /** Flushes a file and its metadata to the disk. */
  fsyncSync(fd: number): void
  /** Like `fsyncSync`, without metadata that reading the data does not need (cheaper for appends). */
  fdatasyncSync(fd: number): void
  /** Size and identity of an open file. */
  fstatSync(fd: number): FileStat
  /** Cuts a file to a length. */
  ftruncateSync(fd: number, length: number): void
  /** Removes a file. */
  unlinkSync(path: string): void
}

/** The file operations of `node:fs`. @since 0.1.0 */
export const nodeFileSystem: FileSystem = nodeFs

/** The `code` of a system error (`ENOSPC`, `EACCES`…), if it has one. */
export function errnoCode(cause: unknown): string | undefined {
  const code = (cause as { code?: unknown } | null)?.code
  return typeof code === 'string' ? code : undefined
}

/** Opens a file; `undefined` when it does not exist. */
export function openIfExists(fs: FileSystem, path: string, flags: string): number | undefined {
  try {
    return fs.openSync(path, flags)
  } catch (cause) {
    if (errnoCode(cause) === 'ENOENT') return undefined
    throw cause
  }
}

/** Reads `length` bytes at `position` (fewer at the end of the file). */
export function readBytes(fs: FileSystem, fd: number, position: number, length: number): Buffer {
  const buffer = Buffer.alloc(length)
  let done = 0
  while (done < length) {
    const n = fs.readSync(fd, buffer, done, length - done, position + done)
    if (n === 0) break
    done += n
  }
  return done === length ? buffer : buffer.subarray(0, done)
}

/** Writes all of `data` at `position`, however many writes it takes. */
export function writeAll(fs: FileSystem, fd: number, data: Uint8Array, position: number): void {
  let done = 0
  while (done < data.length) done += fs.writeSync(fd, data, done, data.length - done, position + done)
}

/** The SHA-256 (hex) of the bytes `[from, to)` of a file, read in chunks, followed by `suffix`. */
export function hashRange(fs: FileSystem, fd: number, from: number, to: number, suffix = ''): string {
  const hash = createHash('sha256')
  for (let at = from; at < to; at += 1 << 20) hash.update(readBytes(fs, fd, at, Math.min(1 << 20, to - at)))
  return hash.update(suffix).digest('hex')
}

/** The SHA-256 (hex) of a text or bytes. */
export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex')
}

/** Makes a new directory entry durable (best effort: some systems cannot fsync a directory). */
export function fsyncDirectory(fs: FileSystem, dir: string): void {
  let fd: number | undefined
  try {
    fd = fs.openSync(dir, 'r')
    fs.fsyncSync(fd)
  } catch {
    // Not supported here (e.g. Windows); the data itself is already synced.
  } finally {
    if (fd !== undefined) fs.closeSync(fd)
  }
}
