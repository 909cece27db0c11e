import { instantText, parseDate } from '../domain/date.js'
import type { EventId } from '../domain/ids.js'
import type { OrgState } from '../domain/state.js'
import type { Event } from '../events/event.js'
import type { Timeline } from '../timeline/Timeline.js'

/**
 * What a plan timeline uses of the fact timeline, and nothing more: the org just before an
 * instant (served from the fact timeline's own checkpoints) and the fact events in valid-time
 * order. Every access to the fact timeline goes through here, so a new internal layout of
 * `Timeline` needs only this module re-pointed.
 */
export interface FactView {
  readonly timeline: Timeline
  /** The fact org after every fact event effective before `instant` (ms). */
  stateBefore(instant: number): OrgState
  /** The number of fact events (in valid-time order) effective before `instant`. */
  countBefore(instant: number): number
  /** The fact events in valid-time order, retracted ones included (see `retracted`). */
  readonly events: readonly Event[]
  /** Ids of fact events retracted in the fact history. */
  readonly retracted: ReadonlySet<EventId>
  /** The first instant of the event at an ordered index. */
  start(index: number): number
}

const views = new WeakMap<Timeline, FactView>()

function retractedIn(history: readonly Event[]): Set<EventId> {
  const out = new Set<EventId>()
  for (const e of history) if (e.type === 'EventRetracted') out.add(e.data.event)
  return out
}

/**
 * The narrow view of a fact timeline, made once per timeline.
 * @param timeline a valid fact timeline
 * @returns its view
 */
export function factView(timeline: Timeline): FactView {
  const known = views.get(timeline)
  if (known !== undefined) return known
  const events = timeline.events
  const start = (i: number) => parseDate(events[i]!.effective!)!.start
  const view: FactView = {
    timeline,
    events,
    retracted: retractedIn(timeline.history),
    start,
    countBefore(instant) {
      let lo = 0
      let hi = events.length
      while (lo < hi) {
        const mid = (lo + hi) >>> 1
        if (start(mid) < instant) lo = mid + 1
        else hi = mid
      }
      return lo
    },
    stateBefore(instant) {
      if (instant === Number.POSITIVE_INFINITY) return timeline.atOrThrow('9999-12-31')
      return timeline.atOrThrow(instantText(instant - 1))
    },
  }
  views.set(timeline, view)
  return view
}
