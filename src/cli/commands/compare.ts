import { isLeft } from 'fp-ts/lib/Either.js'
import type { OrgState } from '../../domain/state.js'
import type { HistoryError } from '../../errors/types.js'
import type { Event } from '../../events/event.js'
import { compare as compareOrgs } from '../../plan/compare.js'
import { PlanTimeline } from '../../plan/PlanTimeline.js'
import { planStatuses } from '../../plan/statuses.js'
import { type Comparison, comparisonMarkdown, renderComparison } from '../../render/compare.js'
import type { TextOptions } from '../../render/labels.js'
import { colourDiff } from '../colour.js'
import {
  type Command,
  dateArg,
  formatFlag,
  languagesFlag,
  palette,
  reportErrors,
  timelineOf,
  withHistory,
} from '../command.js'
import { EXIT, UsageError } from '../io.js'
import { PLAN_OPTION, planFlag, readPlans } from '../plan.js'

type Format = (c: Comparison, states: readonly OrgState[], plan: readonly Event[], options: TextOptions) => string

const FORMATS: Record<string, Format> = {
  text: (c, states, plan, options) => colourDiff(renderComparison(c, states, plan, options), palette()),
  json: (c) => JSON.stringify(c, null, 2),
  markdown: comparisonMarkdown,
}

const USAGE =
  'org-history compare <date> <history…> --plan A [--plan B] [--base T] [--format text|json|markdown] [--lang TAG]'

/** `org-history compare`: the fact org against a plan's, or one plan's against another's, on a date. */
export const compare: Command = {
  name: 'compare',
  usage: USAGE,
  help: `Usage: ${USAGE}

With one plan: the changes from the org on <date> to the org the plan would make of it (what the
plan would still change), then the status of each plan event on <date>: realized (the fact org
already shows it), diverged (not realized, and a fact event effective by <date> changed the same
unit and aspect), missed (the rest), pending (effective after <date>). With two plans: the changes
from plan A's org to plan B's. Units only on the left are listed as removed.
  --plan FILE        a plan: a history file of the proposed events (once or twice)
  --base T           when the plan was drafted: only facts recorded after T make an event diverged
  --format text      grouped, one change a line, then the statuses with counts (default)
  --format json      {"at", "left", "right", "changes", "plan"} (--json for short)
  --format markdown  a heading, one section per kind of change, a table of statuses
  --lang TAG         names in this language (e.g. zh-Hant, en)`,
  options: {
    ...PLAN_OPTION,
    base: { type: 'string' },
    format: { type: 'string' },
    json: { type: 'boolean' },
    lang: { type: 'string' },
  },
  run({ io, args, flags }) {
    const date = dateArg(args[0], 'date')
    const format = formatFlag('compare', flags, Object.keys(FORMATS))
    const base = typeof flags.base === 'string' ? { base: dateArg(flags.base, '--base') } : {}
    const files = planFlag(flags)
    if (files.length === 0 || files.length > 2)
      throw new UsageError(`compare needs one plan (--plan A) or two (--plan A --plan B), got ${files.length}`)
    const plans = files.map((file) => readPlans([file], 'compare'))
    const readErrors = plans.flatMap((p) => p.errors)
    if (readErrors.length > 0) return reportErrors(io, readErrors)
    return withHistory(io, args.slice(1), 'compare', (history, progress) => {
      const fact = timelineOf(history, progress)
      if (isLeft(fact)) return reportErrors(io, fact.left)
      const errors: HistoryError[] = []
      const orgs = plans.map((p) => {
        const planned = PlanTimeline.from(fact.right, p.events)
        if (isLeft(planned)) errors.push(...planned.left)
        return isLeft(planned) ? undefined : planned.right.atOrThrow(date)
      })
      if (errors.length > 0) return reportErrors(io, errors)
      const [left, right] = orgs.length === 1 ? [fact.right.atOrThrow(date), orgs[0]!] : [orgs[0]!, orgs[1]!]
      const statuses = orgs.length === 1 ? planStatuses(fact.right, plans[0]!.events, date, base) : undefined
      if (statuses !== undefined && isLeft(statuses)) return reportErrors(io, statuses.left)
      const comparison: Comparison = {
        at: date,
        left: files.length === 1 ? 'fact' : files[0]!,
        right: files[files.length - 1]!,
        changes: compareOrgs(left, right),
        ...(statuses === undefined ? {} : { plan: statuses.right }),
      }
      const events = plans.flatMap((p) => p.events)
      io.out(FORMATS[format]!(comparison, [right, left], events, { languages: languagesFlag(flags) }))
      return EXIT.ok
    })
  },
}
