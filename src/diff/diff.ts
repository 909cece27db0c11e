import { jsonEqual } from '../domain/json.js'
import { nameEquals } from '../domain/name.js'
import type { Leader, OrgState, Unit } from '../domain/state.js'
import { trieDiff, trieGet } from '../domain/trie.js'
import { unit as getUnit } from '../queries/units.js'
import { CHANGE_KINDS, type Change, type Diff, type HoldingFields } from './types.js'

type LeaderAdded = Extract<Change, { kind: 'leader-added' }>

/** A holding the diff adds; its `order` is set once every change is known (see `withOrder`). */
function leaderAdded(unit: Unit, l: Leader): Change {
  const { person, role, title, acting, since } = l
  return { kind: 'leader-added', unit: unit.id, person, role, title, acting, since, order: -1 }
}

function leaderChanges(before: Unit, after: Unit, out: Change[]): void {
  if (before.leaders === after.leaders) return
  // A unit holds a handful of roles: linear searches, no maps or keys.
  const kept = new Array<boolean>(before.leaders.length).fill(false)
  for (const l of after.leaders) {
    const i = before.leaders.findIndex((w) => w.person === l.person && w.role === l.role)
    const was = i < 0 ? undefined : before.leaders[i]!
    // A holding whose start moved ended and started again: removed, then added (at the end).
    if (was?.since !== l.since) {
      out.push(leaderAdded(after, l))
      continue
    }
    kept[i] = true
    const from: { acting?: boolean; title?: string | null } = {}
    const to: typeof from = {}
    if (was.acting !== l.acting) [from.acting, to.acting] = [was.acting, l.acting]
    if (was.title !== l.title) [from.title, to.title] = [was.title, l.title]
    if (Object.keys(from).length > 0)
      out.push({
        kind: 'leader-updated',
        unit: after.id,
        person: l.person,
        role: l.role,
        from: from as HoldingFields,
        to,
      })
  }
  before.leaders.forEach((l, i) => {
    if (!kept[i]) out.push({ kind: 'leader-removed', unit: after.id, person: l.person, role: l.role })
  })
}

/** The change of a unit that has ended: its status, end date and successors. */
export const unitEnded = (u: Unit): Change => ({
  kind: 'unit-ended',
  unit: u.id,
  status: u.status as Exclude<Unit['status'], 'active'>,
  ended: u.ended!,
  successors: u.successors,
})

/** The changes of one unit between two of its versions (`undefined`: it did not exist), appended to `out`. */
export function unitChanges(before: Unit | undefined, after: Unit | undefined, out: Change[]): void {
  if (after === undefined || (before?.status !== undefined && before.status !== 'active')) return
  if (before === undefined) {
    const { id: unit, parent, name, kind: unitKind, since } = after
    out.push({ kind: 'unit-added', unit, parent, name, unitKind, since })
    if (after.status !== 'active') {
      out.push(unitEnded(after))
      return
    }
    if (Object.keys(after.attributes).length > 0)
      out.push({ kind: 'attributes-changed', unit: after.id, from: {}, to: after.attributes })
    for (const l of after.leaders) out.push(leaderAdded(after, l))
    return
  }
  if (after.status !== 'active') {
    out.push(unitEnded(after))
    return
  }
  if (!nameEquals(before.name, after.name))
    out.push({ kind: 'unit-renamed', unit: after.id, from: before.name, to: after.name })
  if (before.parent !== after.parent)
    out.push({ kind: 'unit-moved', unit: after.id, from: before.parent, to: after.parent })
  if (before.kind !== after.kind)
    out.push({ kind: 'unit-reclassified', unit: after.id, from: before.kind, to: after.kind })
  if (before.attributes !== after.attributes && !jsonEqual(before.attributes, after.attributes))
    out.push({ kind: 'attributes-changed', unit: after.id, from: before.attributes, to: after.attributes })
  leaderChanges(before, after, out)
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/**
 * The depth-first rank (siblings by id) of the added units that are active in `after`. Only the
 * units on the way from a root to an added unit are walked, each once, not the whole org.
 */
function treeRanks(after: OrgState, added: ReadonlySet<string>): Map<string, number> {
  const onPath = new Set<string>()
  const starts: string[] = []
  for (const id of added) {
    if (getUnit(after, id)?.status !== 'active') continue
    // The ancestors of an active unit are active, up to a root.
    for (let p: string | null = id; p !== null && !onPath.has(p); ) {
      onPath.add(p)
      const parent: string | null = getUnit(after, p)?.parent ?? null
      if (parent === null) starts.push(p)
      p = parent
    }
  }
  const ranks = new Map<string, number>()
  const stack = starts.sort().reverse()
  for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
    if (added.has(id)) ranks.set(id, ranks.size)
    const below = getUnit(after, id)!.children.filter((c) => onPath.has(c))
    // Pushed one by one: a parent may have tens of thousands of children (no spread into arguments).
    below.sort()
    for (let i = below.length - 1; i >= 0; i--) stack.push(below[i]!)
  }
  return ranks
}

const KIND_RANK = new Map<string, number>(CHANGE_KINDS.map((k, i) => [k, i]))

/** Changes of one kind and unit: by role, then person (changes without a holding tie). */
function compareHoldings(a: Change, b: Change): number {
  if (!('person' in a) || !('person' in b)) return 0
  return compareText(a.role, b.role) || compareText(a.person, b.person)
}

