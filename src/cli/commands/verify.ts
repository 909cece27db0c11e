import { isLeft } from 'fp-ts/lib/Either.js'
import { formatStoreError } from '../../store/file/errors.js'
import { formatVerifyProblem, type VerifyReport, verifyFile } from '../../store/file/verify.js'
import type { Command } from '../command.js'
import { EXIT, UsageError } from '../io.js'

function summary(r: VerifyReport): string {
  const events = `${r.events} event${r.events === 1 ? '' : 's'}`
  if (r.chain === null)
    return `${r.file}: ${events}, no torn tail; no hash chain, so nothing proves the lines were not edited (append with --chain to start one)`
  const covers = r.chain.from > 1 ? ` (which also covers lines 1–${r.chain.from - 1})` : ''
  return `${r.file}: ${events}, no torn tail; hash chain intact from line ${r.chain.from}${covers} to line ${r.chain.to}; head ${r.chain.head}`
}

export const verify: Command = {
  name: 'verify',
  usage: 'org-history verify <history-file> [--head HASH]',
  help: `Usage: org-history verify <history-file> [--head HASH]

Checks that an NDJSON history file was not changed after it was written: its hash chain, line by
line (when it has one: see 'org-history append --chain'), and its end (a torn last line left by a
crash). Prints every problem as file:line: message, the first altered line first (exit 1), or a
summary with the chain's head, the value of its last line (exit 0). It does not check the events
themselves: 'org-history validate' does.
  --head HASH   the head printed by an earlier verify (kept in a commit message, a log…): proves
                that no line was removed from the end since`,
  options: { head: { type: 'string' } },
  async run({ io, args, flags }) {
    const file = args[0]
    if (file === undefined) throw new UsageError("missing <history-file>; see 'org-history verify --help'")
    const head = typeof flags.head === 'string' ? flags.head : undefined
    const r = await verifyFile(file, head === undefined ? {} : { head })
    if (isLeft(r)) {
      io.err(formatStoreError(r.left))
      return EXIT.invalid
    }
    for (const p of r.right.problems) io.err(formatVerifyProblem(p))
    if (r.right.problems.length > 0) {
      const n = r.right.problems.length
      io.err(`${n} problem${n === 1 ? '' : 's'}`)
      return EXIT.invalid
    }
    io.out(summary(r.right))
    return EXIT.ok
  },
}
