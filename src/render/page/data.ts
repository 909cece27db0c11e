import { diff } from '../../diff/diff.js'
import { parseDate } from '../../domain/date.js'
import type { EventId, PersonId, UnitId } from '../../domain/ids.js'
import type { Name } from '../../domain/name.js'
import { emptyState, type OrgState } from '../../domain/state.js'
import { type Source, sourcesOf } from '../../events/envelope.js'
import type { Event } from '../../events/event.js'
import { type EndedJSON, type UnitJSON, unitToJSON } from '../../queries/json.js'
import { person } from '../../queries/people.js'
import { unit } from '../../queries/units.js'
import { replaySteps, type Step } from '../../timeline/steps.js'
import type { Timeline } from '../../timeline/Timeline.js'
import { type ChangeMark, changeMarks, type HoldingChange, holdingChanges } from './marks.js'
import { type SummaryPart, summarize } from './summary.js'

/** An event as the page lists it. @since 0.1.0 */
export interface PageEvent {
  readonly id: EventId
  readonly type: Event['type']
  readonly effective: string
  readonly announced: string | null
  readonly reorg: string | null
  readonly summary: readonly SummaryPart[]
  readonly note: string | null
  readonly sources: readonly Source[]
}

/** An ended unit with its name, as the page lists it. @since 0.1.0 */
export interface PageEnded extends EndedJSON {
  readonly name: Name
}

/**
 * One position of the slider: what the events of one date changed. The org at a stop is every
 * stop up to it applied in order: `units` (new or changed records) replace the records with their
 * ids, `ended` units leave the chart for the list of ended units, `people` update names. All four
 * lists are indexes into the pools of {@link PageData}, so the page grows with the changes, not
 * with the size of the org times the number of dates.
 * @since 0.1.0
 */
export interface PageStop {
  /** The date as the history writes it (`2021-03`, `2022-01-06`). */
  readonly date: string
  /** Its first instant (ms since the epoch): a picked day shows the last stop starting by its end. */
  readonly start: number
  /** Units added or changed (renamed, moved, leaders or attributes) and active after this date. */
  readonly units: readonly number[]
  /** Units that ended on this date. */
  readonly ended: readonly number[]
  /** People registered (or renamed) on this date. */
  readonly people: readonly number[]
  /** The events that take effect on this date, in valid-time order. */
  readonly events: readonly number[]
  /** The units that changed on this date, and how. */
  readonly marks: readonly (readonly [UnitId, readonly ChangeMark[]])[]
  /** The leader holdings that changed on this date in units that were there before. */
  readonly holdings: readonly HoldingChange[]
}

/** Everything the page shows, precomputed: it is embedded in the HTML as JSON. @since 0.1.0 */
export interface PageData {
  readonly title: string
  /** Preferred languages of names; empty: each name's first language with the English one beside it. */
  readonly languages: readonly string[]
  /** Every language tag that some name has, for the language picker. */
  readonly tags: readonly string[]
  readonly units: readonly UnitJSON[]
  readonly people: readonly { readonly id: PersonId; readonly name: Name | null }[]
  readonly ended: readonly PageEnded[]
  readonly events: readonly PageEvent[]
  readonly stops: readonly PageStop[]
}

/** Interns values by their JSON text: equal values get the same index. */
function pool<T>() {
  const items: T[] = []
  const index = new Map<string, number>()
  const add = (item: T) => {
    const key = JSON.stringify(item)
    let i = index.get(key)
    if (i === undefined) index.set(key, (i = items.push(item) - 1))
    return i
  }
  return { items, add }
}

const pageEvent = ({ event: e, before, after }: Step): PageEvent => ({
  id: e.id,
  type: e.type,
  effective: e.effective,
  announced: e.announced ?? null,
  reorg: e.reorg ?? null,
  summary: summarize(e, { before, after }),
  note: e.note ?? null,
  sources: [...sourcesOf(e)],
})

/**
 * The events of a history in valid-time order, grouped by the first instant of their dates: one
 * group per stop. A coarse date (`2022-01`) and a finer one inside it (`2022-01-06`) are two stops,
 * and each shows the org just after its own events.
 */
function* stopsOf(timeline: Timeline): Generator<{ date: string; start: number; steps: Step[] }> {
  let group: { date: string; start: number; steps: Step[] } | undefined
  for (const step of replaySteps(timeline.history)) {
    const start = parseDate(step.event.effective)!.start
    if (group !== undefined && group.start !== start) yield group
    if (group === undefined || group.start !== start) group = { date: step.event.effective, start, steps: [] }
    group.steps.push(step)
  }
  if (group !== undefined) yield group
}

function tagsOf(names: readonly (Name | null)[]): string[] {
  const tags = new Set<string>()
  for (const n of names) if (n !== null && typeof n === 'object') for (const tag of Object.keys(n)) tags.add(tag)
  return [...tags]
}

/**
 * Precomputes what the page shows, in one replay of the history: for every change date what
 * changed (unit records, ended units, people), how each unit changed, and the events of the date
 * with their summaries and sources.
 * @param timeline the history, checked
 * @param title the page title
 * @param languages preferred languages of names
 * @returns the data embedded in the page
 * @example
 * buildPageData(Timeline.fromOrThrow(history), 'Alibaba', []).stops.map((s) => s.date)
 * @since 0.1.0
 */
export function buildPageData(timeline: Timeline, title: string, languages: readonly string[]): PageData {
  const [units, people, ended, events] = [
    pool<UnitJSON>(),
    pool<PageData['people'][number]>(),
    pool<PageEnded>(),
    pool<PageEvent>(),
  ]
  const stops: PageStop[] = []
  let before: OrgState = emptyState()
  for (const { date, start, steps } of stopsOf(timeline)) {
    const after = steps[steps.length - 1]!.after
    const { changes } = diff(before, after, [])
    const touched = [...new Set(changes.map((c) => c.unit))].map((id) => unit(after, id)!)
    const registered = new Set(steps.flatMap((s) => (s.event.type === 'PersonRegistered' ? [s.event.data.person] : [])))
    stops.push({
      date,
      start,
      units: touched.filter((u) => u.status === 'active').map((u) => units.add(unitToJSON(u))),
      ended: changes.flatMap((c) =>
        c.kind === 'unit-ended'
          ? [
              ended.add({
                id: c.unit,
                status: c.status,
                ended: c.ended,
                successors: c.successors,
                name: unit(after, c.unit)!.name,
              }),
            ]
          : [],
      ),
      people: [...registered].map((id) => people.add({ id, name: person(after, id)?.name ?? null })),
      events: steps.map((s) => events.add(pageEvent(s))),
      marks: changeMarks(changes),
      holdings: holdingChanges(changes),
    })
    before = after
  }
  const names = [...units.items, ...ended.items, ...people.items].map((x) => x.name)
  const [u, p, e, ev] = [units.items, people.items, ended.items, events.items]
  return { title, languages, tags: tagsOf(names), units: u, people: p, ended: e, events: ev, stops }
}
