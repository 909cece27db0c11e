import { isLeft } from 'fp-ts/lib/Either.js'
import { lineage as lineageOf } from '../../queries/lineage.js'
import { renderLineage } from '../../render/lineageText.js'
import { stateAt } from '../../timeline/replay.js'
import {
  type Command,
  dateArg,
  formatFlag,
  knownAtFlag,
  languagesFlag,
  reportErrors,
  unitArg,
  withHistory,
} from '../command.js'
import { EXIT, UsageError } from '../io.js'
import { checkHistory } from '../read.js'

/** `org-history lineage`: the predecessors and successors of a unit as trees. @since 0.1.0 */
export const lineage: Command = {
  name: 'lineage',
  usage: 'org-history lineage <unit> <history…> [--at D] [--known-at T] [--format text|json] [--lang TAG]',
  help: `Usage: org-history lineage <unit> <history…> [--at D] [--known-at T] [--format text|json] [--lang TAG]

Where a unit came from and what became of it, across merges, splits and spin-outs, to any depth:
its predecessors and its successors as trees, each unit with how it is linked (merged, split,
spun out), when, and its own life span. Units are never deleted, so an ended unit has a lineage too.
  --at D          as the history stood on D (default: the end of the history)
  --known-at T    the history as recorded by T (transaction time)
  --format text   two trees (default)
  --format json   {"at", "unit", "predecessors":[{unit, name, status, since, ended, link, date, next}], "successors"}
  --lang TAG      names in this language (e.g. zh-Hant, en)
A unit id the history does not have is a usage error (exit 2), with the closest ids as suggestions.`,
  options: {
    at: { type: 'string' },
    format: { type: 'string' },
    json: { type: 'boolean' },
    'known-at': { type: 'string' },
    lang: { type: 'string' },
  },
  run({ io, args, flags }) {
    const id = args[0]
    if (id === undefined) throw new UsageError("missing <unit>; see 'org-history lineage --help'")
    const format = formatFlag('lineage', flags, ['text', 'json'])
    const options = knownAtFlag(flags)
    const at = typeof flags.at === 'string' ? dateArg(flags.at, '--at') : undefined
    return withHistory(io, args.slice(1), 'lineage', (history, progress) => {
      const checked = checkHistory(history, options, progress)
      progress.stop()
      if (isLeft(checked)) return reportErrors(io, checked.left)
      const state = at === undefined ? checked : stateAt(history, at, options)
      if (isLeft(state)) return reportErrors(io, state.left)
      const l = lineageOf(state.right, unitArg(state.right, id, 'unit', at))!
      if (format === 'json') io.out(JSON.stringify({ at: at ?? null, ...l }, null, 2))
      else io.out(renderLineage(state.right, l, { languages: languagesFlag(flags) }))
      return EXIT.ok
    })
  },
}
