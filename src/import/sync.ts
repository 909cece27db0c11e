import { jsonEqual } from '../domain/json.js'
import { nameEquals } from '../domain/name.js'
import type { Json } from '../domain/state.js'
import { leaderAssigned } from '../events/LeaderAssigned.js'
import { leaderRemoved } from '../events/LeaderRemoved.js'
import { personRegistered } from '../events/PersonRegistered.js'
import { unitAttributesSet } from '../events/UnitAttributesSet.js'
import { unitMoved } from '../events/UnitMoved.js'
import { unitReclassified } from '../events/UnitReclassified.js'
import { unitRenamed } from '../events/UnitRenamed.js'
import { metaOf, type StepContext } from './context.js'
import type { SnapshotLeader, SnapshotUnit } from './snapshot.js'

/** People whose name is new or changed. */
export function writePeople(ctx: StepContext): void {
  const people = [...ctx.after.people].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  for (const p of people) {
    const known = ctx.model.people.get(p.id)
    if (p.name === null || (known !== undefined && nameEquals(known, p.name))) continue
    ctx.events.push(personRegistered({ person: p.id, name: p.name }, metaOf(ctx.after)))
    ctx.model.people.set(p.id, p.name)
  }
}

/** Name, kind and attributes of a unit of the later snapshot, where they differ. */
export function writeFields(ctx: StepContext, u: SnapshotUnit): void {
  const m = ctx.model.get(u.id)!
  const meta = metaOf(ctx.after)
  if (!nameEquals(m.name, u.name)) ctx.events.push(unitRenamed({ unit: u.id, name: u.name }, meta))
  if (m.kind !== u.kind) ctx.events.push(unitReclassified({ unit: u.id, kind: u.kind }, meta))
  const changes: Record<string, Json> = Object.create(null)
  let changed = false
  for (const key of Object.keys(u.attributes))
    if (!Object.hasOwn(m.attributes, key) || !jsonEqual(m.attributes[key], u.attributes[key]))
      [changes[key], changed] = [u.attributes[key]!, true]
  for (const key of Object.keys(m.attributes))
    if (!Object.hasOwn(u.attributes, key)) [changes[key], changed] = [null, true]
  if (changed) ctx.events.push(unitAttributesSet({ unit: u.id, attributes: { ...changes } }, meta))
  m.name = u.name
  m.kind = u.kind
  m.attributes = u.attributes
}

/** A unit under its parent of the later snapshot (called parents first, so no move meets a cycle). */
export function writeMove(ctx: StepContext, u: SnapshotUnit): void {
  if (ctx.model.get(u.id)!.parent === u.parent) return
  ctx.events.push(unitMoved({ unit: u.id, parent: u.parent }, metaOf(ctx.after)))
  ctx.model.move(u.id, u.parent)
}

const key = (l: SnapshotLeader) => `${l.person}\u0000${l.role}`

/** Holdings that ended, then holdings that began or changed title or acting. */
export function writeLeaders(ctx: StepContext, u: SnapshotUnit): void {
  const m = ctx.model.get(u.id)!
  const meta = metaOf(ctx.after)
  const wanted = new Map(u.leaders.map((l) => [key(l), l]))
  const current = new Map(m.leaders.map((l) => [key(l), l]))
  const kept: SnapshotLeader[] = []
  for (const l of m.leaders) {
    if (wanted.has(key(l))) kept.push(l)
    else
      ctx.events.push(
        leaderRemoved({ unit: u.id, person: l.person, ...(l.role === 'head' ? {} : { role: l.role }) }, meta),
      )
  }
  for (const l of u.leaders) {
    const held = current.get(key(l))
    if (held !== undefined && held.title === l.title && held.acting === l.acting) continue
    const others = kept.some((k) => k.role === l.role && k.person !== l.person)
    const data = {
      unit: u.id,
      person: l.person,
      ...(l.role === 'head' ? {} : { role: l.role }),
      ...(l.title !== null || held !== undefined ? { title: l.title } : {}),
      ...(l.acting ? { acting: true } : {}),
      ...(others ? { mode: 'add' as const } : {}),
    }
    ctx.events.push(leaderAssigned(data, meta))
    if (held === undefined) kept.push(l)
  }
  m.leaders = [...u.leaders]
}
