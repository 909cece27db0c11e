import type { UnitId } from '../domain/ids.js'
import { jsonEqual } from '../domain/json.js'
import { nameEquals } from '../domain/name.js'
import type { Leader, OrgState, Unit } from '../domain/state.js'
import { trieDiff, trieGet } from '../domain/trie.js'
import { unit as getUnit } from '../queries/units.js'
import { holdingIndex } from '../reducer/access.js'
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
    const i = holdingIndex(before.leaders, l.person, l.role)
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
  for (let i = 0; i < before.leaders.length; i++) {
    const l = before.leaders[i]!
    if (!kept[i]) out.push({ kind: 'leader-removed', unit: after.id, person: l.person, role: l.role })
  }
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
 * units on the way from a root to an added unit are visited, each once, not the whole org.
 */
function treeRanks(after: OrgState, added: readonly UnitId[]): Map<UnitId, number> {
  // The units on those paths, each with its children that are on a path too.
  const below = new Map<UnitId, UnitId[]>()
  const roots: UnitId[] = []
  for (const id of added) {
    if (below.has(id) || getUnit(after, id)?.status !== 'active') continue
    below.set(id, [])
    // Up to a root, or to a unit already on a path. The ancestors of an active unit are active.
    for (let p = id; ; ) {
      const parent = getUnit(after, p)!.parent
      if (parent === null) {
        roots.push(p)
        break
      }
      const next = below.get(parent)
      if (next !== undefined) {
        next.push(p)
        break
      }
      below.set(parent, [p])
      p = parent
    }
  }
  const isAdded = new Set(added)
  const ranks = new Map<UnitId, number>()
  const stack = roots.sort().reverse()
  for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
    if (isAdded.has(id)) ranks.set(id, ranks.size)
    // Pushed one by one: a parent may have tens of thousands of children (no spread into arguments).
    const next = below.get(id)!.sort()
    for (let i = next.length - 1; i >= 0; i--) stack.push(next[i]!)
  }
  return ranks
}

const KIND_RANK = new Map<string, number>(CHANGE_KINDS.map((k, i) => [k, i]))

/** Changes of one kind and unit: by role, then person (changes without a holding tie). */
function compareHoldings(a: Change, b: Change): number {
  if (!('person' in a) || !('person' in b)) return 0
  return compareText(a.role, b.role) || compareText(a.person, b.person)
}

/** The changes found for one unit: `changes[from]` to `changes[to]` (exclusive). */
interface Span {
  readonly unit: UnitId
  readonly from: number
  readonly to: number
}

/** The changes of a diff as they are found, one unit at a time, before they are put in order. */
class Found {
  readonly changes: Change[] = []
  readonly spans: Span[] = []

  unit(id: UnitId, before: Unit | undefined, after: Unit | undefined): void {
    const from = this.changes.length
    unitChanges(before, after, this.changes)
    if (this.changes.length > from) this.spans.push({ unit: id, from, to: this.changes.length })
  }
}

/**
 * The changes in DESIGN §4's order: by kind; added units depth-first (active ones, then the others
 * by id), the rest by unit id; then by holding. Units are taken in id order and their changes
 * dealt into one list per kind, which leaves each list in unit order; the added units are then
 * ranked in the tree, and runs of one unit (several holdings) sorted by holding.
 */
function sortChanges({ changes, spans }: Found, after: OrgState): Change[] {
  spans.sort((a, b) => compareText(a.unit, b.unit))
  const byKind: Change[][] = CHANGE_KINDS.map(() => [])
  for (const { from, to } of spans)
    for (let i = from; i < to; i++) byKind[KIND_RANK.get(changes[i]!.kind)!]!.push(changes[i]!)
  const added = byKind[KIND_RANK.get('unit-added')!]!
  const rank = treeRanks(
    after,
    added.map((c) => c.unit),
  )
  // Stable: the added units that are not active share the last place, so they keep their id order.
  const place = (c: Change) => rank.get(c.unit) ?? rank.size
  added.sort((a, b) => place(a) - place(b))
  const sorted: Change[] = []
  for (const list of byKind) {
    for (let from = 0; from < list.length; ) {
      let to = from + 1
      while (to < list.length && list[to]!.unit === list[from]!.unit) to++
      if (to - from > 1) {
        const run = list.slice(from, to).sort(compareHoldings)
        for (const c of run) sorted.push(c)
      } else sorted.push(list[from]!)
      from = to
    }
  }
  return sorted
}

const holdingId = (unit: string, role: string, person: string) => `${unit}\u0000${role}\u0000${person}`

/**
 * Numbers the holdings a diff adds in an order they can be added in: within each unit as in its
 * leaders, within each person as in their roles (a depth-first topological order, listed order first).
 */
function withOrder(changes: Change[], to: OrgState): Change[] {
  const added = changes.filter((c): c is LeaderAdded => c.kind === 'leader-added')
  if (added.length === 0) return changes
  // Only a unit or person with two added holdings or more orders anything.
  const shared = (key: (c: LeaderAdded) => string) => {
    const count = new Map<string, number>()
    for (const c of added) count.set(key(c), (count.get(key(c)) ?? 0) + 1)
    return [...count].filter(([, n]) => n > 1).map(([k]) => k)
  }
  const units = shared((c) => c.unit)
  const people = shared((c) => c.person)
  // The changes are the diff's own, just made: their order is set in place.
  const setOrder = (c: LeaderAdded, order: number): void => {
    ;(c as { order: number }).order = order
  }
  if (units.length === 0 && people.length === 0) {
    added.forEach(setOrder)
    return changes
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
  for (let i = 0; i < added.length; i++) setOrder(added[i]!, order[i]!)
  return changes
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
  const found = new Found()
  trieDiff(from.units, to.units, (id, before, after) => found.unit(id, before, after))
  return finishDiff(from, to, events, found)
}

/**
 * {@link diff} of two states of one history, given the units the events between them changed (a
 * timeline's valid-time index): only those units are compared, so the cost follows the events
 * between the two dates, not the size of the org. Any unit left out must be the same in both.
 */
export function diffOfUnits(from: OrgState, to: OrgState, events: readonly string[], units: Iterable<UnitId>): Diff {
  const found = new Found()
  for (const id of units) {
    const before = trieGet(from.units, id)
    const after = trieGet(to.units, id)
    if (before !== after) found.unit(id, before, after)
  }
  return finishDiff(from, to, events, found)
}

// The order the units are found in decides nothing: each is found once, and the sort places every
// change by its kind and unit (the order found only breaks ties within one unit).
const finishDiff = (from: OrgState, to: OrgState, events: readonly string[], found: Found): Diff => ({
  from: from.at,
  to: to.at,
  changes: withOrder(sortChanges(found, to), to),
  events,
})
