import type { UnitId } from '../domain/ids.js'
import { best, type Contents, countsIn, indexOf, overlap } from './content.js'

/**
 * A lineage the importer considered between two snapshots: units of the earlier one (`sources`)
 * whose contents went to units of the later one (`targets`).
 * @example
 * const c: Inference = { rule: 'merge', sources: ['a', 'b'], targets: ['ab'], confidence: 0.9, evidence: '…' }
 * @since 0.2.0
 */
export interface Inference {
  /** `merge` (n:1, also into a continuing unit), `split` (1:n), `spin-out` (a continuing unit's contents to new units) or `id-change` (1:1). */
  readonly rule: 'merge' | 'split' | 'spin-out' | 'id-change'
  readonly sources: readonly UnitId[]
  readonly targets: readonly UnitId[]
  /** The overlap score of DESIGN §7, in [0, 1]. */
  readonly confidence: number
  /** In words a person can check. */
  readonly evidence: string
  /** The best alternative of one of its units, in words, and its score. */
  readonly runnerUp?: { readonly text: string; readonly confidence: number }
}

/** What the matching of one step sees. */
export interface Sides {
  readonly before: Contents
  readonly after: Contents
  readonly gone: ReadonlySet<UnitId>
  readonly fresh: ReadonlySet<UnitId>
  readonly continuing: ReadonlySet<UnitId>
}

const EMPTY: ReadonlySet<string> = new Set()

/** "members", "child units" or both, by what a set holds. */
export function what(content: ReadonlySet<string>): string {
  let people = false
  let units = false
  for (const x of content) {
    if (x.startsWith('p:')) people = true
    else units = true
    if (people && units) break
  }
  return people && units ? 'members and child units' : units ? 'child units' : 'members'
}

export const score = (shared: number, a: number, b: number) => (shared === 0 ? 0 : shared / Math.max(a, b))
const round = (x: number) => Math.round(x * 1000) / 1000

function minus(a: ReadonlySet<string>, b: ReadonlySet<string>): Set<string> {
  const out = new Set<string>()
  for (const x of a) if (!b.has(x)) out.add(x)
  return out
}

/** Groups of `from` units by the unit that got most of their contents. */
function groups(
  from: ReadonlySet<UnitId>,
  contents: Contents,
  index: ReadonlyMap<string, readonly UnitId[]>,
): Map<UnitId, UnitId[]> {
  const grouped = new Map<UnitId, UnitId[]>()
  for (const id of [...from].sort()) {
    const to = best(countsIn(contents.get(id) ?? EMPTY, index))
    if (to === undefined) continue
    const list = grouped.get(to)
    if (list === undefined) grouped.set(to, [id])
    else list.push(id)
  }
  return grouped
}

/** The prefix of `parts` (most contributing first) whose union with `whole` scores best. */
function bestPrefix(
  whole: ReadonlySet<string>,
  parts: readonly UnitId[],
  contents: Contents,
  min: number,
): { ids: UnitId[]; score: number; union: Set<string> } {
  const share = (id: UnitId) => {
    const c = contents.get(id) ?? EMPTY
    return c.size === 0 ? 0 : overlap(c, whole) / c.size
  }
  const sorted = [...parts].sort((a, b) => share(b) - share(a) || (a < b ? -1 : a > b ? 1 : 0))
  const union = new Set<string>()
  let shared = 0
  let top = { ids: [] as UnitId[], score: -1, union: new Set<string>() }
  for (const [i, id] of sorted.entries()) {
    for (const x of contents.get(id) ?? EMPTY)
      if (!union.has(x)) {
        union.add(x)
        if (whole.has(x)) shared++
      }
    const s = score(shared, union.size, whole.size)
    if (i + 1 >= min && s > top.score) top = { ids: sorted.slice(0, i + 1), score: s, union: new Set(union) }
  }
  return top
}

function sentence(count: number, of: ReadonlySet<string>, name: UnitId, verb: string, other: UnitId): string {
  return `${count} of ${of.size} ${what(of)} of ${name} ${verb} ${other}`
}

/**
 * Merges (`merge`: units gone into one unit of `after`) or splits and spin-outs (units new in
 * `after` made of one unit of `before`): the same search seen from either side. The one unit must
 * continue, or be new (a merge) or gone (a split).
 */
function regroupings(sides: Sides, index: ReadonlyMap<string, readonly UnitId[]>, merge: boolean): Inference[] {
  const [parts, partsSide, oneSide, unlessContinuing] = merge
    ? [sides.gone, sides.before, sides.after, sides.fresh]
    : [sides.fresh, sides.after, sides.before, sides.gone]
  const verb = merge ? 'are now in' : 'were in'
  const out: Inference[] = []
  for (const [one, candidates] of groups(parts, partsSide, index)) {
    const continuing = sides.continuing.has(one)
    if (!continuing && !unlessContinuing.has(one)) continue
    const contents = oneSide.get(one) ?? EMPTY
    const whole = continuing ? minus(contents, partsSide.get(one) ?? EMPTY) : contents
    const { ids, score: s } = bestPrefix(whole, candidates, partsSide, continuing ? 1 : 2)
    if (ids.length === 0 || s <= 0) continue
    const evidence = ids.map((id) => {
      const c = partsSide.get(id) ?? EMPTY
      return sentence(overlap(c, contents), c, id, verb, one)
    })
    const [sources, targets] = merge ? [ids.sort(), [one]] : [[one], ids.sort()]
    const rule = merge ? 'merge' : continuing ? 'spin-out' : 'split'
    out.push({ rule, sources, targets, confidence: round(s), evidence: evidence.join('; ') })
  }
  return out
}

/**
 * The merges (n:1, and into continuing units), splits (1:n) and spin-outs of one step, each with
 * its score, before any is chosen.
 */
export function groupCandidates(sides: Sides): Inference[] {
  const live = (id: UnitId) => sides.gone.has(id) || sides.continuing.has(id)
  const indexAfter = indexOf(sides.after)
  const indexBefore = indexOf(sides.before, live)
  return [...regroupings(sides, indexAfter, true), ...regroupings(sides, indexBefore, false)]
}

/** The score of every gone unit against every new unit it shares contents with. */
export function pairScores(sides: Sides): Map<UnitId, Map<UnitId, number>> {
  const indexAfter = indexOf(sides.after, (id) => sides.fresh.has(id))
  const pairs = new Map<UnitId, Map<UnitId, number>>()
  for (const gone of sides.gone) {
    const c = sides.before.get(gone) ?? EMPTY
    const row = new Map<UnitId, number>()
    for (const [fresh, n] of countsIn(c, indexAfter))
      row.set(fresh, round(score(n, c.size, sides.after.get(fresh)!.size)))
    if (row.size > 0) pairs.set(gone, row)
  }
  return pairs
}
