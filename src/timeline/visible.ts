import { parseDate } from '../domain/date.js'
import type { EventId } from '../domain/ids.js'
import type { HistoryRuleError } from '../errors/types.js'
import type { Event } from '../events/event.js'
import { refOf } from '../reducer/access.js'

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
): { events: Event[]; errors: HistoryRuleError[] } {
  const errors: HistoryRuleError[] = []
  const byId = new Map<EventId, Event>()
  for (const event of events) {
    const first = byId.get(event.id)
    if (first !== undefined) errors.push({ _tag: 'DuplicateEventId', event: refOf(event), first: refOf(first) })
    else byId.set(event.id, event)
  }
  const cutoff = knownAt === undefined ? Number.POSITIVE_INFINITY : (parseDate(knownAt)?.end ?? Number.NaN)
  const known = (e: Event) => e.recorded === undefined || parseDate(e.recorded)!.start < cutoff
  const retracted = new Set<EventId>()
  for (const event of events) {
    if (event.type !== 'EventRetracted') continue
    const target = byId.get(event.data.event)
    if (target === undefined)
      errors.push({ _tag: 'UnknownRetractionTarget', event: refOf(event), target: event.data.event })
    else if (target.type === 'EventRetracted')
      errors.push({ _tag: 'RetractsRetraction', event: refOf(event), target: target.id })
    else if (known(event)) retracted.add(target.id)
  }
  return { events: events.filter((e) => e.type !== 'EventRetracted' && known(e) && !retracted.has(e.id)), errors }
}
