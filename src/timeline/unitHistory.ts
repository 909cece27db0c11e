import { unitChanges } from '../diff/diff.js'
import type { Change } from '../diff/types.js'
import type { EventId, UnitId } from '../domain/ids.js'
import type { OrgState, Unit } from '../domain/state.js'
import { copyOf, trieGet } from '../domain/trie.js'
import type { RuleError } from '../errors/types.js'
import type { Event } from '../events/event.js'
import { type Touched, watchChanges } from '../reducer/access.js'
import { applyAll, workingCopy } from './fold.js'
import { type AtOptions, HistoryErrors, prepare } from './replay.js'

/** One event's changes to a unit. @since 0.1.0 */
export interface UnitHistoryEntry {
  /** When the changes took effect (the event's `effective`). */
  readonly date: string
  readonly event: EventId
  readonly changes: readonly Change[]
}

/** A copy of a unit that later changes made in place cannot reach (their array elements are replaced, never changed). */
const snapshot = (u: Unit): Unit => ({
  ...u,
  leaders: copyOf(u.leaders),
  children: copyOf(u.children),
  successors: copyOf(u.successors),
  spunOut: copyOf(u.spunOut),
  predecessors: copyOf(u.predecessors),
  names: copyOf(u.names),
})

/**
 * The history of one unit: every event that changed it — its creation, names, parents,
 * attributes, leaders, its end — with the date and the changes, in valid-time order. Changes made
 * through other units count (moved because its parent merged, ended with a dissolved ancestor).
 * One pass over the history that looks only at the units each event changes.
 * @param events the history
 * @param id the unit
 * @example
 * unitHistory(history, 'alimama').map((e) => `${e.date} ${e.changes.map((c) => c.kind).join(', ')}`)
 * @since 0.1.0
 */
export function unitHistory(events: readonly Event[], id: UnitId, options: AtOptions = {}): UnitHistoryEntry[] {
  const { ordered, errors } = prepare(events, options.knownAt)
  if (errors.length > 0) throw new HistoryErrors(errors)
  const working = workingCopy(undefined)
  const ruleErrors: RuleError[] = []
  const entries: UnitHistoryEntry[] = []
  let last: Unit | undefined
  for (const [i, event] of ordered.events.entries()) {
    const touched: Touched = { units: new Set(), people: new Set() }
    watchChanges(touched, () => applyAll(working, { events: ordered.events, from: i, to: i + 1 }, ruleErrors))
    if (ruleErrors.length > 0) throw new HistoryErrors(ruleErrors)
    if (!touched.units.has(id)) continue
    const now = snapshot(trieGet((working as OrgState).units, id)!)
    const changes: Change[] = []
    unitChanges(last, now, changes)
    if (changes.length > 0) entries.push({ date: event.effective, event: event.id, changes })
    last = now
    if (now.status !== 'active') break
  }
  return entries
}
