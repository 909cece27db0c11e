import { type Either, isLeft, left, right } from 'fp-ts/lib/Either.js'
import { parseDate } from '../domain/date.js'
import type { UnitId } from '../domain/ids.js'
import type { Event } from '../events/event.js'
import type { Inference } from './candidates.js'
import { contentsOf } from './content.js'
import type { StepContext } from './context.js'
import { checkExact } from './exactness.js'
import { type Matches, matchStep, type Thresholds } from './match.js'
import { Model } from './model.js'
import { parentsFirst } from './order.js'
import type { Gap, Review, ReviewStep } from './review.js'
import { formatImportError, type ImportError, type Snapshot } from './snapshot.js'
import { rescueKept, writeAbsorb, writeCreated, writeDissolved, writeMerge, writeSplit } from './structure.js'
import { writeFields, writeLeaders, writeMove, writePeople } from './sync.js'
import { validateSnapshots } from './validate.js'

/**
 * Options of {@link importSnapshots}.
 * @example
 * const options: ImportOptions = { minConfidence: 0.6 }
 * @since 0.2.0
 */
export interface ImportOptions {
  /** Below this confidence an inference falls back to dissolve + create (default 0.5). */
  readonly minConfidence?: number
  /** At or below this overlap units are unrelated and not listed as candidates (default 0.1). */
  readonly unrelated?: number
  /** Called after each snapshot is turned into events (for progress). */
  readonly onStep?: (done: number, total: number) => void
}

/**
 * The output of {@link importSnapshots}: the history and what a person should review.
 * @example
 * const { events, review }: Imported = importSnapshotsOrThrow([])
 * @since 0.2.0
 */
export interface Imported {
  readonly events: Event[]
  readonly review: Review
}

const sides =
  (before: Snapshot, after: Snapshot, gone: Set<UnitId>, fresh: Set<UnitId>, continuing: Set<UnitId>) =>
  (rename: ReadonlyMap<UnitId, UnitId>) => ({
    before: contentsOf(before, (id) => rename.get(id) ?? id),
    after: contentsOf(after),
    gone,
    fresh,
    continuing,
  })

/** Matching, again with child ids seen through the id changes and merges found, until they settle. */
function settle(view: ReturnType<typeof sides>, thresholds: Thresholds): Matches {
  let rename = new Map<UnitId, UnitId>()
  let matches = matchStep(view(rename), thresholds)
  for (let pass = 0; pass < 3; pass++) {
    const next = new Map<UnitId, UnitId>()
    for (const c of matches.accepted)
      if (c.rule === 'merge' || c.rule === 'id-change') for (const s of c.sources) next.set(s, c.targets[0]!)
    if (next.size === rename.size && [...next].every(([k, v]) => rename.get(k) === v)) break
    rename = next
    matches = matchStep(view(rename), thresholds)
  }
  return matches
}

function writeStep(ctx: StepContext, matches: Matches, gone: readonly UnitId[], kept: readonly UnitId[]): void {
  const order = parentsFirst(ctx.after)
  const index = new Map(order.map((u, i) => [u.id, i]))
  const byTarget = new Map<UnitId, Inference>()
  for (const c of matches.accepted)
    if (c.rule !== 'merge' || !ctx.model.get(c.targets[0]!)) for (const t of c.targets) byTarget.set(t, c)
  writePeople(ctx)
  for (const u of order) {
    if (ctx.model.get(u.id) !== undefined) continue
    const c = byTarget.get(u.id)
    if (c === undefined) writeCreated(ctx, u)
    else if (c.rule === 'split' || c.rule === 'spin-out') writeSplit(ctx, c, index)
    else writeMerge(ctx, u, c)
  }
  for (const u of order) writeFields(ctx, u)
  for (const u of order) writeMove(ctx, u)
  for (const c of matches.accepted) if (c.rule === 'merge' && !byTarget.has(c.targets[0]!)) writeAbsorb(ctx, c)
  const ending = new Set(gone.filter((id) => ctx.model.get(id) !== undefined))
  rescueKept(ctx, kept, ending)
  writeDissolved(ctx, gone)
  for (const u of order) writeLeaders(ctx, u)
}

