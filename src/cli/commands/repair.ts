import { isLeft } from 'fp-ts/lib/Either.js'
import { formatStoreError } from '../../store/file/errors.js'
import { repairFile } from '../../store/file/repair.js'
import type { Command } from '../command.js'
import { EXIT, UsageError } from '../io.js'

export const repair: Command = {
  name: 'repair',
  usage: 'org-history repair <history-file>',
  help: `Usage: org-history repair <history-file>

Removes the torn tail of an NDJSON history file — what an append interrupted by a crash left
after the last complete append — and nothing else. The removed bytes are kept as they were in a
side file next to it (<history-file>.torn-<UTC time>). A file without a torn tail is left as it is.`,
  options: {},
  async run({ io, args }) {
    const file = args[0]
    if (file === undefined) throw new UsageError("missing <history-file>; see 'org-history repair --help'")
    const r = await repairFile(file)
    if (isLeft(r)) {
      io.err(formatStoreError(r.left))
      return EXIT.invalid
    }
    const removed = r.right.removed
    if (removed === null) io.out(`${file}: no torn tail; nothing to repair`)
    else
      io.out(
        `${file}: moved the torn tail (from line ${removed.line}, ${removed.bytes} bytes) to ${removed.sideFile}; the file now ends after its last complete append`,
      )
    return EXIT.ok
  },
}
