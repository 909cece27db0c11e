import { type Either, isLeft, left, right } from 'fp-ts/lib/Either.js'
import { type FileStoreError, ioFailure } from './errors.js'
import { errnoCode, openIfExists } from './fs.js'
import type { Holder } from './holder.js'
import { type Lock, type LockContext, takeLock } from './lock.js'
import { type Committed, committed, judgeAppend } from './tail.js'

/** What an operation on a history file sees while it holds the lock: the file, and how much of it is history. */
export interface Session {
  /** The data file, open for reading (and writing, for `repair`); `undefined` when it does not exist yet. */
  readonly fd: number | undefined
  readonly committed: Committed
  /** The lock, or `null` when a reader could not take it (a read-only directory) or it marks a torn append. */
  readonly lock: Lock | null
}

/** Reads only (takes the lock just to see a consistent end), appends, or repairs (takes over a torn append's lock). */
export type Purpose = 'read' | 'append' | 'repair'

const READ_ONLY = new Set(['EACCES', 'EPERM', 'EROFS'])

/**
 * Runs `f` on a history file under its lock, synchronously: the lock is taken (waiting for other
 * processes), the file opened, its committed end found, `f` run, the file closed and the lock
 * released. A reader that cannot create the lock file (a read-only directory, where no one can
 * append either) reads without it.
 */
export async function withSession<A>(
  ctx: LockContext,
  purpose: Purpose,
  f: (session: Session) => A,
): Promise<Either<FileStoreError, A>> {
  const judge = (holder: Holder | null) => {
    const fd = openIfExists(ctx.fs, ctx.file, 'r')
    try {
      return judgeAppend(ctx.fs, fd, holder)
    } finally {
      if (fd !== undefined) ctx.fs.closeSync(fd)
    }
  }
  const taken = await takeLock(ctx, judge, purpose === 'repair')
  if (isLeft(taken)) {
    const e = taken.left
    const lockFree = purpose === 'read' && e._tag === 'IoFailure' && READ_ONLY.has(e.code)
    if (!lockFree) return taken
  }
  const lock = isLeft(taken) || !('lock' in taken.right) ? null : taken.right.lock
  let torn: Holder | null = null
  if (!isLeft(taken) && 'torn' in taken.right) torn = taken.right.torn
  else if (purpose === 'repair' && lock?.previous && judge(lock.previous) === 'torn') torn = lock.previous
  let fd: number | undefined
  try {
    fd = openIfExists(ctx.fs, ctx.file, purpose === 'repair' ? 'r+' : 'r')
    return right(f({ fd, committed: committed(ctx.fs, fd, ctx.file, torn), lock }))
  } catch (cause) {
    if (errnoCode(cause) === undefined) throw cause
    return left(ioFailure(ctx.file, purpose === 'repair' ? 'open the file to repair it' : 'read the file', cause))
  } finally {
    if (fd !== undefined) ctx.fs.closeSync(fd)
    lock?.release()
  }
}
