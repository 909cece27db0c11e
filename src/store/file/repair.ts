import { dirname } from 'node:path'
import { type Either, isLeft, left, right } from 'fp-ts/lib/Either.js'
import { type FileStoreError, FileStoreException, ioFailure } from './errors.js'
import { errnoCode, type FileSystem, fsyncDirectory, nodeFileSystem, readBytes, writeAll } from './fs.js'
import { withSession } from './session.js'

/** How `repairFile` runs. @since 0.1.0 */
export interface RepairOptions {
  /** The clock that names the side file. Default: `() => new Date()`. */
  readonly now?: () => Date
  /** How long to wait for another process's lock. Default: 10,000 ms. */
  readonly lockTimeoutMs?: number
  /** The file operations. Default: `node:fs`. */
  readonly fs?: FileSystem
}

/** What `repairFile` did. @since 0.1.0 */
export interface RepairReport {
  readonly file: string
  /** The torn tail it moved to a side file, or `null` when there was none. */
  readonly removed: {
    readonly line: number
    readonly offset: number
    readonly bytes: number
    /** Where the removed bytes are now, as they were. */
    readonly sideFile: string
  } | null
}

/** `history.ndjson.torn-20240501T100000Z`: not a history file name, so directory reads skip it. */
const sideName = (file: string, now: Date, n: number) =>
  `${file}.torn-${now.toISOString().replace(/[-:]|\.\d+/g, '')}${n > 1 ? `-${n}` : ''}`

/** Writes the removed bytes to a new side file, synced; its name. */
function keepAside(fs: FileSystem, file: string, bytes: Buffer, now: Date): string {
  for (let n = 1; ; n++) {
    const side = sideName(file, now, n)
    let fd: number
    try {
      fd = fs.openSync(side, 'wx', 0o644)
    } catch (cause) {
      if (errnoCode(cause) === 'EEXIST') continue
      throw cause
    }
    try {
      writeAll(fs, fd, bytes, 0)
      fs.fsyncSync(fd)
    } finally {
      fs.closeSync(fd)
    }
    fsyncDirectory(fs, dirname(file))
    return side
  }
}

/**
 * Removes the torn tail of a history file (see `TornTail`), and only that: the bytes are first
 * written to a side file next to it (`<file>.torn-<UTC time>`), synced, and then the file is
 * truncated to its last complete append. Takes the lock, and takes over the lock left by an append
 * whose process died. Lines in the middle of the file that are not valid are not touched (they are
 * a hand edit to fix, which `validate` reports).
 * @param path the history file
 * @returns what was removed (or `removed: null`), or why the file could not be repaired
 * @example
 * const r = await repairFile('events/acme.ndjson')
 * if (isRight(r) && r.right.removed) console.log(`moved to ${r.right.removed.sideFile}`)
 * @since 0.1.0
 */
export async function repairFile(
  path: string,
  options: RepairOptions = {},
): Promise<Either<FileStoreError, RepairReport>> {
  const fs = options.fs ?? nodeFileSystem
  const now = options.now ?? (() => new Date())
  const ctx = { file: path, fs, now: () => new Date(), timeoutMs: options.lockTimeoutMs ?? 10_000 }
  const r = await withSession(ctx, 'repair', ({ fd, committed }): Either<FileStoreError, RepairReport> => {
    const torn = committed.torn
    if (torn === null || fd === undefined) return right({ file: path, removed: null })
    let sideFile: string
    try {
      sideFile = keepAside(fs, path, readBytes(fs, fd, torn.offset, torn.bytes), now())
    } catch (cause) {
      return left(ioFailure(path, 'write the side file', cause))
    }
    try {
      fs.ftruncateSync(fd, torn.offset)
      fs.fsyncSync(fd)
    } catch (cause) {
      return left(ioFailure(path, `truncate the file (the torn bytes are saved in ${sideFile})`, cause))
    }
    return right({ file: path, removed: { line: torn.line, offset: torn.offset, bytes: torn.bytes, sideFile } })
  })
  return isLeft(r) ? r : r.right
}

/** {@link repairFile} for scripts: throws `FileStoreException`. @since 0.1.0 */
export async function repairFileOrThrow(path: string, options?: RepairOptions): Promise<RepairReport> {
  const r = await repairFile(path, options)
  if (isLeft(r)) throw new FileStoreException(r.left)
  return r.right
}
