import type { Either } from 'fp-ts/lib/Either.js'
import type { HistoryError } from '../errors/types.js'
import type { Event } from '../events/event.js'
import type { Timeline } from '../timeline/Timeline.js'

/** An event as stored, with its version: its 1-based position in the history. @since 0.1.0 */
export interface StoredEvent {
  readonly version: number
  readonly event: Event
}

/** What an append expects the store's version to be: a number, or `'any'` to skip the check. @since 0.1.0 */
export type ExpectedVersion = number | 'any'

/**
 * Why an append was refused. Nothing of a refused append is stored.
 * @since 0.1.0
 */
export type AppendError =
  /** Someone else appended first: read again, re-check, and retry with the new version. */
  | { readonly _tag: 'VersionConflict'; readonly expected: number; readonly actual: number }
  /** The events would make the history invalid (DESIGN §2–§3); every error is listed. */
  | { readonly _tag: 'InvalidAppend'; readonly errors: readonly HistoryError[] }
  /** The store could not be written (disk full, read-only file, lost connection…). */
  | { readonly _tag: 'StoreFailure'; readonly message: string; readonly cause?: unknown }

/** What an accepted append stored. @since 0.1.0 */
export interface Appended {
  /** The store's version after the append. */
  readonly version: number
  /** The events as stored: `recorded` stamped where it was absent. */
  readonly events: readonly StoredEvent[]
}

/** A part of a stored history by version: after `from` (exclusive, default 0) up to `to` (inclusive). @since 0.1.0 */
export interface VersionRange {
  readonly from?: number
  readonly to?: number
}

/**
 * Where a history lives: one NDJSON file, a PostgreSQL table, memory. Every store keeps the same
 * promises: appends are checked against the whole history and are all-or-nothing; an append with
 * a stale expected version fails with `VersionConflict`; reads stream.
 * @since 0.1.0
 */
export interface EventStore {
  /** The number of events stored. */
  version(): Promise<number>
  /**
   * Appends events if the store is at `expectedVersion`, after checking that the history stays
   * valid with them; stamps `recorded` (now, UTC) on events without it.
   */
  append(
    events: readonly Event[],
    options: { readonly expectedVersion: ExpectedVersion },
  ): Promise<Either<AppendError, Appended>>
  /** Streams the stored events in version order, a range of them when given. */
  read(range?: VersionRange): AsyncIterable<StoredEvent>
  /** The timeline of the whole stored history. */
  timeline(): Promise<Either<HistoryError[], Timeline>>
  /** Releases what the store holds open (files, connections). */
  close(): Promise<void>
}
