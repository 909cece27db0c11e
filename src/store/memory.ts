import { type Either, isLeft, left, right } from 'fp-ts/lib/Either.js'
import { freeze } from 'immer'
import type { HistoryError } from '../errors/types.js'
import type { Event } from '../events/event.js'
import { Timeline } from '../timeline/Timeline.js'
import type { AppendError, Appended, EventStore, ExpectedVersion, StoredEvent, VersionRange } from './port.js'
import { AppendBase, checkAppend } from './validateAppend.js'

/** How a memory store is made. @since 0.1.0 */
export interface MemoryStoreOptions {
  /** The clock that stamps `recorded` (one reading per append). Default: `() => new Date()`. */
  readonly now?: () => Date
}

/** Where a read starts and ends, clamped to the stored versions. */
export function rangeBounds(range: VersionRange, version: number): { from: number; to: number } {
  const whole = (n: number | undefined, fallback: number) =>
    n === undefined || Number.isNaN(n) ? fallback : Math.max(0, Math.floor(n))
  return { from: whole(range.from, 0), to: Math.min(version, whole(range.to, version)) }
}

class MemoryStore implements EventStore {
  private readonly events: Event[] = []
  private cached: { version: number; timeline: Either<HistoryError[], Timeline> } | undefined
  private base: AppendBase | undefined
  private closed = false

  constructor(private readonly options: MemoryStoreOptions) {}

  async version(): Promise<number> {
    this.open()
    return this.events.length
  }

  async append(
    events: readonly Event[],
    options: { readonly expectedVersion: ExpectedVersion },
  ): Promise<Either<AppendError, Appended>> {
    this.open()
    // From here to the push nothing awaits, so no other append can run in between.
    const actual = this.events.length
    const expected = options.expectedVersion
    if (expected !== 'any' && expected !== actual) return left({ _tag: 'VersionConflict', expected, actual })
    if (events.length === 0) return right({ version: actual, events: [] })
    if (this.base?.count !== this.events.length) this.base = AppendBase.of(this.events)
    const checked = checkAppend(this.events, events, { ...this.options, base: this.base })
    if (isLeft(checked)) return left({ _tag: 'InvalidAppend', errors: checked.left })
    const stored = checked.right.events.map((e, i) => ({ version: actual + i + 1, event: freeze(e, true) }))
    for (const s of stored) this.events.push(s.event)
    const state = checked.right.state
    if (state === undefined) this.base = undefined
    else this.base?.advance(checked.right.events, state)
    this.cached = undefined
    return right({ version: this.events.length, events: stored })
  }

  async *read(range: VersionRange = {}): AsyncIterable<StoredEvent> {
    this.open()
    const { from, to } = rangeBounds(range, this.events.length)
    for (let v = from + 1; v <= to; v++) yield { version: v, event: this.events[v - 1]! }
  }

  async timeline(): Promise<Either<HistoryError[], Timeline>> {
    this.open()
    const version = this.events.length
    if (this.cached?.version !== version) this.cached = { version, timeline: Timeline.from(this.events.slice()) }
    return this.cached.timeline
  }

  async close(): Promise<void> {
    this.closed = true
  }

  private open(): void {
    if (this.closed) throw new Error('org-history: this memory store is closed; create a new one')
  }
}

/**
 * An event store in memory, for tests and browsers: the same promises as the file and PostgreSQL
 * stores (appends checked against the whole history and all-or-nothing, `VersionConflict` on a
 * stale expected version, `recorded` stamped), nothing kept after the process ends. Stored events
 * are frozen (deeply, as immer freezes states): they are the history's facts, not the caller's
 * objects to change.
 * @param options `now`: the clock that stamps `recorded`
 * @returns an empty store
 * @example
 * const store = createMemoryStore()
 * await store.append([unitCreated({ unit: 'g', name: 'Group' }, { effective: '2020' })], { expectedVersion: 0 })
 * for await (const { version, event } of store.read()) console.log(version, event.id)
 * @since 0.1.0
 */
export function createMemoryStore(options: MemoryStoreOptions = {}): EventStore {
  return new MemoryStore(options)
}
