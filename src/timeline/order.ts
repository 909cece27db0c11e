import { parseDate } from '../domain/date.js'
import type { RuleError } from '../errors/types.js'
import type { Event } from '../events/event.js'
import { refOf } from '../reducer/access.js'

/** An event that acts on the org (every type but `EventRetracted`, which acts on the history). */
export type OrgEvent = Exclude<Event, { readonly type: 'EventRetracted' }>

/** Events in valid-time order, with the first instant of each one's `effective` date. */
export interface Ordered {
  readonly events: readonly OrgEvent[]
  /** `starts[i]` is the first instant of `events[i].effective`, in milliseconds. */
  readonly starts: Float64Array
}

/**
 * Puts events in valid-time order: by the first instant of `effective`, ties in listed order.
 * Retractions (which act on the history, not on the org) and events whose date does not parse are
 * left out; the latter are returned as errors. A history already in order is not sorted again.
 */
export function inValidTimeOrder(events: readonly Event[]): Ordered & { errors: RuleError[] } {
  const starts = new Map<string, number | undefined>()
  const kept: OrgEvent[] = []
  const times: number[] = []
  const errors: RuleError[] = []
  let sorted = true
  let lastText = ''
  let lastStart: number | undefined
  for (const event of events) {
    if (event.type === 'EventRetracted') continue
    const text = event.effective
    if (text !== lastText) {
      lastStart = starts.has(text) ? starts.get(text) : parseDate(text)?.start
      starts.set(text, lastStart)
      lastText = text
    }
    if (lastStart === undefined) {
      errors.push({ _tag: 'InvalidDate', event: refOf(event), value: text })
      continue
    }
    if (sorted && times.length > 0 && times[times.length - 1]! > lastStart) sorted = false
    kept.push(event)
    times.push(lastStart)
  }
  if (sorted) {
    // Nothing left out and nothing moved: the list given is the order (one array fewer to keep).
    const same = kept.length === events.length ? (events as readonly OrgEvent[]) : kept
    return { events: same, starts: Float64Array.from(times), errors }
  }
  const index = kept.map((_, i) => i).sort((a, b) => times[a]! - times[b]! || a - b)
  return {
    events: index.map((i) => kept[i]!),
    starts: Float64Array.from(index, (i) => times[i]!),
    errors,
  }
}

/** The number of ordered events that start before `cutoff` (binary search). */
export function countBefore(ordered: Ordered, cutoff: number): number {
  let lo = 0
  let hi = ordered.events.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (ordered.starts[mid]! < cutoff) lo = mid + 1
    else hi = mid
  }
  return lo
}
