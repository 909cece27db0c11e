import type { Origin, PersonId, UnitId } from '../domain/ids.js'
import type { Name } from '../domain/name.js'
import type { Attributes } from '../domain/state.js'

/**
 * A role held in a unit of a snapshot.
 * @example
 * const head: SnapshotLeader = { person: 'dai-shan', role: 'head', title: null, acting: false }
 * @since 0.2.0
 */
export interface SnapshotLeader {
  readonly person: PersonId
  readonly role: string
  readonly title: string | null
  readonly acting: boolean
}

/**
 * One active unit of a snapshot (DESIGN §7): the fields of `at --format json` that an import
 * reproduces, the members read as evidence, and where the unit was read.
 * @example
 * const u: SnapshotUnit = { id: 'ops', name: 'Operations', kind: null, parent: null, attributes: {}, leaders: [] }
 * @since 0.2.0
 */
export interface SnapshotUnit {
  readonly id: UnitId
  readonly name: Name
  readonly kind: string | null
  readonly parent: UnitId | null
  readonly attributes: Attributes
  readonly leaders: readonly SnapshotLeader[]
  /** People who belong to the unit: evidence for matching, not kept in the history. */
  readonly members?: readonly PersonId[]
  /** Where the unit was read, for messages. */
  readonly origin?: Origin
}

/**
 * A person of a snapshot and their display name (`null`: unnamed).
 * @example
 * const p: SnapshotPerson = { id: 'dai-shan', name: { en: 'Trudy Dai' } }
 * @since 0.2.0
 */
export interface SnapshotPerson {
  readonly id: PersonId
  readonly name: Name | null
  readonly origin?: Origin
}

/**
 * The org at one date, as an HR export or `at --format json` gives it (DESIGN §7).
 * @example
 * const s: Snapshot = { date: '2024-01-31', file: 'org-2024-01-31.csv', units: [], people: [] }
 * @since 0.2.0
 */
export interface Snapshot {
  /** The date the snapshot describes (a date of DESIGN §1). */
  readonly date: string
  /** The file it was read from: the `source` title of the events inferred at its date. */
  readonly file: string
  readonly units: readonly SnapshotUnit[]
  readonly people: readonly SnapshotPerson[]
  /** Where the date was read (a `date` column, the file name…), for messages. */
  readonly origin?: Origin
}

/**
 * A problem of a snapshot, or a difference the importer's own check found, with where it was read.
 * @example
 * const e: ImportError = { _tag: 'ImportError', origin: { file: 'a.csv', line: 3 }, message: "duplicate unit 'ops'" }
 * @since 0.2.0
 */
export interface ImportError {
  readonly _tag: 'ImportError'
  readonly origin: Origin | null
  readonly message: string
}

/**
 * An {@link ImportError} as `file:line: message`.
 * @param error the error
 * @returns one line
 * @example
 * formatImportError({ _tag: 'ImportError', origin: { file: 'a.csv', line: 3 }, message: 'bad' }) // 'a.csv:3: bad'
 * @since 0.2.0
 */
export function formatImportError(error: ImportError): string {
  return error.origin === null ? error.message : `${error.origin.file}:${error.origin.line}: ${error.message}`
}

/**
 * Builds an {@link ImportError}.
 * @param origin where, or `undefined`
 * @param message what is wrong and how to fix it
 * @returns the error
 * @example
 * importError({ file: 'a.csv', line: 2 }, 'unknown parent')
 * @since 0.2.0
 */
export function importError(origin: Origin | undefined | null, message: string): ImportError {
  return { _tag: 'ImportError', origin: origin ?? null, message }
}
