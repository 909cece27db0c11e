import { existsSync, readFileSync } from 'node:fs'
import { isLeft } from 'fp-ts/lib/Either.js'
import { importSnapshots } from '../../import/importSnapshots.js'
import { readCsvSnapshot } from '../../import/read/csv.js'
import { readJsonSnapshot } from '../../import/read/json.js'
import { withPeople } from '../../import/read/people.js'
import { readCsvVersions } from '../../import/read/versions.js'
import { reviewMarkdown } from '../../import/reviewMarkdown.js'
import { formatImportError, type ImportError, importError, type Snapshot } from '../../import/snapshot.js'
import { formatHistory } from '../../store/format.js'
import { type Command, type Flags, progressStream } from '../command.js'
import { EXIT, type Io, UsageError } from '../io.js'
import { writeOutput } from '../output.js'
import { startProgress } from '../progress.js'

const USAGE =
  'org-history import <snapshot…> [--versions] [--people FILE…] [--date D] [--attributes a,b] [--out FILE] [--review FILE] [--min-confidence C]'

function readFile(path: string): string {
  if (!existsSync(path)) throw new UsageError(`no such file: ${path}`)
  return readFileSync(path, 'utf8')
}

const attributesOf = (flags: Flags) =>
  typeof flags.attributes === 'string' ? flags.attributes.split(',').map((a) => a.trim()) : []

function snapshotOf(path: string, flags: Flags): Snapshot | ImportError[] {
  const date = flags.date as string | undefined
  if (/\.json$/i.test(path)) return readJsonSnapshot(readFile(path), path, date)
  return readCsvSnapshot(readFile(path), path, {
    ...(date === undefined ? {} : { date }),
    attributes: attributesOf(flags),
  })
}

/** The snapshots of the arguments: one each, or the days of one effective-dated table (`--versions`). */
function snapshotsOf(args: readonly string[], flags: Flags): (Snapshot | ImportError[])[] {
  if (flags.versions !== true) return args.map((path) => snapshotOf(path, flags))
  if (args.length > 1 || flags.date !== undefined)
    throw new UsageError('--versions reads one effective-dated table (its dates are in its from and to columns)')
  const read = readCsvVersions(readFile(args[0]!), args[0]!, attributesOf(flags))
  return read.length > 0 && '_tag' in read[0]! ? [read as ImportError[]] : (read as Snapshot[])
}

function addPeople(snapshots: Snapshot[], files: readonly string[]): ImportError[] {
  const errors: ImportError[] = []
  for (const file of files) {
    const day = /(\d{4}-\d{2}-\d{2})/.exec(file.split(/[\\/]/).pop() ?? file)?.[1]
    const i = day === undefined ? (snapshots.length === 1 ? 0 : -1) : snapshots.findIndex((s) => s.date === day)
    if (i < 0) {
      errors.push(
        importError({ file, line: 1 }, 'no snapshot of this date: put the YYYY-MM-DD of its snapshot in the file name'),
      )
      continue
    }
    const next = withPeople(snapshots[i]!, readFile(file), file)
    if (Array.isArray(next)) errors.push(...next)
    else snapshots[i] = next
  }
  return errors
}

function confidence(flags: Flags): number | undefined {
  if (flags['min-confidence'] === undefined) return undefined
  const c = Number(flags['min-confidence'])
  if (!(c >= 0 && c <= 1))
    throw new UsageError(`--min-confidence '${flags['min-confidence']}' is not a number from 0 to 1`)
  return c
}

function fail(io: Io, errors: readonly ImportError[]): number {
  for (const e of errors) io.err(formatImportError(e))
  io.err(`${errors.length} error${errors.length === 1 ? '' : 's'}; nothing written`)
  return EXIT.invalid
}

/** `org-history import`: org snapshots (JSON or CSV) into a history with inferred lineage. @since 0.2.0 */
export const importCommand: Command = {
  name: 'import',
  usage: USAGE,
  help: `Usage: ${USAGE}

Turns snapshots of an org (the JSON of 'org-history at --format json', or CSV with the columns
unit, parent, name or name:<tag>, kind, head, head_name, date) into a history: the first snapshot
as creations, then between two snapshots the events that explain the difference, with merges,
splits, spin-outs and id changes inferred from the overlap of members, child units and heads.
Every snapshot is checked first; a problem is 'file:line: message', exit 1, nothing written.
  --versions          the file is an effective-dated table (SAP OM, Workday): a row per version
                      of a unit with from and to (inclusive; empty or 9999-12-31: still valid)
  --people FILE       one per snapshot date (the date in its name): person, unit, name?, title?
  --date D            the date of CSV snapshots without a date column or a date in the file name
  --attributes a,b    CSV columns kept as unit attributes
  --min-confidence C  below C an inference is written as dissolve + create (default 0.5)
  --out FILE          write the history (NDJSON) to FILE instead of stdout
  --review FILE       write the review (Markdown): counts, inferences with evidence, gaps`,
  options: {
    versions: { type: 'boolean' },
    people: { type: 'string', multiple: true },
    date: { type: 'string' },
    attributes: { type: 'string' },
    'min-confidence': { type: 'string' },
    out: { type: 'string', short: 'o' },
    review: { type: 'string' },
  },
  run({ io, args, flags }) {
    if (args.length === 0) throw new UsageError("missing <snapshot…>; see 'org-history import --help'")
    const min = confidence(flags)
    const read = snapshotsOf(args, flags)
    const errors = read.filter(Array.isArray).flat()
    if (errors.length > 0) return fail(io, errors)
    const snapshots = read as Snapshot[]
    const people = (flags.people as unknown as string[] | undefined) ?? []
    const peopleErrors = addPeople(snapshots, people)
    if (peopleErrors.length > 0) return fail(io, peopleErrors)
    const units = snapshots.reduce((n, s) => n + s.units.length, 0)
    const progress = startProgress(progressStream(), units)
    progress.stage('importing', snapshots.length)
    const imported = importSnapshots(snapshots, {
      ...(min === undefined ? {} : { minConfidence: min }),
      onStep: (done) => progress.update(done),
    })
    progress.stop()
    if (isLeft(imported)) return fail(io, imported.left)
    writeOutput(io, flags.out as string | undefined, formatHistory(imported.right.events, 'ndjson'))
    if (typeof flags.review === 'string') writeOutput(io, flags.review, [reviewMarkdown(imported.right.review)])
    return EXIT.ok
  },
}
