import type { EventId } from '../domain/ids.js'
import type { HistoryError, RuleError } from '../errors/types.js'
import type { Event } from '../events/event.js'
import { refOf } from '../reducer/access.js'
import { type Aspect, touches } from './aspects.js'

const EXISTENCE: readonly Aspect[] = ['existence']
const PLACE: readonly Aspect[] = ['existence', 'parent']

/** The units (and which of their aspects) whose state made an event break a rule. */
function metBy(e: RuleError): { units: readonly string[]; aspects: readonly Aspect[] } | undefined {
  switch (e._tag) {
    case 'UnitIdTaken':
    case 'UnknownUnit':
    case 'UnitEnded':
      return { units: [e.unit], aspects: EXISTENCE }
    case 'RoleNotHeld':
      return { units: [e.unit], aspects: [`role:${e.role}`, 'existence'] }
    case 'HasActiveChildren':
    case 'ChildUnmapped':
      return { units: e.children, aspects: PLACE }
    case 'NotAChild':
      return { units: [e.child], aspects: PLACE }
    case 'ParentInSubtree':
      return { units: [e.parent], aspects: PLACE }
    default:
      return undefined
  }
}

/**
 * The event that made `error` happen: the latest event before it (walking `before`, latest first)
 * that changed one of the units it met in the aspect it met. Events that were skipped or failed
 * changed nothing and are passed over.
 */
export function culprit(error: RuleError, before: Iterable<Event>, inert: ReadonlySet<EventId>): Event | undefined {
  const met = metBy(error)
  if (met === undefined) return undefined
  const units = new Set(met.units)
  for (const e of before) {
    if (inert.has(e.id)) continue
    if (touches(e).some((t) => units.has(t.unit) && met.aspects.includes(t.aspect))) return e
  }
  return undefined
}

/**
 * A rule error of a history with a plan, told as a conflict when an event of the other side caused it.
 * @param error the rule error
 * @param isPlan whether an event id is a plan event
 * @param before the events before the failing one, latest first
 * @param inert events that changed nothing (skipped or failed)
 * @param maker the event that created or ended the unit the rule met, when known (a cascade is not
 *   seen by walking `before`)
 */
export function explainConflict(
  error: RuleError,
  isPlan: (id: EventId) => boolean,
  before: Iterable<Event>,
  inert: ReadonlySet<EventId>,
  maker?: Event,
): HistoryError {
  const by = maker ?? culprit(error, before, inert)
  if (by === undefined) return error
  const side = isPlan(error.event.id) ? 'plan' : 'fact'
  if (isPlan(by.id) === (side === 'plan')) return error
  return { _tag: 'PlanConflict', event: error.event, side, rule: error, by: refOf(by) }
}
