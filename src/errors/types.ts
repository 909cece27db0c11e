import type { EventId, Origin, UnitId } from '../domain/ids.js'
import type { DecodeError } from '../events/event.js'

export type { DecodeError }

/** The event an error is about: enough to find it and to name it. @since 0.1.0 */
export interface EventRef {
  readonly id: EventId
  readonly type: string
  /** The unit (or person, or event) the event is about. */
  readonly subject: string
  readonly effective: string | null
  readonly origin: Origin | null
}

interface Base<Tag extends string> {
  readonly _tag: Tag
  readonly event: EventRef
}

/**
 * An event that breaks a rule of DESIGN §2 in the state it meets. One tag per rule.
 * @since 0.1.0
 */
export type RuleError =
  | (Base<'UnitIdTaken'> & { readonly unit: UnitId; readonly field: string })
  | (Base<'UnknownUnit'> & { readonly unit: UnitId; readonly field: string })
  | (Base<'UnitEnded'> & {
      readonly unit: UnitId
      readonly field: string
      readonly status: string
      readonly ended: string
    })
  | (Base<'ParentInSubtree'> & { readonly unit: UnitId; readonly parent: UnitId; readonly field: string })
  | (Base<'IntoInsideSource'> & { readonly unit: UnitId; readonly source: UnitId })
  | (Base<'ParentEnds'> & {
      readonly unit: UnitId
      readonly parent: UnitId
      readonly field: string
      readonly how: 'merged' | 'split'
    })
  | (Base<'FieldsForNewInto'> & { readonly unit: UnitId; readonly fields: readonly string[] })
  | (Base<'DuplicateNewUnit'> & { readonly unit: UnitId })
  | (Base<'DuplicateSource'> & { readonly unit: UnitId })
  | (Base<'IntoAmongSources'> & { readonly unit: UnitId })
  | (Base<'NameRequired'> & { readonly unit: UnitId })
  | (Base<'ChildUnmapped'> & { readonly unit: UnitId; readonly children: readonly UnitId[] })
  | (Base<'NotAChild'> & { readonly unit: UnitId; readonly child: UnitId })
  | (Base<'MappingOutsideSplit'> & { readonly child: UnitId; readonly target: UnitId })
  | (Base<'HasActiveChildren'> & { readonly unit: UnitId; readonly children: readonly UnitId[] })
  | (Base<'RoleNotHeld'> & { readonly unit: UnitId; readonly person: string; readonly role: string })
  | (Base<'InvalidDate'> & { readonly value: string })

/**
 * An event that cannot stand in the history as a whole (ids, retractions, corrections).
 * @since 0.1.0
 */
export type HistoryRuleError =
  | (Base<'DuplicateEventId'> & { readonly first: EventRef })
  | (Base<'UnknownRetractionTarget'> & { readonly target: EventId })
  | (Base<'RetractsRetraction'> & { readonly target: EventId })

/**
 * An event that was valid when it was recorded but is broken by events recorded after it: a late
 * event dated before it, or a retraction of an event it relied on. Never silently applied.
 * @since 0.1.0
 */
export interface InvalidatedBy {
  readonly _tag: 'InvalidatedBy'
  readonly event: EventRef
  /** The rule the event breaks in the corrected history. */
  readonly rule: RuleError
  /** The later-recorded events (late events or retractions) that broke it. */
  readonly by: readonly EventRef[]
}

/**
 * An event of a history with a plan that breaks a rule because of an event of the other side: a
 * plan event broken by a fact (the plan no longer fits the history), or a fact event broken by a
 * plan event dated before it (DESIGN §8).
 * @since 0.2.0
 */
export interface PlanConflict {
  readonly _tag: 'PlanConflict'
  /** The event that breaks the rule. */
  readonly event: EventRef
  /** Which side that event is on. */
  readonly side: 'plan' | 'fact'
  /** The rule it breaks. */
  readonly rule: RuleError
  /** The event of the other side that made it break the rule. */
  readonly by: EventRef
}

/** A file that could not be read or a line that is not JSON. @since 0.1.0 */
export interface ParseError {
  readonly _tag: 'ParseError'
  readonly origin: Origin
  readonly message: string
}

/** Any error a history can have, from reading its files to replaying its events. @since 0.1.0 */
export type HistoryError = ParseError | DecodeError | RuleError | HistoryRuleError | InvalidatedBy | PlanConflict
