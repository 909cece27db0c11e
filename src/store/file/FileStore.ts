import { type Either, isLeft, left, right } from 'fp-ts/lib/Either.js'
import type { HistoryError } from '../../errors/types.js'
import type { Event } from '../../events/event.js'
import { HistoryErrors } from '../../timeline/replay.js'
import { Timeline } from '../../timeline/Timeline.js'
import { rangeBounds } from '../memory.js'
import type { AppendError, Appended, EventStore, ExpectedVersion, StoredEvent, VersionRange } from '../port.js'
import { AppendBase, checkAppend } from '../validateAppend.js'
import { type FileStoreError, FileStoreException, formatStoreError, type TornTail } from './errors.js'
import { type FileSystem, hashRange, nodeFileSystem, openIfExists, sha256 } from './fs.js'
import { FileHistory } from './history.js'
import { LineDecoder, rawLines } from './lines.js'
import type { LockContext } from './lock.js'
import { type Session, withSession } from './session.js'
import { encodeBatch, writeBatch } from './write.js'

/** How a file store is opened. @since 0.1.0 */
export interface FileStoreOptions {
  /** The clock that stamps `recorded` (one reading per append). Default: `() => new Date()`. */
  readonly now?: () => Date
  /**
   * Whether appended lines carry the hash chain (`{"chain":"<sha256>",…}`, see `verifyFile`).
   * `'auto'` (default): continue the file's chain if its last line has one, otherwise not, so a
   * hand-written file stays plain. `true` starts (or continues) it; `false` never writes it.
   */
  readonly hashChain?: boolean | 'auto'
  /** How long to wait for another process's lock before giving up. Default: 10,000 ms. */
  readonly lockTimeoutMs?: number
  /** Refuse appends (reads still take the lock briefly, when they can, for a consistent end). */
  readonly readOnly?: boolean
  /** The file operations (tests inject failures). Default: `node:fs`. */
  readonly fs?: FileSystem
}

/** An {@link EventStore} on one NDJSON file. @since 0.1.0 */
export interface FileStore extends EventStore {
  readonly path: string
  /** The torn tail found when the store last looked at the end of the file (on open and on each operation). */
  readonly torn: TornTail | null
}

const failure = (error: FileStoreError): AppendError => ({
  _tag: 'StoreFailure',
  message: formatStoreError(error),
  cause: error,
})

function unwrap<A>(r: Either<FileStoreError, A>): A {
  if (isLeft(r)) throw new FileStoreException(r.left)
  return r.right
}

class NdjsonFileStore implements FileStore {
  torn: TornTail | null = null
  readonly ctx: LockContext
  private readonly fs: FileSystem
  private readonly history: FileHistory
  private cached: { events: readonly Event[]; size: number; timeline: Either<HistoryError[], Timeline> } | undefined
  private closed = false

  constructor(
    readonly path: string,
    private readonly options: FileStoreOptions,
  ) {
    this.fs = options.fs ?? nodeFileSystem
    this.ctx = { file: path, fs: this.fs, now: () => new Date(), timeoutMs: options.lockTimeoutMs ?? 10_000 }
    this.history = new FileHistory(path)
  }

  async version(): Promise<number> {
    return unwrap(await this.session('read', (s) => this.sync(s).events.length))
  }

  async append(
    events: readonly Event[],
    options: { readonly expectedVersion: ExpectedVersion },
  ): Promise<Either<AppendError, Appended>> {
    if (this.closed) return left(failure({ _tag: 'StoreClosed', file: this.path }))
    if (this.options.readOnly) return left(failure({ _tag: 'ReadOnlyStore', file: this.path }))
    const r = await this.session('append', (s) => this.appendLocked(s, events, options.expectedVersion))
    return isLeft(r) ? left(failure(r.left)) : r.right
  }

  /** Streams the file up to its committed end as it was when the read started; a range still reads the lines before it. */
  async *read(range: VersionRange = {}): AsyncIterable<StoredEvent> {
    const end = unwrap(await this.session('read', (s) => s.committed.end))
    const fd = end === 0 ? undefined : openIfExists(this.fs, this.path, 'r')
    if (fd === undefined) return
    try {
      const { from, to } = rangeBounds(range, Number.POSITIVE_INFINITY)
      const decoder = new LineDecoder(this.path)
      let version = 0
      for (const raw of rawLines(this.fs, fd, 0, end)) {
        if (version >= to) break
        const d = decoder.decode(raw)
        if (d.kind === 'blank') continue
        if (d.kind === 'errors') throw new HistoryErrors(d.errors)
        if (++version > from) yield { version, event: d.event }
      }
    } finally {
      this.fs.closeSync(fd)
    }
  }

