import { parseDate } from '../domain/date.js'
import type { EventId } from '../domain/ids.js'
import { hashString } from '../domain/trie.js'
import type { HistoryRuleError } from '../errors/types.js'
import type { Event } from '../events/event.js'
import { refOf } from '../reducer/access.js'

const FILTER_BITS = 24

/**
 * Reports every event whose id an earlier event already has. A set of a million strings costs as
 * much as the replay itself, so a first pass marks id hashes in a bitmap and only the ids whose
 * hash was seen twice are compared exactly.
 */
function duplicateIds(events: readonly Event[], errors: HistoryRuleError[]): void {
  const seen = new Uint32Array(1 << (FILTER_BITS - 5))
  const twice = new Uint32Array(1 << (FILTER_BITS - 5))
  const hashes = new Uint32Array(events.length)
  let suspects = 0
  events.forEach((event, i) => {
    const h = (hashes[i] = hashString(event.id) >>> (32 - FILTER_BITS))
    const bit = 1 << (h & 31)
    if ((seen[h >>> 5]! & bit) === 0) seen[h >>> 5]! |= bit
    else if ((twice[h >>> 5]! & bit) === 0) {
      twice[h >>> 5]! |= bit
      suspects++
    }
  })
  if (suspects === 0) return
  const first = new Map<EventId, Event>()
  events.forEach((event, i) => {
    const h = hashes[i]!
    if ((twice[h >>> 5]! & (1 << (h & 31))) === 0) return
    const earlier = first.get(event.id)
    if (earlier === undefined) first.set(event.id, event)
    else errors.push({ _tag: 'DuplicateEventId', event: refOf(event), first: refOf(earlier) })
  })
}

function retractedIds(
  events: readonly Event[],
  known: (e: Event) => boolean,
  errors: HistoryRuleError[],
): Set<EventId> {
  const retractions = events.filter((e) => e.type === 'EventRetracted')
  const retracted = new Set<EventId>()
  if (retractions.length === 0) return retracted
  const byId = new Map(events.map((e) => [e.id, e]))
  for (const event of retractions) {
    const target = byId.get(event.data.event)
    if (target === undefined)
      errors.push({ _tag: 'UnknownRetractionTarget', event: refOf(event), target: event.data.event })
    else if (target.type === 'EventRetracted')
      errors.push({ _tag: 'RetractsRetraction', event: refOf(event), target: target.id })
    else if (known(event)) retracted.add(target.id)
  }
  return retracted
}

/**
 * The events of a history as known at a transaction time: events recorded after `knownAt` are
 * left out, and so are the targets of retractions recorded by then. Without `knownAt`, everything
 * recorded counts. Events without `recorded` always count. Also checks what only the whole history
 * can tell: duplicate ids and retractions of unknown events or of retractions.
 * @param events the history, in listed order
 * @param knownAt an RFC 3339 instant or a date (a date means its end)
 */
export function visibleEvents(
  events: readonly Event[],
  knownAt?: string,
): { events: readonly Event[]; errors: HistoryRuleError[] } {
  const errors: HistoryRuleError[] = []
  duplicateIds(events, errors)
  const cutoff = knownAt === undefined ? undefined : (parseDate(knownAt)?.end ?? Number.NaN)
  const known = (e: Event) => cutoff === undefined || e.recorded === undefined || parseDate(e.recorded)!.start < cutoff
  const retracted = retractedIds(events, known, errors)
  if (cutoff === undefined && retracted.size === 0) return { events, errors }
  return { events: events.filter((e) => known(e) && !retracted.has(e.id)), errors }
}
