import { isLeft } from 'fp-ts/lib/Either.js'
import type { HistoryError } from '../../errors/types.js'
import type { Event } from '../../events/event.js'
import { formatStoreError } from '../../store/file/errors.js'
import { openFileStore } from '../../store/file/FileStore.js'
import type { ExpectedVersion } from '../../store/port.js'
import { type Command, type Flags, readHistoryArgs, reportErrors } from '../command.js'
import { EXIT, type Io, UsageError } from '../io.js'

const plural = (n: number) => `${n} event${n === 1 ? '' : 's'}`

function expectedVersion(flags: Flags): ExpectedVersion {
  const text = flags['expect-version']
  if (text === undefined) return 'any'
  const n = Number(text)
  if (typeof text !== 'string' || !/^\d+$/.test(text) || !Number.isSafeInteger(n))
    throw new UsageError(`--expect-version takes the number of events the history should have, got '${String(text)}'`)
  return n
}

/** The new events, read and decoded; or every error in them. */
function newEvents(sources: readonly string[]): Event[] | HistoryError[] {
  const { read, progress } = readHistoryArgs(sources, 'append')
  progress.stop()
  return read
}

async function appendTo(io: Io, file: string, events: readonly Event[], flags: Flags): Promise<number> {
  const expected = expectedVersion(flags)
  const opened = await openFileStore(file, { hashChain: flags.chain === true ? true : 'auto' })
  if (isLeft(opened)) {
    io.err(formatStoreError(opened.left))
    return EXIT.invalid
  }
  const store = opened.right
  try {
    const r = await store.append(events, { expectedVersion: expected })
    if (isLeft(r)) {
      const e = r.left
      if (e._tag === 'InvalidAppend') return reportErrors(io, e.errors)
      if (e._tag === 'VersionConflict')
        io.err(
          `${file}: the history has ${plural(e.actual)}, not ${e.expected} (--expect-version); nothing was appended. Read it again and retry`,
        )
      else io.err(e.message)
      return EXIT.invalid
    }
    io.out(`appended ${plural(events.length)} to ${file}: it now has ${plural(r.right.version)}`)
    return EXIT.ok
  } finally {
    await store.close()
  }
}

export const append: Command = {
  name: 'append',
  usage: 'org-history append <history-file> <events-file…> [--chain] [--expect-version N]',
  help: `Usage: org-history append <history-file> <events-file…> [--chain] [--expect-version N]

Appends the events of the events files (NDJSON or JSON, read in the order given) to an NDJSON
history file, all or nothing: the new events are checked against the whole history first, then
written under the file's lock (<history-file>.lock) and synced to disk. Events without "recorded"
get the time of the append (UTC). The history file is created if it does not exist.
If anything is invalid, every error is printed as file:line: message, nothing is written and the
file stays byte for byte as it was (exit 1).
  --chain               add the hash chain to the new lines (it then continues on every append);
                        'org-history verify' checks it. Off by default, so hand-written files stay plain
  --expect-version N    append only if the history has N events (someone else may have appended)`,
  options: { chain: { type: 'boolean' }, 'expect-version': { type: 'string' } },
  async run({ io, args, flags }) {
    const [file, ...sources] = args
    if (file === undefined) throw new UsageError("missing <history-file>; see 'org-history append --help'")
    if (sources.length === 0) throw new UsageError("missing <events-file…>; see 'org-history append --help'")
    expectedVersion(flags)
    const read = newEvents(sources)
    if (read.length > 0 && '_tag' in read[0]!) return reportErrors(io, read as HistoryError[])
    return appendTo(io, file, read as Event[], flags)
  },
}
