import { isLeft } from 'fp-ts/lib/Either.js'
import { replay } from '../../timeline/replay.js'
import { type Command, reportErrors, withHistory } from '../command.js'
import { EXIT } from '../io.js'

export const validate: Command = {
  name: 'validate',
  usage: 'org-history validate <history…>',
  help: `Usage: org-history validate <history…>

Reads the history, checks every event in valid-time order against the rules of each event type,
and prints every error as file:line: message (exit 1), or a one-line summary (exit 0).`,
  options: {},
  run: ({ io, args }) =>
    withHistory(io, args, 'validate', (history) => {
      const r = replay(history)
      if (isLeft(r)) return reportErrors(io, r.left)
      io.out(`valid: ${history.length} event${history.length === 1 ? '' : 's'}, up to ${r.right.at ?? '(no dates)'}`)
      return EXIT.ok
    }),
}
