import { isLeft } from 'fp-ts/lib/Either.js'
import { parseDate } from '../../domain/date.js'
import { person } from '../../queries/people.js'
import { unit } from '../../queries/units.js'
import { renderLog } from '../../render/log.js'
import { logJSON } from '../../render/logJSON.js'
import { logMarkdown } from '../../render/markdown.js'
import type { OrgEvent } from '../../timeline/order.js'
import { HistoryErrors } from '../../timeline/replay.js'
import { replaySteps, type Step } from '../../timeline/steps.js'
import {
  type Command,
  dateArg,
  didYouMean,
  formatFlag,
  knownAtFlag,
  languagesFlag,
  palette,
  reportErrors,
  unitArg,
} from '../command.js'
import { EXIT, UsageError } from '../io.js'
import { PLAN_HELP, PLAN_OPTION, withPlannedHistory } from '../plan.js'
import { checkHistory } from '../read.js'

const TYPE_STYLE: Record<string, 'added' | 'removed' | 'changed'> = {
  UnitCreated: 'added',
  LeaderAssigned: 'added',
  PersonRegistered: 'added',
  UnitMerged: 'removed',
  UnitSplit: 'removed',
  UnitDissolved: 'removed',
  LeaderRemoved: 'removed',
}

/** Whether an event names a unit anywhere in its data: unit, units, into, parent, split parts and children. */
function namesUnit(event: OrgEvent, id: string): boolean {
  const d = event.data as {
    unit?: string
    units?: readonly string[]
    into?: string | readonly { unit: string; parent?: string }[]
    parent?: string | null
    children?: Record<string, string>
  }
  if (d.unit === id || d.parent === id || d.into === id || d.units?.includes(id) === true) return true
  if (Array.isArray(d.into) && d.into.some((p) => p.unit === id || p.parent === id)) return true
  return d.children !== undefined && (Object.hasOwn(d.children, id) || Object.values(d.children).includes(id))
}

interface Filters {
  readonly unit?: string
  readonly person?: string
  readonly reorg?: string
  readonly since?: number
  readonly until?: number
}

/** Whether an event passes every filter given (see the help text for what "touches" means). */
function keep({ event, before, after }: Step, f: Filters): boolean {
  const start = parseDate(event.effective)!.start
  if (f.since !== undefined && start < f.since) return false
  if (f.until !== undefined && start >= f.until) return false
  if (f.reorg !== undefined && event.reorg !== f.reorg) return false
  if (f.unit !== undefined && !namesUnit(event, f.unit) && unit(before, f.unit) === unit(after, f.unit)) return false
  if (f.person !== undefined) {
    const named = 'person' in event.data && event.data.person === f.person
    if (!named && person(before, f.person) === person(after, f.person)) return false
  }
  return true
}

function filtersOf(flags: Record<string, string | boolean | undefined>): Filters {
  const text = (k: string) => (typeof flags[k] === 'string' ? (flags[k] as string) : undefined)
  const since = text('since')
  const until = text('until')
  return {
    unit: text('unit'),
    person: text('person'),
    reorg: text('reorg'),
    since: since === undefined ? undefined : parseDate(dateArg(since, '--since'))!.start,
    until: until === undefined ? undefined : parseDate(dateArg(until, '--until'))!.end,
  }
}

/** `org-history log`: the events in valid-time order, filtered, as text, JSON or Markdown. @since 0.1.0 */
export const log: Command = {
  name: 'log',
  usage:
    'org-history log <history…> [--plan FILE]… [--unit U] [--person P] [--since D] [--until D] [--reorg R] [--known-at T] [--format text|json|markdown] [--lang TAG]',
  help: `Usage: org-history log <history…> [--plan FILE]… [--unit U] [--person P] [--since D] [--until D] [--reorg R]
                         [--known-at T] [--format text|json|markdown] [--lang TAG]

The events of the history in valid-time order, one a line: date, type, a one-line summary (names as
they were at the time), reorg and source. Retracted events are left out; retractions are not listed.
  --unit U        events that touch unit U: every event naming U (as unit, source or target of a
                  merge or split, parent, or a child mapped in a split), and every event that
                  changes U without naming it: its parent merged or split and U moved with it, an
                  ancestor dissolved with cascade, a child of U moved elsewhere
  --person P      events naming person P, and events that end P's roles (a merge, a split, a dissolution)
  --since D       events effective on or after D (a month or year: from its first day)
  --until D       events effective on or before D (a month or year: up to its last day)
  --reorg R       events of reorganization R
  --known-at T    the history as recorded by T (transaction time)
  --format text   aligned columns (default)
  --format json   {"events":[{id, type, effective, announced, recorded, reorg, summary, source, note, origin, data}]}
  --format markdown  a table
  --lang TAG      names in this language (e.g. zh-Hant, en, or a list: en,zh-Hant)
Filters combine: an event is listed when it passes every one given. A unit, person or reorg that
the history does not have is a usage error (exit 2), with the closest ids as suggestions.
${PLAN_HELP}`,
  options: {
    ...PLAN_OPTION,
    unit: { type: 'string' },
    person: { type: 'string' },
    since: { type: 'string' },
    until: { type: 'string' },
    reorg: { type: 'string' },
    format: { type: 'string' },
    json: { type: 'boolean' },
    'known-at': { type: 'string' },
    lang: { type: 'string' },
  },
  run({ io, args, flags }) {
    const format = formatFlag('log', flags, ['text', 'json', 'markdown'])
    const options = knownAtFlag(flags)
    const filters = filtersOf(flags)
    const languages = languagesFlag(flags)
    return withPlannedHistory(io, args, flags, 'log', (history, progress) => {
      const checked = checkHistory(history, options, progress)
      progress.stop()
      if (isLeft(checked)) return reportErrors(io, checked.left)
      const end = checked.right
      if (filters.unit !== undefined) unitArg(end, filters.unit)
      if (filters.person !== undefined && person(end, filters.person) === undefined) {
        const ids = Array.from(history, (e) => ('person' in e.data ? e.data.person : '')).filter((p) => p !== '')
        throw new UsageError(`no person '${filters.person}' in the history${didYouMean(filters.person, new Set(ids))}`)
      }
      if (filters.reorg !== undefined && !history.some((e) => e.reorg === filters.reorg)) {
        const reorgs = new Set(history.flatMap((e) => (e.reorg === undefined ? [] : [e.reorg])))
        throw new UsageError(`no reorg '${filters.reorg}' in the history${didYouMean(filters.reorg, reorgs)}`)
      }
      const steps: Step[] = []
      try {
        for (const step of replaySteps(history, options)) if (keep(step, filters)) steps.push(step)
      } catch (cause) {
        if (cause instanceof HistoryErrors) return reportErrors(io, cause.errors)
        throw cause
      }
      if (format === 'json') io.out(JSON.stringify(logJSON(steps, { languages }), null, 2))
      else if (format === 'markdown') io.out(logMarkdown(steps, { languages }))
      else {
        const p = palette()
        const type = (text: string, t: string) => p[TYPE_STYLE[t] ?? 'changed'](text)
        io.out(renderLog(steps, { languages, style: { date: p.date, type, dim: p.dim } }))
      }
      return EXIT.ok
    })
  },
}