  async timeline(): Promise<Either<HistoryError[], Timeline>> {
    const history = unwrap(await this.session('read', (s) => this.sync(s)))
    const { events, errors } = history
    if (this.cached?.events !== events || this.cached.size !== events.length) {
      const timeline = Timeline.from(events.slice())
      const all = [...errors, ...(isLeft(timeline) ? timeline.left : [])]
      this.cached = { events, size: events.length, timeline: all.length > 0 ? left(all) : timeline }
    }
    return this.cached.timeline
  }

  async close(): Promise<void> {
    this.closed = true
  }

  private async session<A>(purpose: 'read' | 'append', f: (s: Session) => A): Promise<Either<FileStoreError, A>> {
    if (this.closed) return left({ _tag: 'StoreClosed', file: this.path })
    return withSession(this.ctx, purpose, (s) => {
      this.torn = s.committed.torn
      return f(s)
    })
  }

  private sync(s: Session): FileHistory {
    this.history.sync(this.fs, s.fd, s.committed.end)
    return this.history
  }

  private appendLocked(s: Session, events: readonly Event[], expected: ExpectedVersion): Either<AppendError, Appended> {
    if (s.committed.torn !== null) return left(failure(s.committed.torn))
    const h = this.sync(s)
    const actual = h.events.length
    if (expected !== 'any' && expected !== actual) return left({ _tag: 'VersionConflict', expected, actual })
    if (events.length === 0) return right({ version: actual, events: [] })
    if (h.errors.length > 0) return left({ _tag: 'InvalidAppend', errors: [...h.errors] })
    if (h.base?.count !== h.events.length) h.base = AppendBase.of(h.events)
    const checked = checkAppend(h.events, events, { now: this.options.now, base: h.base })
    if (isLeft(checked)) return left({ _tag: 'InvalidAppend', errors: checked.left })
    const batch = encodeBatch(checked.right.events, !h.endsWithNewline, this.chainFrom(s.fd))
    const lines = checked.right.events.length
    const written = writeBatch(this.fs, this.path, s.lock!, h.end, batch.data, lines, s.fd === undefined)
    if (isLeft(written)) return left(failure(written.left))
    const first = h.nextLine
    const stored = checked.right.events.map((e, i) => ({ ...e, origin: { file: this.path, line: first + i } }) as Event)
    const last = { start: h.end + batch.lastStart, bytes: Buffer.from(batch.lastText), chain: batch.chain }
    h.appended(stored, batch.data.length, stored.length + (h.endsWithNewline ? 0 : 1), last)
    if (checked.right.state === undefined) h.base = undefined
    else h.base?.advance(checked.right.events, checked.right.state)
    return right({ version: h.events.length, events: stored.map((event, i) => ({ version: actual + i + 1, event })) })
  }

  /** The chain value the next line continues from, or `null` when the append is not chained. */
  private chainFrom(fd: number | undefined): string | null {
    const h = this.history
    const mode = this.options.hashChain ?? 'auto'
    if (mode === false || (mode === 'auto' && h.last?.chain == null)) return null
    if (h.last?.chain != null) return h.last.chain
    return fd === undefined ? sha256('') : hashRange(this.fs, fd, 0, h.end, h.endsWithNewline ? '' : '\n')
  }
}

/**
 * Opens the event store of one NDJSON file (created by the first append if it does not exist).
 * Appends are checked against the whole history, then written whole lines at once under an
 * exclusive lock (`<file>.lock`) and synced to disk before they resolve; a stale expected version
 * is a `VersionConflict`. A torn tail (a write interrupted by a crash) is detected here and on
 * each operation, reported in `torn`, never read as events, and blocks appends until
 * `repairFile` moves it aside. Reads stream the file a chunk at a time.
 * @param path an `.ndjson` or `.jsonl` file
 * @param options clock, hash chain, lock timeout, read-only, file system
 * @returns the store, or why the file cannot be used (not NDJSON, unreadable, locked too long)
 * @example
 * const store = await openFileStoreOrThrow('events/acme.ndjson', { hashChain: true })
 * if (store.torn) console.error(formatStoreError(store.torn))
 * await store.append([unitRenamed({ unit: 'acme', name: 'ACME' }, { effective: '2024' })], { expectedVersion: 'any' })
 * @since 0.1.0
 */
export async function openFileStore(
  path: string,
  options: FileStoreOptions = {},
): Promise<Either<FileStoreError, FileStore>> {
  if (/\.(json|ya?ml)$/i.test(path)) return left({ _tag: 'NotNdjson', file: path })
  const store = new NdjsonFileStore(path, options)
  const opened = await withSession(store.ctx, 'read', (s) => s.committed.torn)
  if (isLeft(opened)) return opened
  store.torn = opened.right
  return right(store)
}

/** {@link openFileStore} for scripts: throws {@link FileStoreException}. @since 0.1.0 */
export async function openFileStoreOrThrow(path: string, options?: FileStoreOptions): Promise<FileStore> {
  return unwrap(await openFileStore(path, options))
}
