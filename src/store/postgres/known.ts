import type { OrgState } from '../../domain/state.js'
import type { Event } from '../../events/event.js'
import { AppendBase } from '../validateAppend.js'
import { type RowSource, readRows } from './rows.js'

/**
 * The events of a history this store has seen, kept to check appends against the whole history
 * without reading it again each time: an append reads only the rows stored since (by other
 * stores or processes). With them an {@link AppendBase} (the org after the last event, the ids),
 * so an append dated at the end is checked in O(new events). Loaded on the first append or
 * timeline, never by `read`.
 */
export class KnownHistory {
  private readonly events: Event[] = []
  private base: AppendBase | undefined

  /**
   * The first `version` events of the history, reading the ones not known yet from `source`.
   * Inside an append, `source` is the locked transaction, so nothing can be stored meanwhile.
   */
  async upTo(source: RowSource, version: number, pageSize: number): Promise<readonly Event[]> {
    // More known than stored: rows were deleted by hand. Start over rather than trust the rest.
    if (this.events.length > version) this.clear()
    const from = this.events.length
    if (from < version) {
      const missing: Event[] = []
      for await (const stored of readRows(source, from, version, pageSize)) missing.push(stored.event)
      this.extend(from, missing)
    }
    return this.events.length === version ? this.events : this.events.slice(0, version)
  }

  /** What checking the known events left, for `checkAppend` (built with one replay when missing). */
  appendBase(): AppendBase | undefined {
    if (this.base?.count !== this.events.length) this.base = AppendBase.of(this.events)
    return this.base
  }

  /**
   * Adds events stored after version `from`, with the state `checkAppend` gave for them when it
   * has one. Idempotent: events already known (another call of this store read them first) are
   * skipped, so concurrent calls never add an event twice.
   */
  extend(from: number, events: readonly Event[], state?: OrgState): void {
    const skip = this.events.length - from
    if (skip < 0 || skip >= events.length) return
    if (skip === 0 && this.base?.count === from) {
      const next = state ?? this.base.check(events)
      if (next === undefined) this.base = undefined
      else this.base.advance(events, next)
    } else this.base = undefined
    for (let i = skip; i < events.length; i++) this.events.push(events[i]!)
  }

  /** Forgets every event (the store was closed, or the table was changed by hand). */
  clear(): void {
    this.events.length = 0
    this.base = undefined
  }
}
