import { isLeft } from 'fp-ts/lib/Either.js'
import { toJSON } from '../../render/json.js'
import { renderTree } from '../../render/tree.js'
import { Timeline } from '../../timeline/Timeline.js'
import { type Command, dateArg, formatFlag, knownAtFlag, languagesFlag, reportErrors, withHistory } from '../command.js'
import { EXIT } from '../io.js'

export const at: Command = {
  name: 'at',
  usage: 'org-history at <date> <history…> [--known-at T] [--format tree|json] [--lang TAG]',
  help: `Usage: org-history at <date> <history…> [--known-at T] [--format tree|json] [--lang TAG]

The org on <date>: every event effective on or before it (a date is the whole day, a month or year
its end). --known-at T limits the history to what was recorded by T.
  --format tree   an indented tree with leaders (default)
  --format json   the JSON shape of the state (--json for short)
  --lang TAG      show names in this language (e.g. zh-Hant, en), falling back to a close one`,
  options: {
    format: { type: 'string' },
    json: { type: 'boolean' },
    'known-at': { type: 'string' },
    lang: { type: 'string' },
  },
  run({ io, args, flags }) {
    const date = dateArg(args[0], 'date')
    const format = formatFlag('at', flags, ['tree', 'json'])
    const options = knownAtFlag(flags)
    return withHistory(io, args.slice(1), 'at', (history) => {
      const timeline = Timeline.from(history)
      if (isLeft(timeline)) return reportErrors(io, timeline.left)
      const state = timeline.right.at(date, options)
      if (isLeft(state)) return reportErrors(io, state.left)
      io.out(
        format === 'json'
          ? JSON.stringify(toJSON(state.right), null, 2)
          : renderTree(state.right, { languages: languagesFlag(flags) }),
      )
      return EXIT.ok
    })
  },
}
