import type { HistoryError } from '../../errors/types.js'
import type { Event } from '../../events/event.js'
import type { AppendBase } from '../validateAppend.js'
import { chainOf } from './chain.js'
import { type FileSystem, readBytes } from './fs.js'
import { LineDecoder, type RawLine, rawLines } from './lines.js'

/** The last non-blank line read: to check that the file was only appended to since, and to continue its chain. */
interface LastLine {
  readonly start: number
  readonly bytes: Buffer
  readonly chain: string | null
}

/**
 * The decoded history of a file as far as it was read, kept between operations so an append reads
 * only what was added since (by this or another process). Reloaded from the start when the file
 * was replaced, shortened, or its last line read changed (an edit by hand).
 */
export class FileHistory {
  /** Bytes read: the history is the bytes `[0, end)`. */
  end = 0
  /** Newlines in `[0, end)`. */
  newlines = 0
  /** Whether byte `end - 1` is a newline (or nothing was read). */
  endsWithNewline = true
  events: Event[] = []
  /** Lines that are not events (not JSON, or not a valid event), with their file and line. */
  errors: HistoryError[] = []
  last: LastLine | null = null
  /** What checking the events so far left, to check an append at the end cheaply (built on demand). */
  base: AppendBase | undefined
  private identity = ''
  private decoder: LineDecoder

  constructor(readonly file: string) {
    this.decoder = new LineDecoder(file)
  }

  /** The number of the line the next appended byte starts (after a newline the append adds, if needed). */
  get nextLine(): number {
    return this.newlines + (this.endsWithNewline ? 1 : 2)
  }

  /** Brings the history up to the bytes `[0, end)` of the open file. */
  sync(fs: FileSystem, fd: number | undefined, end: number): void {
    if (fd === undefined) {
      this.reset('')
      return
    }
    const stat = fs.fstatSync(fd)
    const identity = `${stat.dev}:${stat.ino}`
    // A file this store created is adopted (its last line is still checked below).
    if (this.identity === '') this.identity = identity
    if (identity !== this.identity || end < this.end || !this.unchanged(fs, fd)) this.reset(identity)
    if (end === this.end) return
    let from = this.end
    if (!this.endsWithNewline) {
      if (readBytes(fs, fd, from, 1)[0] !== 10) {
        this.reset(identity)
        from = 0
      } else {
        from++
        this.newlines++
        this.endsWithNewline = true
      }
    }
    this.read(fs, fd, from, end)
  }

  /** Records events this store just wrote, as if read back. */
  appended(events: readonly Event[], bytes: number, lines: number, last: LastLine): void {
    for (const e of events) this.events.push(e)
    this.end += bytes
    this.newlines += lines
    this.endsWithNewline = true
    this.last = last
  }

  private read(fs: FileSystem, fd: number, from: number, to: number): void {
    let last: RawLine | undefined
    const added: Event[] = []
    for (const raw of rawLines(fs, fd, from, to, this.newlines + 1)) {
      const d = this.decoder.decode(raw)
      if (d.kind === 'event') added.push(d.event)
      else if (d.kind === 'errors') this.errors.push(...d.errors)
      if (d.kind !== 'blank') last = raw
      if (raw.terminated) this.newlines++
    }
    if (last !== undefined) {
      const bytes = readBytes(fs, fd, last.start, last.end - last.start)
      this.last = { start: last.start, bytes, chain: chainOf(last.text) }
    }
    this.end = to
    this.endsWithNewline = to === 0 || readBytes(fs, fd, to - 1, 1)[0] === 10
    for (const e of added) this.events.push(e)
    this.advanceBase(added)
  }

  /** Keeps the base up with events another process appended, when they are appended at the end too. */
  private advanceBase(added: readonly Event[]): void {
    const state = this.errors.length === 0 ? this.base?.check(added) : undefined
    if (state === undefined) this.base = undefined
    else this.base!.advance(added, state)
  }

  private unchanged(fs: FileSystem, fd: number): boolean {
    const last = this.last
    return last === null || readBytes(fs, fd, last.start, last.bytes.length).equals(last.bytes)
  }

  private reset(identity: string): void {
    this.identity = identity
    this.end = 0
    this.newlines = 0
    this.endsWithNewline = true
    this.events = []
    this.errors = []
    this.last = null
    this.base = undefined
    this.decoder = new LineDecoder(this.file)
  }
}
