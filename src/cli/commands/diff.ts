import { isLeft } from 'fp-ts/lib/Either.js'
import { renderDiff } from '../../render/diffText.js'
import { Timeline } from '../../timeline/Timeline.js'
import { type Command, dateArg, formatFlag, knownAtFlag, languagesFlag, reportErrors, withHistory } from '../command.js'
import { EXIT } from '../io.js'

export const diff: Command = {
  name: 'diff',
  usage: 'org-history diff <from> <to> <history…> [--known-at T] [--format text|json] [--lang TAG]',
  help: `Usage: org-history diff <from> <to> <history…> [--known-at T] [--format text|json] [--lang TAG]

What changed after <from> up to and including <to>: units added, ended, renamed, moved, attributes
and leaders changed, and the events that explain them.
  --format text   grouped, one change a line (default)
  --format json   the JSON shape of the diff (--json for short)`,
  options: {
    format: { type: 'string' },
    json: { type: 'boolean' },
    'known-at': { type: 'string' },
    lang: { type: 'string' },
  },
  run({ io, args, flags }) {
    const from = dateArg(args[0], 'first date')
    const to = dateArg(args[1], 'second date')
    const format = formatFlag('diff', flags, ['text', 'json'])
    const options = knownAtFlag(flags)
    return withHistory(io, args.slice(2), 'diff', (history) => {
      const timeline = Timeline.from(history)
      if (isLeft(timeline)) return reportErrors(io, timeline.left)
      const d = timeline.right.diff(from, to, options)
      if (isLeft(d)) return reportErrors(io, d.left)
      if (format === 'json') io.out(JSON.stringify(d.right, null, 2))
      else {
        const states = [timeline.right.atOrThrow(to, options), timeline.right.atOrThrow(from, options)]
        io.out(renderDiff(d.right, states, { languages: languagesFlag(flags) }))
      }
      return EXIT.ok
    })
  },
}
