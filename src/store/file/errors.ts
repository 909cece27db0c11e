import { errnoCode } from './fs.js'

/**
 * The end of a history file that is not part of the history: an incomplete last line, or what an
 * append that was interrupted (its process killed, the machine down) had written. Nothing reads
 * it as events, appends are refused while it is there, and `repair` moves it to a side file.
 * @since 0.1.0
 */
export interface TornTail {
  readonly _tag: 'TornTail'
  readonly file: string
  /** The line where the torn part starts (1-based). */
  readonly line: number
  /** The byte where the torn part starts: the length of the file once repaired. */
  readonly offset: number
  /** How many bytes are torn. */
  readonly bytes: number
  /** `unterminated`: a last line without a newline that is not JSON; `interrupted`: an append that did not finish. */
  readonly cause: 'unterminated' | 'interrupted'
  /** The process whose append was interrupted, when known. */
  readonly pid?: number
}

/** Who holds a lock file, as it says. @since 0.1.0 */
export interface LockOwner {
  readonly pid: number
  readonly host: string
  readonly since: string
}

/**
 * Why the file store could not do something. Each turns into one line of text, naming the file
 * and the fix, with {@link formatStoreError}.
 * @since 0.1.0
 */
export type FileStoreError =
  | TornTail
  /** Another process held the lock for longer than the timeout. */
  | {
      readonly _tag: 'LockTimeout'
      readonly file: string
      readonly lock: string
      readonly owner: LockOwner | null
      readonly waitedMs: number
    }
  /** A system call failed: a full disk, a read-only file, a missing directory… */
  | {
      readonly _tag: 'IoFailure'
      readonly file: string
      readonly operation: string
      readonly code: string
      readonly detail: string
      /** `false` when a failed append could not be undone (then the file has a torn tail). */
      readonly unchanged: boolean
    }
  /** The store keeps NDJSON (`.ndjson`, `.jsonl`); a `.json` array or a YAML file cannot be appended to line by line. */
  | { readonly _tag: 'NotNdjson'; readonly file: string }
  /** The store was opened with `readOnly: true`. */
  | { readonly _tag: 'ReadOnlyStore'; readonly file: string }
  /** The store was closed. */
  | { readonly _tag: 'StoreClosed'; readonly file: string }

const REASONS: Record<string, readonly [what: string, fix: string]> = {
  ENOSPC: ['no space left on device', 'free some space and try again'],
  EDQUOT: ['disk quota exceeded', 'free some space and try again'],
  EACCES: ['permission denied', 'make the file and its directory writable, or work on a copy'],
  EPERM: ['operation not permitted', 'make the file and its directory writable, or work on a copy'],
  EROFS: ['read-only file system', 'work on a copy on a writable disk'],
  ENOENT: ['no such file or directory', 'check the path'],
  EISDIR: ['is a directory', 'give the path of an .ndjson file'],
  EIO: ['input/output error', 'check the disk'],
}

/** An {@link FileStoreError} of a failed system call. */
export function ioFailure(file: string, operation: string, cause: unknown, unchanged = true): FileStoreError {
  const code = errnoCode(cause) ?? 'UNKNOWN'
  const detail = REASONS[code]?.[0] ?? (cause instanceof Error ? cause.message : String(cause))
  return { _tag: 'IoFailure', file, operation, code, detail, unchanged }
}

/** `3 s`, `250 ms`. */
const duration = (ms: number) => (ms >= 1000 ? `${Math.round(ms / 100) / 10} s` : `${Math.round(ms)} ms`)

/**
 * One line of text for a file store error: where, what happened, and what to do.
 * @example
 * formatStoreError({ _tag: 'ReadOnlyStore', file: 'h.ndjson' })
 * // "h.ndjson: this store was opened read-only; open it without readOnly to append"
 * @since 0.1.0
 */
export function formatStoreError(e: FileStoreError): string {
  switch (e._tag) {
    case 'TornTail': {
      const what =
        e.cause === 'interrupted'
          ? `an append${e.pid === undefined ? '' : ` by process ${e.pid}`} was interrupted after writing ${e.bytes} bytes`
          : `the last line is incomplete (${e.bytes} bytes without a newline that are not JSON: a write was interrupted)`
      return `${e.file}:${e.line}: ${what}; they are not part of the history and nothing can be appended after them. Run 'org-history repair ${e.file}' to move them to a side file`
    }
    case 'LockTimeout': {
      const who =
        e.owner === null ? 'another process' : `process ${e.owner.pid} on ${e.owner.host} (since ${e.owner.since})`
      return `${e.file}: still locked by ${who} after ${duration(e.waitedMs)}; wait for it and retry, or, if that process no longer exists, delete ${e.lock}`
    }
    case 'IoFailure': {
      const fix = REASONS[e.code]?.[1] ?? 'check the file and the disk'
      const state = e.unchanged
        ? 'nothing was written'
        : `the append could not be undone: run 'org-history repair ${e.file}'`
      return `${e.file}: cannot ${e.operation}: ${e.detail} (${e.code}); ${state}. ${fix[0]!.toUpperCase()}${fix.slice(1)}`
    }
    case 'NotNdjson':
      return `${e.file}: the file store keeps NDJSON, one event a line (.ndjson or .jsonl); convert it first (org-history convert ${e.file} --to ndjson --out <file>.ndjson)`
    case 'ReadOnlyStore':
      return `${e.file}: this store was opened read-only; open it without readOnly to append`
    case 'StoreClosed':
      return `${e.file}: this store is closed; open it again`
  }
}

/**
 * A {@link FileStoreError} thrown: by the `…OrThrow` functions, and by `read()` (an iterator has
 * no `Either`). `message` is the formatted error.
 * @since 0.1.0
 */
export class FileStoreException extends Error {
  override readonly name = 'FileStoreException'
  constructor(readonly error: FileStoreError) {
    super(formatStoreError(error))
  }
}