/** Bits of a sort key: the kind, then the place of the unit, then the change's index (a tie-break). */
const INDEX = 2 ** 24
const PLACE = 2 ** 25

/**
 * The changes in DESIGN §4's order: by kind; added units depth-first (active ones, then the others
 * by id), the rest by unit id; then by holding. Each change gets one number (kind, place, index),
 * so the sort is a numeric sort of a typed array with no comparator; only changes of one kind and
 * one unit (several holdings) are then compared.
 */
function sortChanges(changes: Change[], after: OrgState): Change[] {
  if (changes.length >= INDEX) throw new RangeError(`a diff of more than ${INDEX - 1} changes`)
  const treeRank = treeRanks(after, new Set(changes.filter((c) => c.kind === 'unit-added').map((c) => c.unit)))
  // The default sort compares UTF-16 code units, as `compareText` does.
  const ids = [...new Set(changes.map((c) => c.unit))].sort()
  const unitRank = new Map(ids.map((id, i) => [id, i]))
  const place = (c: Change) =>
    c.kind !== 'unit-added' ? unitRank.get(c.unit)! : (treeRank.get(c.unit) ?? treeRank.size + unitRank.get(c.unit)!)
  const keys = new Float64Array(changes.length)
  for (let i = 0; i < changes.length; i++) {
    const c = changes[i]!
    keys[i] = (KIND_RANK.get(c.kind)! * PLACE + place(c)) * INDEX + i
  }
  keys.sort()
  const sorted = Array.from(keys, (k) => changes[k % INDEX]!)
  // Runs of one kind and one unit: by holding (stable, so by index among equals).
  for (let from = 0; from < keys.length; ) {
    const group = Math.floor(keys[from]! / INDEX)
    let to = from + 1
    while (to < keys.length && Math.floor(keys[to]! / INDEX) === group) to++
    if (to - from > 1) {
      const run = sorted.slice(from, to).sort(compareHoldings)
      for (let i = 0; i < run.length; i++) sorted[from + i] = run[i]!
    }
    from = to
  }
  return sorted
}

const holdingId = (unit: string, role: string, person: string) => `${unit}\u0000${role}\u0000${person}`

/**
 * Numbers the holdings a diff adds in an order they can be added in: within each unit as in its
 * leaders, within each person as in their roles (a depth-first topological order, listed order first).
 */
function withOrder(changes: readonly Change[], to: OrgState): Change[] {
  const added = changes.filter((c): c is LeaderAdded => c.kind === 'leader-added')
  if (added.length === 0) return [...changes]
  // Only a unit or person with two added holdings or more orders anything.
  const shared = (key: (c: LeaderAdded) => string) => {
    const count = new Map<string, number>()
    for (const c of added) count.set(key(c), (count.get(key(c)) ?? 0) + 1)
    return [...count].filter(([, n]) => n > 1).map(([k]) => k)
  }
  const units = shared((c) => c.unit)
  const people = shared((c) => c.person)
  if (units.length === 0 && people.length === 0) {
    let next = 0
    return changes.map((c) => (c.kind === 'leader-added' ? { ...c, order: next++ } : c))
  }
  const index = new Map(added.map((c, i) => [holdingId(c.unit, c.role, c.person), i]))
  const before: number[][] = added.map(() => [])
  const chain = (ids: readonly string[]) => {
    const found = ids.map((id) => index.get(id)).filter((i) => i !== undefined)
    for (let k = 1; k < found.length; k++) before[found[k]!]!.push(found[k - 1]!)
  }
  for (const u of units) chain((trieGet(to.units, u)?.leaders ?? []).map((l) => holdingId(u, l.role, l.person)))
  for (const p of people) chain((trieGet(to.people, p)?.roles ?? []).map((r) => holdingId(r.unit, r.role, p)))
  const order = new Array<number>(added.length).fill(-1)
  const open = new Uint8Array(added.length)
  let next = 0
  for (let i = 0; i < added.length; i++) {
    const stack = order[i] === -1 ? [i] : []
    open[i] = 1
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!
      const pending = before[top]!.find((p) => order[p] === -1 && open[p] === 0)
      if (pending === undefined) {
        order[stack.pop()!] = next++
        continue
      }
      stack.push(pending)
      open[pending] = 1
    }
  }
  const rank = new Map(added.map((c, i) => [c, order[i]!]))
  return changes.map((c) => (c.kind === 'leader-added' ? { ...c, order: rank.get(c)! } : c))
}

/**
 * The differences between two states: units added, ended, renamed, moved, reclassified, attributes and leaders
 * changed (a unit that moved with its parent is not listed). Parts the two states share are
 * skipped, so comparing two states of one history costs what changed between them. Each change
 * carries what `applyDiff` needs to turn `from` into `to` (see {@link Change}).
 * @param from the earlier state
 * @param to the later state
 * @param events ids of the events between them, when known
 * @example
 * diff(stateAtOrThrow(h, '2021-12-31'), stateAtOrThrow(h, '2022-01-06')).changes.length
 * @since 0.1.0
 */
export function diff(from: OrgState, to: OrgState, events: readonly string[] = []): Diff {
  const changes: Change[] = []
  trieDiff(from.units, to.units, (_id, before, after) => unitChanges(before, after, changes))
  return { from: from.at, to: to.at, changes: withOrder(sortChanges(changes, to), to), events }
}
