import { isLeft } from 'fp-ts/lib/Either.js'
import type { HistoryError } from '../errors/types.js'
import type { Event } from '../events/event.js'
import { PlanTimeline } from '../plan/PlanTimeline.js'
import { Timeline } from '../timeline/Timeline.js'
import { type Flags, readHistoryArgs, reportErrors, timelineOf, withHistory } from './command.js'
import type { Io } from './io.js'
import { type Progress, SILENT } from './progress.js'

/** The `--plan FILE` option (repeatable) of the commands that read a history with plans. */
export const PLAN_OPTION = { plan: { type: 'string', multiple: true } } as const

/** The help line of `--plan`. */
export const PLAN_HELP = `  --plan FILE     read the events of a plan after the history's (repeatable; DESIGN §8):
                  valid-time order, on one instant plan events after fact events`

/** The plan files of `--plan`, in the order given. */
export function planFlag(flags: Flags): string[] {
  const value = flags.plan as unknown
  return Array.isArray(value) ? (value as string[]) : typeof value === 'string' ? [value] : []
}

/** A history with its plans: the fact timeline, the plan's events and the timeline under the plan. */
export interface Planned {
  readonly fact: Timeline
  readonly plan: readonly Event[]
  readonly timeline: PlanTimeline
  /** The history followed by the plan, without the events skipped as already done: a valid history. */
  readonly merged: Event[]
}

/** Reads the events of plan files (each one a history file of any format), or every error of them. */
export function readPlans(paths: readonly string[], name: string): { events: Event[]; errors: HistoryError[] } {
  const events: Event[] = []
  const errors: HistoryError[] = []
  for (const path of paths) {
    const { read } = readHistoryArgs([path], name, () => SILENT)
    if (read.length > 0 && '_tag' in read[0]!) errors.push(...(read as HistoryError[]))
    else events.push(...(read as Event[]))
  }
  return { events, errors }
}

/**
 * Runs `f` on a history with the plans of `--plan`, or reports why the history or a plan cannot be
 * read or checked: the history's own errors first (a plan is not checked against an invalid
 * history), then the plans' (a plan event broken by a fact names both).
 */
export function withPlans(
  io: Io,
  paths: readonly string[],
  planPaths: readonly string[],
  name: string,
  f: (planned: Planned, progress: Progress) => number,
): number {
  const { events: plan, errors } = readPlans(planPaths, name)
  if (errors.length > 0) return reportErrors(io, errors)
  return withHistory(io, paths, name, (history, progress) => {
    const fact = timelineOf(history, progress)
    if (isLeft(fact)) return reportErrors(io, fact.left)
    const timeline = PlanTimeline.from(fact.right, plan)
    if (isLeft(timeline)) return reportErrors(io, timeline.left)
    const skipped = timeline.right.skipped
    const merged = [...history, ...plan].filter((e) => !skipped.has(e.id))
    return f({ fact: fact.right, plan: plan, timeline: timeline.right, merged }, progress)
  })
}

/**
 * `withHistory` that reads the plans of `--plan` when there are any: `f` then gets the history
 * followed by the plans (events already done by the other side left out).
 */
export function withPlannedHistory(
  io: Io,
  paths: readonly string[],
  flags: Flags,
  name: string,
  f: (history: Event[], progress: Progress) => number,
): number {
  const plans = planFlag(flags)
  if (plans.length === 0) return withHistory(io, paths, name, f)
  return withPlans(io, paths, plans, name, (planned, progress) => f(planned.merged, progress))
}

/** `withTimeline` that reads the plans of `--plan` when there are any. */
export function withPlannedTimeline(
  io: Io,
  paths: readonly string[],
  flags: Flags,
  name: string,
  f: (timeline: Timeline) => number,
): number {
  return withPlannedHistory(io, paths, flags, name, (history, progress) => {
    const timeline = planFlag(flags).length === 0 ? timelineOf(history, progress) : Timeline.from(history)
    progress.stop()
    return isLeft(timeline) ? reportErrors(io, timeline.left) : f(timeline.right)
  })
}
