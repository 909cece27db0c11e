import { resolve } from 'node:path'
import { type Either, left, right } from 'fp-ts/lib/Either.js'
import { type FileStoreError, ioFailure } from './errors.js'
import { errnoCode, type FileSystem } from './fs.js'
import { GARBLED_GRACE_MS, type Holder, type Intent, isAlive, isOwn, ownRecord, readHolder } from './holder.js'

/** What a lock needs: the data file it guards, the file system, the clock, how long to wait. */
export interface LockContext {
  readonly file: string
  readonly fs: FileSystem
  readonly now: () => Date
  readonly timeoutMs: number
}

/** A held lock. Released exactly once; `abandon` leaves the lock file behind as a marker of a torn append. */
export interface Lock {
  /** The holder this lock was taken over from (its process is gone), if any. */
  readonly previous: Holder | null
  /**
   * Records what is about to be written. `durable`: synced to disk first, so that even after a
   * power loss a partly written append of several lines is recognized (one line needs no intent:
   * a part of a line is never JSON, so it shows as a torn last line).
   */
  writeIntent(intent: Intent | null, durable: boolean): void
  release(): void
  abandon(): void
}

/** How a dead holder's append ended: finished (or never started), or torn. */
export type Verdict = 'finished' | 'torn'

/** The outcome of taking a lock: held, or left in place because the dead holder's append is torn. */
export type Taken = { readonly lock: Lock } | { readonly torn: Holder }

/** Locks this process holds now (by lock file path): a record of our own pid in any other lock is a leftover. */
const held = new Set<string>()

type Attempt = Taken | { readonly busy: Holder | null } | { readonly failed: FileStoreError }

const lockPath = (file: string) => `${file}.lock`

/** The key of a lock in {@link held}: one file named two ways is one lock. */
const key = (path: string) => resolve(path)

function gone(path: string, found: { holder: Holder | null; ageMs: number }): boolean {
  const h = found.holder
  if (h === null) return found.ageMs > GARBLED_GRACE_MS
  return isOwn(h) ? !held.has(key(path)) : !isAlive(h)
}

function heldLock(ctx: LockContext, path: string, fd: number, previous: Holder | null): Lock {
  held.add(key(path))
  let done = false
  const finish = (unlink: boolean) => {
    if (done) return
    done = true
    held.delete(key(path))
    ctx.fs.closeSync(fd)
    if (!unlink) return
    try {
      ctx.fs.unlinkSync(path)
    } catch (cause) {
      // Already gone (removed by hand): there is nothing left to release.
      if (errnoCode(cause) !== 'ENOENT') throw cause
    }
  }
  return {
    previous,
    writeIntent(intent, durable) {
      const record = ownRecord(ctx.now(), intent)
      ctx.fs.writeSync(fd, record, 0, record.length, 0)
      if (durable) ctx.fs.fdatasyncSync(fd)
    },
    release: () => finish(true),
    abandon: () => finish(false),
  }
}

/** Takes over the lock of a dead holder, under a short second lock so two breakers cannot both do it. */
function takeOver(
  ctx: LockContext,
  path: string,
  seen: string,
  judge: (h: Holder | null) => Verdict,
  repair: boolean,
): Attempt {
  const breaker = `${path}.break`
  let fd: number
  try {
    fd = ctx.fs.openSync(breaker, 'wx', 0o644)
  } catch (cause) {
    if (errnoCode(cause) !== 'EEXIST') return { failed: ioFailure(ctx.file, 'take over the lock', cause) }
    const other = readHolder(ctx.fs, breaker)
    if (other !== null && gone(breaker, other)) ctx.fs.unlinkSync(breaker)
    return { busy: null }
  }
  try {
    const mark = ownRecord(ctx.now(), null)
    ctx.fs.writeSync(fd, mark, 0, mark.length, 0)
    const again = readHolder(ctx.fs, path)
    if (again === null || again.text !== seen) return { busy: again?.holder ?? null }
    if (judge(again.holder) === 'torn' && !repair) return { torn: again.holder! }
    // The dead holder's intent stays in the record until replaced, so a repair that dies too
    // leaves the torn append still marked.
    const record = ownRecord(ctx.now(), again.holder?.intent ?? null)
    const lockFd = ctx.fs.openSync(path, 'r+')
    ctx.fs.writeSync(lockFd, record, 0, record.length, 0)
    ctx.fs.ftruncateSync(lockFd, record.length)
    return { lock: heldLock(ctx, path, lockFd, again.holder) }
  } finally {
    ctx.fs.closeSync(fd)
    ctx.fs.unlinkSync(breaker)
  }
}

function create(ctx: LockContext, path: string): Attempt | undefined {
  let fd: number
  try {
    fd = ctx.fs.openSync(path, 'wx', 0o644)
  } catch (cause) {
    if (errnoCode(cause) === 'EEXIST') return undefined
    return { failed: ioFailure(ctx.file, 'create the lock file', cause) }
  }
  try {
    const record = ownRecord(ctx.now(), null)
    ctx.fs.writeSync(fd, record, 0, record.length, 0)
    return { lock: heldLock(ctx, path, fd, null) }
  } catch (cause) {
    ctx.fs.closeSync(fd)
    ctx.fs.unlinkSync(path)
    return { failed: ioFailure(ctx.file, 'write the lock file', cause) }
  }
}

function attempt(ctx: LockContext, judge: (h: Holder | null) => Verdict, repair: boolean): Attempt {
  const path = lockPath(ctx.file)
  try {
    const created = create(ctx, path)
    if (created !== undefined) return created
    const found = readHolder(ctx.fs, path)
    if (found === null) return { busy: null }
    if (!gone(path, found)) return { busy: found.holder }
    return takeOver(ctx, path, found.text, judge, repair)
  } catch (cause) {
    return { failed: ioFailure(ctx.file, 'take the lock', cause) }
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Takes the lock of a history file: `<file>.lock`, created with O_EXCL (`wx`), holding this
 * process's pid, host and start time. While another process holds it, retries with backoff
 * (1 ms doubling to 16 ms, with jitter) until `timeoutMs`. A lock whose holder is gone (no such
 * pid, a zombie, a reused pid, or garbled for over 5 s) is taken over — unless `judge` finds that
 * the holder's append was torn: then the lock stays as the marker of the torn tail (`torn`), for
 * `repair` (which passes `repair: true`) to take over and clean.
 *
 * In one process, the locks held are known (by absolute path), so a second operation on the same
 * file waits like one of another process; the caller then works synchronously until it releases.
 */
export async function takeLock(
  ctx: LockContext,
  judge: (h: Holder | null) => Verdict,
  repair = false,
): Promise<Either<FileStoreError, Taken>> {
  const started = Date.now()
  let wait = 1
  let owner: Holder | null = null
  for (;;) {
    const a = attempt(ctx, judge, repair)
    if ('failed' in a) return left(a.failed)
    if (!('busy' in a)) return right(a)
    owner = a.busy ?? owner
    const waited = Date.now() - started
    if (waited >= ctx.timeoutMs) {
      const who = owner === null ? null : { pid: owner.pid, host: owner.host, since: owner.since }
      return left({ _tag: 'LockTimeout', file: ctx.file, lock: lockPath(ctx.file), owner: who, waitedMs: waited })
    }
    await sleep(Math.min(wait, ctx.timeoutMs - waited) * (0.5 + Math.random()))
    wait = Math.min(wait * 2, 16)
  }
}
