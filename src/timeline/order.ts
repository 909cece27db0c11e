import { parseDate } from '../domain/date.js'
import type { RuleError } from '../errors/types.js'
import type { Event } from '../events/event.js'
import { refOf } from '../reducer/access.js'

/** An event with the first instant of its `effective` date, for ordering. */
export interface Timed {
  readonly event: Event
  readonly start: number
}

/**
 * Puts events in valid-time order: by the first instant of `effective`, ties in listed order.
 * Retractions (which act on the history, not on the org) and events whose date does not parse are
 * left out; the latter are returned as errors.
 */
export function inValidTimeOrder(events: readonly Event[]): { ordered: Timed[]; errors: RuleError[] } {
  const starts = new Map<string, number | undefined>()
  const ordered: Timed[] = []
  const errors: RuleError[] = []
  let sorted = true
  for (const event of events) {
    if (event.type === 'EventRetracted') continue
    let start = starts.get(event.effective)
    if (start === undefined && !starts.has(event.effective)) {
      start = parseDate(event.effective)?.start
      starts.set(event.effective, start)
    }
    if (start === undefined) {
      errors.push({ _tag: 'InvalidDate', event: refOf(event), value: event.effective })
      continue
    }
    if (sorted && ordered.length > 0 && ordered[ordered.length - 1]!.start > start) sorted = false
    ordered.push({ event, start })
  }
  if (!sorted) ordered.sort((a, b) => a.start - b.start)
  return { ordered, errors }
}