function lastSeen(snapshots: readonly Snapshot[]): Map<UnitId, number> {
  const last = new Map<UnitId, number>()
  for (const [i, s] of snapshots.entries()) for (const u of s.units) last.set(u.id, i)
  return last
}

function countByType(events: readonly Event[]): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const e of events) counts[e.type] = (counts[e.type] ?? 0) + 1
  return counts
}

function run(sorted: readonly Snapshot[], options: ImportOptions): Imported & { kept: Set<UnitId>[] } {
  const thresholds = { minConfidence: options.minConfidence ?? 0.5, unrelated: options.unrelated ?? 0.1 }
  const model = new Model()
  const last = lastSeen(sorted)
  const events: Event[] = []
  const steps: ReviewStep[] = []
  const keptAt: Set<UnitId>[] = []
  const gaps = new Map<UnitId, Gap>()
  for (const [i, after] of sorted.entries()) {
    const ids = new Set(after.units.map((u) => u.id))
    const active = [...model.units.keys()].filter((id) => !ids.has(id)).sort()
    const kept = active.filter((id) => last.get(id)! > i)
    const gone = active.filter((id) => last.get(id)! <= i)
    for (const id of kept) {
      const gap = gaps.get(id) ?? { unit: id, lastSeen: sorted[i - 1]!.date, missing: [], back: '' }
      gaps.set(id, {
        ...gap,
        missing: [...gap.missing, after.date],
        back: sorted.find((s, j) => j > i && s.units.some((u) => u.id === id))!.date,
      })
    }
    keptAt.push(new Set(kept))
    const fresh = new Set([...ids].filter((id) => model.get(id) === undefined))
    const continuing = new Set([...ids].filter((id) => model.get(id) !== undefined))
    const before = sorted[i - 1]
    const matches =
      before === undefined
        ? { accepted: [], below: [] }
        : settle(sides(before, after, new Set(gone), fresh, continuing), thresholds)
    const ctx: StepContext = { model, after, units: new Map(after.units.map((u) => [u.id, u])), events: [] }
    writeStep(ctx, matches, gone, kept)
    for (const e of ctx.events) events.push(e)
    steps.push({
      date: after.date,
      file: after.file,
      counts: countByType(ctx.events),
      inferred: matches.accepted,
      below: matches.below,
    })
    options.onStep?.(i + 1, sorted.length)
  }
  return { events, review: { steps, gaps: [...gaps.values()] }, kept: keptAt }
}

/**
 * Turns org snapshots into a history (DESIGN §7): the first snapshot as creations, then between
 * each two consecutive snapshots the events that explain the difference, with merges, splits,
 * spin-outs and id changes inferred from the overlap of members, child units and heads. The
 * snapshots are checked first, and the output is replayed and compared with every snapshot before
 * it is returned.
 * @param snapshots the snapshots, in any order (sorted by date)
 * @param options thresholds, progress
 * @returns the events and the review, or every problem of the snapshots (`file:line: message`)
 * @example
 * const imported = importSnapshots([
 *   { date: '2024-01-31', file: 'jan.csv', units: [{ id: 'ops', name: 'Ops', kind: null, parent: null, attributes: {}, leaders: [] }], people: [] },
 * ])
 * @since 0.2.0
 */
export function importSnapshots(
  snapshots: readonly Snapshot[],
  options: ImportOptions = {},
): Either<ImportError[], Imported> {
  const invalid = validateSnapshots(snapshots)
  if (invalid.length > 0) return left(invalid)
  const sorted = [...snapshots].sort((a, b) => parseDate(a.date)!.start - parseDate(b.date)!.start)
  const { events, review, kept } = run(sorted, options)
  const different = checkExact(events, sorted, kept)
  return different.length > 0 ? left(different) : right({ events, review })
}

/**
 * {@link importSnapshots}, throwing an `Error` with one `file:line: message` line per problem.
 * @param snapshots the snapshots
 * @param options thresholds, progress
 * @returns the events and the review
 * @example
 * const { events } = importSnapshotsOrThrow([])
 * @since 0.2.0
 */
export function importSnapshotsOrThrow(snapshots: readonly Snapshot[], options?: ImportOptions): Imported {
  const result = importSnapshots(snapshots, options)
  if (isLeft(result)) throw new Error(result.left.map(formatImportError).join('\n'))
  return result.right
}
