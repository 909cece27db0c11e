/**
 * The `plan` field of the benchmark: building the timeline of a history with a plan when the fact
 * timeline is already built (sharing its checkpoints: the plan's cost) against building it
 * without sharing (the history's cost again), and a fresh `Timeline` of history + plan.
 */
import type { Event, OrgState, PlanTimeline as PlanTimelineType, Timeline as TimelineType } from '../../src/index.js'

type Lib = typeof import('../../src/index.js')

const DAY = 86_400_000

/** A plan of `n` changes to the org at the end of the history, dated from the day after it on. */
export function makePlan(lib: Lib, end: OrgState, last: string, n: number): Event[] {
  const units = lib.activeUnits(end)
  const start = lib.parseDate(last)!.end + DAY
  return Array.from({ length: n }, (_, i) => {
    const u = units[(i * 7919) % units.length]!
    const meta = { id: `plan-${i}`, effective: lib.dayText(start + Math.floor(i / 10) * DAY) }
    switch (i % 3) {
      case 0:
        return lib.unitRenamed({ unit: u.id, name: `planned ${i}` }, meta)
      case 1:
        return lib.unitAttributesSet({ unit: u.id, attributes: { plan: i } }, meta)
      default:
        return lib.leaderAssigned({ unit: u.id, person: `planned-person-${i}`, mode: 'add' }, meta)
    }
  })
}

export interface PlanOptions {
  readonly lib: Lib
  readonly events: number
  readonly log: (message: string) => void
  readonly collect: () => void
  readonly timed: <T>(f: () => T) => { ms: number; value: T }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

/** Builds the fact timeline, then the plan timeline with and without sharing; checks they agree. */
export function planSection(history: readonly Event[], { lib, events, log, collect, timed }: PlanOptions) {
  log('plan: building the fact timeline')
  const fact: TimelineType = lib.Timeline.fromOrThrow(history)
  const last = fact.events[fact.events.length - 1]!.effective!
  const plan = makePlan(lib, fact.atOrThrow(last), last, events)
  const build = (share: boolean) => (): PlanTimelineType => lib.PlanTimeline.fromOrThrow(fact, plan, { share })
  build(true)() // the first plan on a timeline also makes its view (retractions, order)
  const shared: number[] = []
  let sharedTimeline: PlanTimelineType | undefined
  for (let i = 0; i < 5; i++) {
    collect()
    const r = timed(build(true))
    shared.push(r.ms)
    sharedTimeline = r.value
  }
  log(`plan: ${plan.length} plan events with sharing, median ${median(shared).toFixed(1)} ms; now without`)
  collect()
  const unshared = timed(build(false))
  collect()
  const fresh = timed(() => lib.Timeline.fromOrThrow([...history, ...plan]))
  const date = plan[plan.length - 1]!.effective!
  const a = sharedTimeline!.atOrThrow(date)
  const b = unshared.value.atOrThrow(date)
  const c = fresh.value.atOrThrow(date)
  if (lib.compare(a, b).length > 0 || lib.compare(a, c).length > 0) {
    log('ABORT: the plan timelines with and without sharing disagree')
    process.exit(1)
  }
  return {
    historyEvents: history.length,
    planEvents: plan.length,
    sharedMs: median(shared),
    unsharedMs: unshared.ms,
    freshTimelineMs: fresh.ms,
    ratio: median(shared) / unshared.ms,
  }
}
