import type { Event } from '../events/event.js'
import type { Working } from './access.js'
import { applyLeaderAssigned } from './LeaderAssigned.js'
import { applyLeaderRemoved } from './LeaderRemoved.js'
import { applyPersonRegistered } from './PersonRegistered.js'
import { applyUnitAttributesSet } from './UnitAttributesSet.js'
import { applyUnitCreated } from './UnitCreated.js'
import { applyUnitDissolved } from './UnitDissolved.js'
import { applyUnitMerged } from './UnitMerged.js'
import { applyUnitMoved } from './UnitMoved.js'
import { applyUnitReclassified } from './UnitReclassified.js'
import { applyUnitRenamed } from './UnitRenamed.js'
import { applyUnitSplit } from './UnitSplit.js'

/**
 * The immer recipe of an event: changes a draft (or a state a replay owns) in place. The event
 * must have passed {@link check}; an event retraction changes nothing here (it acts on the history).
 */
export function apply(s: Working, event: Event): void {
  switch (event.type) {
    case 'UnitCreated':
      applyUnitCreated(s, event)
      break
    case 'UnitRenamed':
      applyUnitRenamed(s, event)
      break
    case 'UnitMoved':
      applyUnitMoved(s, event)
      break
    case 'UnitMerged':
      applyUnitMerged(s, event)
      break
    case 'UnitSplit':
      applyUnitSplit(s, event)
      break
    case 'UnitDissolved':
      applyUnitDissolved(s, event)
      break
    case 'LeaderAssigned':
      applyLeaderAssigned(s, event)
      break
    case 'LeaderRemoved':
      applyLeaderRemoved(s, event)
      break
    case 'PersonRegistered':
      applyPersonRegistered(s, event)
      break
    case 'UnitReclassified':
      applyUnitReclassified(s, event)
      break
    case 'UnitAttributesSet':
      applyUnitAttributesSet(s, event)
      break
    case 'EventRetracted':
      break
    default: {
      const never: never = event
      throw new TypeError(`unknown event type ${JSON.stringify((never as { type: unknown }).type)}`)
    }
  }
}
