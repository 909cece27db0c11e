// How many of the true merges and splits of generated histories `importSnapshots` finds, and how
// many it invents: `npx tsx tests/bench/import-accuracy.ts [runs]`.
import fc from 'fast-check'
import type { Event } from '../../src/index.js'
import { dayText, importSnapshots, type OrgState, parseDate, stateAtOrThrow, toJSON, unit } from '../../src/index.js'
import { fromJSON } from '../import/support.js'
import { historyArb } from '../support/arbitraries.js'

const PER_UNIT = 4

/** Where a person native to `origin` is at a state: follow successors of ended units. */
function home(state: OrgState, origin: string, k: number): string | undefined {
  let at = unit(state, origin)
  while (at !== undefined && at.status !== 'active') {
    if (at.successors.length === 0) return undefined
    at = unit(state, at.successors[k % at.successors.length]!)
  }
  return at?.id
}

function snapshotsOf(history: Event[], days: string[]) {
  const ids = [
    ...new Set(
      history.flatMap((e) =>
        e.type === 'UnitCreated'
          ? [e.data.unit]
          : e.type === 'UnitMerged'
            ? [e.data.into]
            : e.type === 'UnitSplit'
              ? e.data.into.map((p) => p.unit)
              : [],
      ),
    ),
  ]
  return days.map((d) => {
    const state = stateAtOrThrow(history, d)
    const s = fromJSON(toJSON(state), `org-${d}.json`)
    const members = new Map<string, string[]>()
    for (const id of ids)
      for (let k = 0; k < PER_UNIT; k++) {
        const h = home(state, id, k)
        if (h !== undefined) members.set(h, [...(members.get(h) ?? []), `${id}#${k}`])
      }
    return { ...s, units: s.units.map((u) => ({ ...u, members: members.get(u.id) ?? [] })) }
  })
}

const runs = Number(process.argv[2] ?? 300)
let truth = 0
let found = 0
let invented = 0
let failed = 0
for (const history of fc.sample(historyArb({ minEvents: 5, maxEvents: 40 }), { numRuns: runs, seed: 42 })) {
  const days = [...new Set(history.map((e) => dayText(parseDate(e.effective!)!.start)))].sort()
  const snaps = snapshotsOf(history, days)
  const r = importSnapshots(snaps)
  if (r._tag === 'Left') {
    failed++
    continue
  }
  const key = (e: Event) =>
    e.type === 'UnitMerged'
      ? `merge ${[...e.data.units].sort()}→${e.data.into}`
      : e.type === 'UnitSplit'
        ? `split ${e.data.unit}→${e.data.into.map((p) => p.unit).sort()}`
        : undefined
  const want = new Set(history.map(key).filter((k) => k !== undefined))
  const got = new Set(
    r.right.events
      .filter((e) => e.inferred !== undefined && e.inferred.rule !== 'id-change')
      .map(key)
      .filter((k) => k !== undefined),
  )
  truth += want.size
  for (const k of got)
    if (want.has(k)) found++
    else invented++
}
console.log(JSON.stringify({ histories: runs, trueMergesAndSplits: truth, found, invented, importFailed: failed }))
