import type { EventId, PersonId, UnitId } from '../domain/ids.js'
import type { Name } from '../domain/name.js'
import type { Attributes, UnitStatus } from '../domain/state.js'

/** What a leader holding has that can change. @since 0.1.0 */
export interface HoldingFields {
  readonly acting?: boolean
  readonly title?: string | null
}

/**
 * One difference between two states (DESIGN §4). Beyond §4, each change carries what applying it
 * to the earlier state needs (see `applyDiff`):
 * - `unit-added`: the unit's `since` and `unitKind` (its kind of unit; `kind` names the change). A
 *   unit created and ended inside the interval is listed as `unit-added` (with the parent it had
 *   when it ended) and again, in the `unit-ended` group, as `unit-ended`;
 * - `unit-ended`: its end date `ended`;
 * - `leader-added`: the holding's `title`, `since`, and `order`: where it comes among the holdings
 *   the diff adds, in the order they were assigned (0, 1, …). Adding them in that order rebuilds
 *   the order of each unit's leaders and of each person's roles;
 * - a holding that ended and started again inside the interval (its `since` differs) is listed as
 *   `leader-removed` and `leader-added`, not as `leader-updated`.
 *
 * People's names are not part of a diff.
 * @since 0.1.0
 */
export type Change =
  | {
      readonly kind: 'unit-added'
      readonly unit: UnitId
      readonly parent: UnitId | null
      readonly name: Name
      /** The kind of unit (`group`, `center`…), `null` when none. */
      readonly unitKind: string | null
      readonly since: string
    }
  | {
      readonly kind: 'unit-ended'
      readonly unit: UnitId
      readonly status: Exclude<UnitStatus, 'active'>
      /** When the unit ended. */
      readonly ended: string
      readonly successors: readonly UnitId[]
    }
  | { readonly kind: 'unit-renamed'; readonly unit: UnitId; readonly from: Name; readonly to: Name }
  | { readonly kind: 'unit-moved'; readonly unit: UnitId; readonly from: UnitId | null; readonly to: UnitId | null }
  | {
      readonly kind: 'unit-reclassified'
      readonly unit: UnitId
      /** The kind of unit before, `null` when none. */
      readonly from: string | null
      readonly to: string | null
    }
  | { readonly kind: 'attributes-changed'; readonly unit: UnitId; readonly from: Attributes; readonly to: Attributes }
  | {
      readonly kind: 'leader-added'
      readonly unit: UnitId
      readonly person: PersonId
      readonly role: string
      readonly title: string | null
      readonly acting: boolean
      readonly since: string
      /** Where this holding comes among those the diff adds, in the order they were assigned. */
      readonly order: number
    }
  | { readonly kind: 'leader-removed'; readonly unit: UnitId; readonly person: PersonId; readonly role: string }
  | {
      readonly kind: 'leader-updated'
      readonly unit: UnitId
      readonly person: PersonId
      readonly role: string
      readonly from: HoldingFields
      readonly to: HoldingFields
    }

/** The kinds of change, in the order a diff lists them. @since 0.1.0 */
export const CHANGE_KINDS = [
  'unit-added',
  'unit-ended',
  'unit-renamed',
  'unit-moved',
  'unit-reclassified',
  'attributes-changed',
  'leader-added',
  'leader-removed',
  'leader-updated',
] as const satisfies readonly Change['kind'][]

/**
 * The differences between two states, and the events that explain them (DESIGN §4).
 * @since 0.1.0
 */
export interface Diff {
  /** The earlier date (exclusive). */
  readonly from: string | null
  /** The later date (inclusive). */
  readonly to: string | null
  readonly changes: readonly Change[]
  /** Ids of the events effective in the interval, in valid-time order. */
  readonly events: readonly EventId[]
}

/**
 * Why a change of a diff does not fit the state it is applied to. `index` is the change's index in
 * `diff.changes`; `unit` the unit it met.
 * @since 0.1.0
 */
export type DiffApplyError = { readonly index: number; readonly change: Change; readonly unit: UnitId } & (
  | { readonly _tag: 'UnknownUnit' }
  | { readonly _tag: 'UnitExists' }
  | { readonly _tag: 'UnitEnded' }
  | { readonly _tag: 'Mismatch'; readonly field: 'parent' | 'name' | 'kind' | 'attributes' | 'acting' | 'title' }
  | { readonly _tag: 'UnknownHolding' }
  | { readonly _tag: 'HoldingExists' }
  | { readonly _tag: 'Cycle' }
  | { readonly _tag: 'ParentEnded'; readonly parent: UnitId }
)
