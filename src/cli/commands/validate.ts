import { isLeft } from 'fp-ts/lib/Either.js'
import { type Command, knownAtFlag, reportErrors, withHistory } from '../command.js'
import { EXIT } from '../io.js'
import { checkHistory } from '../read.js'

/** `org-history validate`: every error of a history, or a one-line summary. @since 0.1.0 */
export const validate: Command = {
  name: 'validate',
  usage: 'org-history validate <history…> [--known-at T]',
  help: `Usage: org-history validate <history…> [--known-at T]

Reads the history, checks every event in valid-time order against the rules of each event type,
and prints every error as file:line: message (exit 1), or a one-line summary (exit 0).
  --known-at T    check the history as it was recorded by T (transaction time)
A history of more than 100,000 events shows progress on stderr when it is a terminal.`,
  options: { 'known-at': { type: 'string' } },
  run: ({ io, args, flags }) => {
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
