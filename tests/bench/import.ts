// The `import` figure of the benchmark: monthly snapshots of a large org, with members, into a history.
import { importSnapshotsOrThrow, type Snapshot, type SnapshotUnit } from '../../src/index.js'

interface Unit {
  id: string
  name: string
  parent: string | null
  members: string[]
}

/** 24 monthly snapshots: each month renames, moves, merges and splits a few leaf units. */
export function monthlySnapshots(units: number, members: number, months: number, rng: () => number): Snapshot[] {
  const org: Unit[] = []
  let next = 0
  const id = () => `u${next++}`
  for (let i = 0; i < units; i++) {
    const parent = i === 0 ? null : org[Math.floor(rng() * Math.min(i, Math.max(1, i / 4)))]!.id
    org.push({ id: id(), name: `Unit ${i}`, parent, members: [] })
  }
  for (let p = 0; p < members; p++) org[1 + Math.floor(rng() * (units - 1))]!.members.push(`p${p}`)
  const snapshots: Snapshot[] = []
  for (let m = 0; m < months; m++) {
    if (m > 0) evolveMonth(org, rng, id)
    const date = new Date(Date.UTC(2022, m + 1, 0)).toISOString().slice(0, 10)
    const list: SnapshotUnit[] = org.map((u) => ({
      id: u.id,
      name: u.name,
      kind: null,
      parent: u.parent,
      attributes: {},
      leaders: [],
      members: u.members,
    }))
    snapshots.push({ date, file: `org-${date}.json`, units: list, people: [] })
  }
  return snapshots
}

function evolveMonth(org: Unit[], rng: () => number, id: () => string): void {
  const parents = new Set(org.map((u) => u.parent))
  const leaves = () => org.filter((u) => u.parent !== null && !parents.has(u.id))
  const changes = Math.max(2, Math.floor(org.length / 200))
  for (let i = 0; i < changes; i++) org[1 + Math.floor(rng() * (org.length - 1))]!.name += "'"
  const ls = leaves()
  for (let i = 0; i + 1 < changes && i + 1 < ls.length; i += 2) {
    const [a, b] = [ls[i]!, ls[i + 1]!]
    const merged: Unit = { id: id(), name: `${a.name}+`, parent: a.parent, members: [...a.members, ...b.members] }
    org.splice(org.indexOf(a), 1)
    org.splice(org.indexOf(b), 1)
    org.push(merged)
  }
  for (const s of ls.slice(changes, changes + Math.floor(changes / 2))) {
    const half = Math.ceil(s.members.length / 2)
    org.splice(org.indexOf(s), 1)
    org.push({ id: id(), name: `${s.name}/1`, parent: s.parent, members: s.members.slice(0, half) })
    org.push({ id: id(), name: `${s.name}/2`, parent: s.parent, members: s.members.slice(half) })
  }
}

/** Imports the snapshots once and reports the time. */
export function importSection(quick: boolean, rng: () => number) {
  const [units, members, snapshots] = quick ? [2_000, 20_000, 6] : [20_000, 200_000, 24]
  const input = monthlySnapshots(units, members, snapshots, rng)
  const start = performance.now()
  const { events } = importSnapshotsOrThrow(input)
  const ms = performance.now() - start
  return { snapshots, units, members, events: events.length, ms: Math.round(ms) }
}
