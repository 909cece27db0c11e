import type { PersonId, UnitId } from '../domain/ids.js'
import type { Name } from '../domain/name.js'
import type { Attributes, Leader } from '../domain/state.js'

/**
 * What a unit is during one stretch of valid time: the columns of a unit version row. A new
 * version starts whenever one of them changes; leaders are versioned apart ({@link LeaderVersion}).
 * @example
 * const v: UnitVersion = { unit: 'taobao-tmall', name: '大淘寶', kind: 'group', parent: null, attributes: {} }
 * @since 0.2.0
 */
export interface UnitVersion {
  readonly unit: UnitId
  readonly name: Name
  readonly kind: string | null
  readonly parent: UnitId | null
  readonly attributes: Attributes
}

/**
 * One holding of a role in a unit during one stretch of valid time (a change of `title` or
 * `acting` starts a new version).
 * @example
 * const v: LeaderVersion = { unit: 'cdc', person: 'dai-shan', role: 'head', title: null, acting: false, since: '2022-01-01' }
 * @since 0.2.0
 */
export interface LeaderVersion extends Leader {
  readonly unit: UnitId
}

/**
 * A person's name and aliases during one stretch of valid time.
 * @example
 * const v: PersonVersion = { person: 'dai-shan', name: { en: 'Trudy Dai' }, aliases: [] }
 * @since 0.2.0
 */
export interface PersonVersion {
  readonly person: PersonId
  readonly name: Name | null
  readonly aliases: readonly Name[]
}

/**
 * Where a version holds, in both times: valid time `[validFrom, validTo)` and transaction time
 * `[recordedFrom, recordedTo)`, in milliseconds since the epoch (`±Infinity`: unbounded).
 * @example
 * const always: Rectangle = { validFrom: 0, validTo: Infinity, recordedFrom: -Infinity, recordedTo: Infinity }
 * @since 0.2.0
 */
export interface Rectangle {
  readonly validFrom: number
  readonly validTo: number
  readonly recordedFrom: number
  readonly recordedTo: number
}

/**
 * A version with the rectangle of time where it holds.
 * @example
 * const row: Versioned<UnitVersion> = { value: { unit: 'u', name: 'U', kind: null, parent: null, attributes: {} },
 *   validFrom: 0, validTo: Infinity, recordedFrom: -Infinity, recordedTo: Infinity }
 * @since 0.2.0
 */
export interface Versioned<V> extends Rectangle {
  readonly value: V
}

/**
 * Every version of a history: the rows of the SQL read model.
 * @example
 * const empty: Versions = { units: [], leaders: [], people: [] }
 * @since 0.2.0
 */
export interface Versions {
  readonly units: readonly Versioned<UnitVersion>[]
  readonly leaders: readonly Versioned<LeaderVersion>[]
  readonly people: readonly Versioned<PersonVersion>[]
}
