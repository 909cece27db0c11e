import { createHash } from 'node:crypto'
import { type Either, isLeft } from 'fp-ts/lib/Either.js'
import { CHAIN_FIELD } from '../../events/envelope.js'
import { chainValue, splitChained } from './chain.js'
import { type FileStoreError, FileStoreException, formatStoreError, type TornTail } from './errors.js'
import { type FileSystem, nodeFileSystem } from './fs.js'
import { rawLines } from './lines.js'
import { withSession } from './session.js'

/** How `verifyFile` runs. @since 0.1.0 */
export interface VerifyOptions {
  /** The chain value of the last line, kept elsewhere (a commit message, a log): proves nothing was cut off the end. */
  readonly head?: string
  readonly lockTimeoutMs?: number
  readonly fs?: FileSystem
}

/** Something `verifyFile` found that shows the file was changed after it was written. @since 0.1.0 */
export type VerifyProblem =
  /** The line does not hash to its chain value: it was edited, or a line just before it was removed or inserted. */
  | { readonly _tag: 'ChainBroken'; readonly file: string; readonly line: number }
  /** The line has a chain field, but not in front where the store writes it: the line was rewritten. */
  | { readonly _tag: 'ChainMisplaced'; readonly file: string; readonly line: number }
  /** A line without a chain value after chained lines: added without the store. */
  | { readonly _tag: 'Unchained'; readonly file: string; readonly line: number }
  /** The last chain value is not the head given. */
  | {
      readonly _tag: 'HeadMismatch'
      readonly file: string
      readonly line: number
      readonly expected: string
      readonly actual: string | null
    }
  | TornTail

/** What `verifyFile` found. @since 0.1.0 */
export interface VerifyReport {
  readonly file: string
  /** Lines that hold an event (not blank). */
  readonly events: number
  /** The chained lines (first and last) and the last chain value, or `null` when the file has no chain. */
  readonly chain: { readonly from: number; readonly to: number; readonly head: string } | null
  /** In line order: the first is the first place the file was changed. Empty: nothing found. */
  readonly problems: readonly VerifyProblem[]
}

/**
 * One line of text for a problem `verifyFile` found, as `file:line: what; what to do`.
 * @example
 * formatVerifyProblem({ _tag: 'Unchained', file: 'h.ndjson', line: 7 })
 * @since 0.1.0
 */
export function formatVerifyProblem(p: VerifyProblem): string {
  const at = `${p.file}:${p.line}`
  switch (p._tag) {
    case 'ChainBroken':
      return `${at}: the hash chain breaks here: this line was edited after it was written, or a line just before it was removed or inserted; compare with the file's history (e.g. git log -p)`
    case 'ChainMisplaced':
      return `${at}: the chain field is not first, where the store writes it: this line was rewritten after it was written`
    case 'Unchained':
      return `${at}: this line has no chain value but follows chained lines: it was added without the store (by hand?); append events with 'org-history append' instead`
    case 'HeadMismatch':
      return `${at}: the last chain value is ${p.actual ?? '(none)'}, not ${p.expected}: lines were removed from the end, or the file was rewritten`
    case 'TornTail':
      return formatStoreError(p)
  }
}

const hasChainField = (text: string) => {
  if (!text.includes(`"${CHAIN_FIELD}"`)) return false
  try {
    const value = JSON.parse(text) as unknown
    return typeof value === 'object' && value !== null && Object.hasOwn(value, CHAIN_FIELD)
  } catch {
    return false
  }
}

/**
 * Checks that a history file was not changed after it was written: its hash chain (see
 * `FileStoreOptions.hashChain`) line by line, and its end (no torn tail). Every problem is listed
 * with its line, the first one first. A file without a chain can only be checked for a torn tail:
 * `chain` is then `null`. Blank lines are not events and are not chained.
 * @param path the history file
 * @param options `head`: the chain value the last line must have (proves nothing was cut off the end)
 * @returns the report, or why the file could not be read
 * @example
 * const report = await verifyFileOrThrow('events/acme.ndjson')
 * for (const p of report.problems) console.error(formatVerifyProblem(p))
 * @since 0.1.0
 */
export async function verifyFile(
  path: string,
  options: VerifyOptions = {},
): Promise<Either<FileStoreError, VerifyReport>> {
  const fs = options.fs ?? nodeFileSystem
  const ctx = { file: path, fs, now: () => new Date(), timeoutMs: options.lockTimeoutMs ?? 10_000 }
  return withSession(ctx, 'read', ({ fd, committed }): VerifyReport => {
    const problems: VerifyProblem[] = []
    const before = createHash('sha256')
    let previous: string | null = null
    let chain: VerifyReport['chain'] = null as VerifyReport['chain']
    let events = 0
    for (const raw of fd === undefined ? [] : rawLines(fs, fd, 0, committed.end)) {
      const text = raw.text.endsWith('\r') ? raw.text.slice(0, -1) : raw.text
      if (text.trim() !== '') {
        events++
        const split = splitChained(raw.text)
        if (split !== null) {
          const expected = chainValue(previous ?? before.copy().digest('hex'), split.body)
          if (expected !== split.chain) problems.push({ _tag: 'ChainBroken', file: path, line: raw.line })
          chain = { from: chain === null ? raw.line : chain.from, to: raw.line, head: split.chain }
          previous = split.chain
        } else {
          if (hasChainField(text)) problems.push({ _tag: 'ChainMisplaced', file: path, line: raw.line })
          else if (chain !== null) problems.push({ _tag: 'Unchained', file: path, line: raw.line })
          previous = null
        }
      }
      before.update(raw.bytes)
      if (raw.terminated) before.update('\n')
    }
    if (options.head !== undefined && chain?.head !== options.head)
      problems.push({
        _tag: 'HeadMismatch',
        file: path,
        line: chain?.to ?? 1,
        expected: options.head,
        actual: chain?.head ?? null,
      })
    if (committed.torn !== null) problems.push(committed.torn)
    return { file: path, events, chain, problems }
  })
}

/** {@link verifyFile} for scripts: throws `FileStoreException`. @since 0.1.0 */
export async function verifyFileOrThrow(path: string, options?: VerifyOptions): Promise<VerifyReport> {
  const r = await verifyFile(path, options)
  if (isLeft(r)) throw new FileStoreException(r.left)
  return r.right
}
