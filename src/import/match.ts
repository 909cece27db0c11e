import type { UnitId } from '../domain/ids.js'
import { assign } from './assign.js'
import { groupCandidates, type Inference, pairScores, type Sides, what } from './candidates.js'

/** The thresholds of matching (DESIGN §7). */
export interface Thresholds {
  /** Below this, an inference falls back to dissolve + create (default 0.5). */
  readonly minConfidence: number
  /** At or below this, units are unrelated and not even listed as candidates (default 0.1). */
  readonly unrelated: number
}

/** The chosen inferences of a step and those that fell back to dissolve + create. */
export interface Matches {
  readonly accepted: Inference[]
  readonly below: Inference[]
}

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

function order(a: Inference, b: Inference): number {
  return (
    b.confidence - a.confidence ||
    byId(a.rule, b.rule) ||
    byId(a.targets.join('\u0000'), b.targets.join('\u0000')) ||
    byId(a.sources.join('\u0000'), b.sources.join('\u0000'))
  )
}

/** Connected groups of gone and new units linked by a pair score above `unrelated`. */
function components(
  pairs: ReadonlyMap<UnitId, ReadonlyMap<UnitId, number>>,
  unrelated: number,
): [UnitId[], UnitId[]][] {
  const byFresh = new Map<UnitId, UnitId[]>()
  for (const [gone, row] of pairs)
    for (const [fresh, s] of row) if (s > unrelated) byFresh.set(fresh, [...(byFresh.get(fresh) ?? []), gone])
  const seen = new Set<UnitId>()
  const out: [UnitId[], UnitId[]][] = []
  for (const start of [...pairs.keys()].sort(byId)) {
    if (seen.has(start)) continue
    const rows: UnitId[] = []
    const cols = new Set<UnitId>()
    const queue = [start]
    seen.add(start)
    while (queue.length > 0) {
      const gone = queue.pop()!
      rows.push(gone)
      for (const [fresh, s] of pairs.get(gone) ?? []) {
        if (s <= unrelated || cols.has(fresh)) continue
        cols.add(fresh)
        for (const other of byFresh.get(fresh) ?? []) {
          if (seen.has(other)) continue
          seen.add(other)
          queue.push(other)
        }
      }
    }
    if (cols.size > 0) out.push([rows.sort(byId), [...cols].sort(byId)])
  }
  return out
}

function idChanges(sides: Sides, pairs: Map<UnitId, Map<UnitId, number>>, unrelated: number): Inference[] {
  const out: Inference[] = []
  for (const [rows, cols] of components(pairs, unrelated)) {
    const weights = rows.map((r) => cols.map((c) => Math.max(0, (pairs.get(r)?.get(c) ?? 0) - unrelated)))
    for (const [i, j] of assign(weights).entries()) {
      if (j < 0) continue
      const [gone, fresh] = [rows[i]!, cols[j]!]
      const before = sides.before.get(gone)!
      const after = sides.after.get(fresh)!
      let shared = 0
      for (const x of before) if (after.has(x)) shared++
      const evidence = `${shared} of ${before.size} ${what(before)} of ${gone} are now in ${fresh} (which has ${after.size})`
      out.push({
        rule: 'id-change',
        sources: [gone],
        targets: [fresh],
        confidence: pairs.get(gone)!.get(fresh)!,
        evidence,
      })
    }
  }
  return out
}

function runnerUp(c: Inference, pairs: ReadonlyMap<UnitId, ReadonlyMap<UnitId, number>>): Inference['runnerUp'] {
  const targets = new Set(c.targets)
  const sources = new Set(c.sources)
  let top: { text: string; confidence: number } | undefined
  for (const [gone, row] of pairs)
    for (const [fresh, s] of row) {
      const mine = sources.has(gone) !== targets.has(fresh)
      if (!mine || s <= 0 || (top !== undefined && s <= top.confidence)) continue
      top = { text: `${gone} → ${fresh}`, confidence: s }
    }
  return top
}

function withRunnerUp(c: Inference, pairs: ReadonlyMap<UnitId, ReadonlyMap<UnitId, number>>): Inference {
  const r = runnerUp(c, pairs)
  return r === undefined ? c : { ...c, runnerUp: r }
}

/**
 * Chooses the inferences of one step: groups (merges, splits, spin-outs) by confidence, then the
 * optimal 1:1 assignment (Hungarian method) of the remaining gone and new units as id changes.
 * Ties resolve by rule and ids, so the same input always gives the same choice.
 */
export function matchStep(sides: Sides, thresholds: Thresholds): Matches {
  const accepted: Inference[] = []
  const below: Inference[] = []
  const used = new Set<UnitId>()
  const free = (c: Inference) =>
    c.sources.every((id) => !used.has(id) || sides.continuing.has(id)) &&
    c.targets.every((id) => !used.has(id) || sides.continuing.has(id))
  const take = (c: Inference) => {
    if (c.confidence <= thresholds.unrelated || !free(c)) return
    if (c.confidence < thresholds.minConfidence) return void below.push(c)
    accepted.push(c)
    for (const id of [...c.sources, ...c.targets]) used.add(id)
  }
  for (const c of groupCandidates(sides).sort(order)) take(c)
  const pairs = pairScores(sides)
  const open = new Map<UnitId, Map<UnitId, number>>()
  for (const [gone, row] of pairs) {
    if (used.has(gone)) continue
    const kept = new Map([...row].filter(([fresh]) => !used.has(fresh)))
    if (kept.size > 0) open.set(gone, kept)
  }
  for (const c of idChanges(sides, open, thresholds.unrelated).sort(order)) take(c)
  return {
    accepted: accepted.map((c) => withRunnerUp(c, pairs)).sort(order),
    below: below.map((c) => withRunnerUp(c, pairs)).sort(order),
  }
}
