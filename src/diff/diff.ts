import { jsonEqual } from '../domain/json.js'
import { nameEquals } from '../domain/name.js'
import type { Leader, OrgState, Unit } from '../domain/state.js'
import { trieDiff } from '../domain/trie.js'
import { activeUnits } from '../queries/units.js'
import { CHANGE_KINDS, type Change, type Diff, type HoldingFields } from './types.js'

const holdingKey = (l: Leader) => `${l.role}\u0000${l.person}`

function leaderAdded(unit: Unit, l: Leader): Change {
  return {
    kind: 'leader-added',
    unit: unit.id,
    person: l.person,
    role: l.role,
    title: l.title,
    acting: l.acting,
    since: l.since,
  }
}

function leaderChanges(before: Unit, after: Unit, out: Change[]): void {
  if (before.leaders === after.leaders) return
  const old = new Map(before.leaders.map((l) => [holdingKey(l), l]))
  for (const l of after.leaders) {
    const was = old.get(holdingKey(l))
    old.delete(holdingKey(l))
    if (was === undefined) {
      out.push(leaderAdded(after, l))
      continue
    }
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
  for (const l of old.values()) out.push({ kind: 'leader-removed', unit: after.id, person: l.person, role: l.role })
}

function unitChanges(before: Unit | undefined, after: Unit | undefined, out: Change[]): void {
  if (after === undefined || (before?.status !== undefined && before.status !== 'active')) return
  if (before === undefined) {
    if (after.status !== 'active') return
    out.push({ kind: 'unit-added', unit: after.id, parent: after.parent, name: after.name, since: after.since })
    if (Object.keys(after.attributes).length > 0)
      out.push({ kind: 'attributes-changed', unit: after.id, from: {}, to: after.attributes })
    for (const l of after.leaders) out.push(leaderAdded(after, l))
    return
  }
  if (after.status !== 'active') {
    out.push({ kind: 'unit-ended', unit: after.id, status: after.status, successors: after.successors })
    return
  }
  if (!nameEquals(before.name, after.name))
    out.push({ kind: 'unit-renamed', unit: after.id, from: before.name, to: after.name })
  if (before.parent !== after.parent)
    out.push({ kind: 'unit-moved', unit: after.id, from: before.parent, to: after.parent })
  if (before.attributes !== after.attributes && !jsonEqual(before.attributes, after.attributes))
    out.push({ kind: 'attributes-changed', unit: after.id, from: before.attributes, to: after.attributes })
  leaderChanges(before, after, out)
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

function sortChanges(changes: Change[], after: OrgState): Change[] {
  const kindRank = new Map<string, number>(CHANGE_KINDS.map((k, i) => [k, i]))
  const added = changes.some((c) => c.kind === 'unit-added')
  const treeRank = new Map<string, number>(added ? activeUnits(after).map((u, i) => [u.id, i]) : [])
  const person = (c: Change) => ('person' in c ? `${c.role}\u0000${c.person}` : '')
  return changes.sort(
    (a, b) =>
      kindRank.get(a.kind)! - kindRank.get(b.kind)! ||
      (a.kind === 'unit-added' ? treeRank.get(a.unit)! - treeRank.get(b.unit)! : compareText(a.unit, b.unit)) ||
      compareText(person(a), person(b)),
  )
}

/**
 * The differences between two states: units added, ended, renamed, moved, attributes and leaders
 * changed (a unit that moved with its parent is not listed). Parts the two states share are
 * skipped, so comparing two states of one history costs what changed between them.
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
  return { from: from.at, to: to.at, changes: sortChanges(changes, to), events }
}
