import type { Origin } from '../domain/ids.js'
import type { EventRef, HistoryError, HistoryRuleError, PlanConflict, RuleError } from './types.js'

const q = (s: string) => `'${s}'`
const list = (ids: readonly string[]) => ids.map(q).join(', ')

type Explained = readonly [rule: string, fix: string]

function explainRule(e: RuleError | HistoryRuleError): Explained {
  const on = e.event.effective === null ? '' : ` on ${e.event.effective}`
  switch (e._tag) {
    case 'UnitIdTaken':
      return [`${e.field} ${q(e.unit)} is already used by a unit (ids are never reused)`, 'choose a new id']
    case 'UnknownUnit':
      return [`${e.field} ${q(e.unit)} does not exist${on}`, 'create it earlier or fix the id']
    case 'UnitEnded':
      return [
        `${e.field} ${q(e.unit)} ended (${e.status}) on ${e.ended}`,
        'refer to its successor or date the event earlier',
      ]
    case 'ParentInSubtree':
      return [
        `${e.field} ${q(e.parent)} is ${e.parent === e.unit ? 'the unit itself' : `inside the subtree of ${q(e.unit)}`}`,
        'choose a parent outside that subtree',
      ]
    case 'ParentEnds':
      return e.how === 'merged'
        ? [
            `${e.field} ${q(e.parent)} ends in this merge (it is or is inside merged unit ${q(e.unit)})`,
            'choose a parent that stays',
          ]
        : [
            `${e.field} ${q(e.parent)} is the split unit, which ends`,
            'set retain: true to keep it, or choose another parent',
          ]
    case 'FieldsForNewInto':
      return [
        `into ${q(e.unit)} already exists, so ${e.fields.join(', ')} would be ignored`,
        'use UnitRenamed or UnitMoved for it, or merge into a new id',
      ]
    case 'DuplicateNewUnit':
      return [`new unit ${q(e.unit)} is listed twice in into`, 'list each new unit once']
    case 'IntoInsideSource':
      return [
        `into ${q(e.unit)} is inside the subtree of merged unit ${q(e.source)}`,
        'move it out of that subtree first',
      ]
    case 'DuplicateSource':
      return [`unit ${q(e.unit)} is listed twice in units`, 'list each unit once']
    case 'IntoAmongSources':
      return [
        `into ${q(e.unit)} is also listed in units`,
        'merge the other units into it without listing it as a source',
      ]
    case 'NameRequired':
      return [`into ${q(e.unit)} is a new unit and has no name`, 'give a name for the new unit']
    case 'ChildUnmapped':
      return [
        `active children ${list(e.children)} of ${q(e.unit)} are not mapped and the unit ends`,
        'map each child to a new unit in children, or set retain: true',
      ]
    case 'NotAChild':
      return [`${q(e.child)} is not an active child of ${q(e.unit)}${on}`, 'map only active children of the split unit']
    case 'MappingOutsideSplit':
      return [
        `child ${q(e.child)} is mapped to ${q(e.target)}, which is not one of the new units`,
        'map it to a unit listed in into',
      ]
    case 'HasActiveChildren':
      return [`${q(e.unit)} has active children ${list(e.children)}`, 'move or end them first, or set cascade: true']
    case 'RoleNotHeld':
      return [
        `${q(e.person)} does not hold role ${q(e.role)} in ${q(e.unit)}${on}`,
        'check the person, the role and the date',
      ]
    case 'InvalidDate':
      return [`effective ${q(e.value)} is not a date`, 'use YYYY, YYYY-MM, YYYY-MM-DD or an RFC 3339 date-time']
    case 'DuplicateEventId':
      return [
        `event id ${q(e.event.id)} is already used${e.first.origin ? ` at ${where(e.first.origin)}` : ''}`,
        'give each event its own id',
      ]
    case 'UnknownRetractionTarget':
      return [`retracts ${q(e.target)}, which is not an event of this history`, 'fix the id of the retracted event']
    case 'RetractsRetraction':
      return [
        `retracts ${q(e.target)}, which is itself a retraction`,
        'a retraction cannot be retracted; record the event again instead',
      ]
  }
}

/** `file:line`. @since 0.1.0 */
export function where(origin: Origin): string {
  return `${origin.file}:${origin.line}`
}

function eventName(ref: EventRef): string {
  return `${ref.type} ${q(ref.subject)} (event ${q(ref.id)})`
}

const located = (ref: EventRef) => `${ref.type} ${q(ref.id)}${ref.origin ? ` (${where(ref.origin)})` : ''}`

function planConflict(e: PlanConflict): string {
  const [rule, fix] = explainRule(e.rule)
  const prefix = e.event.origin ? `${where(e.event.origin)}: ` : ''
  const other = e.side === 'plan' ? 'or drop the plan event' : 'or change the plan'
  return `${prefix}${eventName(e.event)}: ${rule}, by ${e.side === 'plan' ? 'fact' : 'plan event'} ${located(e.by)}; ${fix}, ${other}`
}

/**
 * Turns an error into one line of text: where it is, which event, the rule it broke and the fix.
 * The only place errors become text.
 * @example
 * formatError(error) // "events/a.ndjson:14: UnitMoved 'x' (event 'e14'): parent 'y' is inside the subtree of 'x'; choose a parent outside that subtree"
 * @since 0.1.0
 */
export function formatError(e: HistoryError): string {
  switch (e._tag) {
    case 'ParseError':
      return `${where(e.origin)}: ${e.message}`
    case 'DecodeError': {
      const prefix = e.origin ? `${where(e.origin)}: ` : ''
      const id = e.eventId === null ? '' : `event ${q(e.eventId)}`
      const name = e.eventType === null ? id || 'event' : `${e.eventType}${id === '' ? '' : ` (${id})`}`
      return `${prefix}${name}: ${e.path === '' ? '' : `${e.path}: `}${e.message}`
    }
    case 'InvalidatedBy': {
      const [rule] = explainRule(e.rule)
      const prefix = e.event.origin ? `${where(e.event.origin)}: ` : ''
      const by = e.by.map((b) => `${b.type} ${q(b.id)}${b.origin ? ` (${where(b.origin)})` : ''}`).join(', ')
      return `${prefix}${eventName(e.event)}: ${rule}; it was valid when recorded and is broken by ${by}, recorded after it; correct or retract one of them`
    }
    case 'PlanConflict':
      return planConflict(e)
    default: {
      const [rule, fix] = explainRule(e)
      const prefix = e.event.origin ? `${where(e.event.origin)}: ` : ''
      return `${prefix}${eventName(e.event)}: ${rule}; ${fix}`
    }
  }
}
