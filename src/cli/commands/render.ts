import { writeFileSync } from 'node:fs'
import { isLeft } from 'fp-ts/lib/Either.js'
import { type PageOptions, renderPage } from '../../render/page/renderPage.js'
import { Timeline } from '../../timeline/Timeline.js'
import { type Command, type Flags, languagesFlag, reportErrors } from '../command.js'
import { EXIT, UsageError } from '../io.js'
import { PLAN_HELP, PLAN_OPTION, planFlag, withPlannedTimeline, withPlans } from '../plan.js'

const USAGE = 'org-history render <history…> [--plan FILE]… --out FILE|- [--title T] [--lang TAG]'

function outFlag(flags: Flags): string {
  const out = flags.out
  if (typeof out !== 'string' || out === '')
    throw new UsageError("missing --out: the file to write the page to (or '--out -' for stdout)")
  return out
}

function write(path: string, html: string): void {
  try {
    writeFileSync(path, html)
  } catch (cause) {
    const e = cause as NodeJS.ErrnoException
    throw new UsageError(`cannot write ${path}: ${e.code ?? e.message}`)
  }
}

/** `org-history render`: the time-slider page of a history, one self-contained HTML file. */
export const render: Command = {
  name: 'render',
  usage: USAGE,
  help: `Usage: ${USAGE}

Writes a time-slider page of the history: one self-contained HTML file (styles, script and data
inline; it loads nothing from the network) with the org chart at every change date, a slider and a
day picker, the units changed on the chosen date highlighted, and the events of that date with
their sources.
  --out FILE      where to write the page; '--out -' writes it to stdout
  --title T       the page title (default: the root unit's name)
  --lang TAG      show names in this language (e.g. zh-Hant, en); the page can switch
${PLAN_HELP}`,
  options: {
    ...PLAN_OPTION,
    out: { type: 'string', short: 'o' },
    title: { type: 'string' },
    lang: { type: 'string' },
  },
  run({ io, args, flags }) {
    const out = outFlag(flags)
    const title = typeof flags.title === 'string' ? { title: flags.title } : {}
    const show = (timeline: Timeline, plan?: PageOptions['plan']) => {
      const html = renderPage(timeline, { ...title, languages: languagesFlag(flags), ...(plan ? { plan } : {}) })
      if (out === '-') io.out(html)
      else {
        write(out, html)
        io.out(`${out}: ${timeline.changeDates().length} change dates, ${timeline.size} events`)
      }
      return EXIT.ok
    }
    const plans = planFlag(flags)
    if (plans.length === 0) return withPlannedTimeline(io, args, flags, 'render', (timeline) => show(timeline))
    return withPlans(io, args, plans, 'render', ({ fact, plan, merged }) => {
      const timeline = Timeline.from(merged)
      return isLeft(timeline) ? reportErrors(io, timeline.left) : show(timeline.right, { fact, events: plan })
    })
  },
}
