import type { OrgState } from '../domain/state.js'
import type { RuleError } from '../errors/types.js'
import type { Event } from '../events/event.js'
import { checkLeaderAssigned } from './LeaderAssigned.js'
import { checkLeaderRemoved } from './LeaderRemoved.js'
import { checkUnitAttributesSet } from './UnitAttributesSet.js'
import { checkUnitCreated } from './UnitCreated.js'
import { checkUnitDissolved } from './UnitDissolved.js'
import { checkUnitMerged } from './UnitMerged.js'
import { checkUnitMoved } from './UnitMoved.js'
import { checkUnitReclassified } from './UnitReclassified.js'
import { checkUnitRenamed } from './UnitRenamed.js'
import { checkUnitSplit } from './UnitSplit.js'

/**
 * Checks an event against the rules of DESIGN §2 in the state it meets.
 * @param state the state before the event
 * @param event the event to check
 * @returns the broken rule, or `undefined` when the event may be applied
 * @example
 * check(emptyState(), unitMoved({ unit: 'x', parent: null }, { effective: '2022' }))?._tag // 'UnknownUnit'
 * @since 0.1.0
 */
export function check(state: OrgState, event: Event): RuleError | undefined {
  switch (event.type) {
    case 'UnitCreated':
      return checkUnitCreated(state, event)
    case 'UnitRenamed':
      return checkUnitRenamed(state, event)
    case 'UnitMoved':
      return checkUnitMoved(state, event)
    case 'UnitMerged':
      return checkUnitMerged(state, event)
    case 'UnitSplit':
      return checkUnitSplit(state, event)
    case 'UnitDissolved':
      return checkUnitDissolved(state, event)
    case 'LeaderAssigned':
      return checkLeaderAssigned(state, event)
    case 'LeaderRemoved':
      return checkLeaderRemoved(state, event)
    case 'UnitReclassified':
      return checkUnitReclassified(state, event)
    case 'UnitAttributesSet':
      return checkUnitAttributesSet(state, event)
    case 'PersonRegistered':
    case 'EventRetracted':
      return undefined
    default:
      return unreachable(event)
  }
}

function unreachable(event: never): never {
  throw new TypeError(`unknown event type ${JSON.stringify((event as { type: unknown }).type)}`)
}
