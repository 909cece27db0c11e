import { isLeft } from 'fp-ts/lib/Either.js'
import { formatError } from '../../errors/format.js'
import { rebasePlan } from '../../plan/rebase.js'
import { appliedNote, overlapWarning } from '../../render/compare.js'
import { type Command, dateArg, type Flags, knownAtFlag, reportErrors, timelineOf, withHistory } from '../command.js'
import { EXIT, type Io, UsageError } from '../io.js'
import { PLAN_HELP, PLAN_OPTION, planFlag, readPlans, withPlans } from '../plan.js'
import { checkHistory } from '../read.js'

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

/** `validate --plan P… [--base T]`: the history, then the plans against it. */
function validatePlans(io: Io, args: readonly string[], flags: Flags): number {
  const base = typeof flags.base === 'string' ? dateArg(flags.base, '--base') : undefined
  if (flags['known-at'] !== undefined) throw new UsageError('--known-at cannot be combined with --plan')
  if (base === undefined) {
    return withPlans(io, args, planFlag(flags), 'validate', ({ fact, plan }) => {
      io.out(`valid: ${plural(fact.history.length, 'event')} and ${plural(plan.length, 'plan event')}`)
      return EXIT.ok
    })
  }
  return withHistory(io, args, 'validate', (history, progress) => {
    const { events: plan, errors } = readPlans(planFlag(flags), 'validate')
    if (errors.length > 0) return reportErrors(io, errors)
    const fact = timelineOf(history, progress)
    if (isLeft(fact)) return reportErrors(io, fact.left)
    const r = rebasePlan(fact.right, plan, base)
    if (isLeft(r)) return reportErrors(io, r.left)
    const { invalid, overlaps, applied } = r.right
    for (const e of invalid) io.err(formatError(e))
    for (const f of overlaps) io.err(overlapWarning(f))
    for (const f of applied) io.err(appliedNote(f))
    const summary = `${plural(invalid.length, 'error')}, ${plural(overlaps.length, 'warning')}, ${plural(applied.length, 'note')} against the facts recorded after ${base}`
    if (invalid.length > 0) {
      io.err(summary)
      return EXIT.invalid
    }
    io.out(`valid: ${plural(history.length, 'event')} and ${plural(plan.length, 'plan event')}; ${summary}`)
    return EXIT.ok
  })
}

/** `org-history validate`: every error of a history, or a one-line summary. @since 0.1.0 */
export const validate: Command = {
  name: 'validate',
  usage: 'org-history validate <history…> [--plan FILE]… [--base T] [--known-at T]',
  help: `Usage: org-history validate <history…> [--plan FILE]… [--base T] [--known-at T]

Reads the history, checks every event in valid-time order against the rules of each event type,
and prints every error as file:line: message (exit 1), or a one-line summary (exit 0).
  --known-at T    check the history as it was recorded by T (transaction time)
${PLAN_HELP}
                  a plan event broken by a fact names both events, with file:line
  --base T        with --plan: when the plan was drafted. Each plan event is checked against
                  the fact events recorded after T: invalid (an error, exit 1), overlap (a later
                  fact changed the same unit and aspect: a warning on stderr, exit 0), already
                  applied (a later fact did the same: a note)
A history of more than 100,000 events shows progress on stderr when it is a terminal.`,
  options: { 'known-at': { type: 'string' }, base: { type: 'string' }, ...PLAN_OPTION },
  run: ({ io, args, flags }) => {
    if (planFlag(flags).length > 0) return validatePlans(io, args, flags)
    if (flags.base !== undefined) throw new UsageError('--base needs --plan: the plan drafted at that time')
    const options = knownAtFlag(flags)
    return withHistory(io, args, 'validate', (history, progress) => {
      const r = checkHistory(history, options, progress)
      progress.stop()
      if (isLeft(r)) return reportErrors(io, r.left)
      io.out(`valid: ${history.length} event${history.length === 1 ? '' : 's'}, up to ${r.right.at ?? '(no dates)'}`)
      return EXIT.ok
    })
  },
}
