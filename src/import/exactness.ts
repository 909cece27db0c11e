import { isLeft } from 'fp-ts/lib/Either.js'
import type { UnitId } from '../domain/ids.js'
import { jsonEqual } from '../domain/json.js'
import { nameEquals } from '../domain/name.js'
import type { OrgState } from '../domain/state.js'
import { formatError } from '../errors/format.js'
import type { Event } from '../events/event.js'
import { toJSON, type UnitJSON } from '../queries/json.js'
import { Timeline } from '../timeline/Timeline.js'
import { type ImportError, importError, type Snapshot, type SnapshotLeader } from './snapshot.js'

const leaderText = (l: Omit<SnapshotLeader, 'since'>) =>
  `${l.person} ${l.role}${l.title === null ? '' : ` '${l.title}'`}${l.acting ? ' (acting)' : ''}`
const leadersText = (ls: readonly Omit<SnapshotLeader, 'since'>[]) => ls.map(leaderText).sort().join(', ') || 'none'
const show = (x: unknown) => JSON.stringify(x)

function unitDifference(s: Snapshot['units'][number], u: UnitJSON): string | undefined {
  if (!nameEquals(s.name, u.name)) return `unit '${s.id}' is named ${show(u.name)}, not ${show(s.name)}`
  if (s.kind !== u.kind) return `unit '${s.id}' has kind ${show(u.kind)}, not ${show(s.kind)}`
  if (s.parent !== u.parent) return `unit '${s.id}' is under ${show(u.parent)}, not ${show(s.parent)}`
  if (!jsonEqual(s.attributes, u.attributes))
    return `unit '${s.id}' has attributes ${show(u.attributes)}, not ${show(s.attributes)}`
  const [want, got] = [leadersText(s.leaders), leadersText(u.leaders)]
  return want === got ? undefined : `unit '${s.id}' has leaders ${got}, not ${want}`
}

/** The first difference between a snapshot and the org of the output at its date, or `undefined`. */
export function firstDifference(snapshot: Snapshot, state: OrgState, kept: ReadonlySet<UnitId>): string | undefined {
  const json = toJSON(state)
  const units = new Map(json.units.map((u) => [u.id, u]))
  for (const s of snapshot.units) {
    const u = units.get(s.id)
    if (u === undefined) return `unit '${s.id}' is not active`
    const d = unitDifference(s, u)
    if (d !== undefined) return d
  }
  const listed = new Set(snapshot.units.map((u) => u.id))
  for (const u of json.units)
    if (!listed.has(u.id) && !kept.has(u.id)) return `unit '${u.id}' is active but not in the snapshot`
  const people = new Map(json.people.map((p) => [p.id, p]))
  for (const p of snapshot.people) {
    const name = people.get(p.id)?.name ?? null
    if (p.name !== null && (name === null || !nameEquals(name, p.name)))
      return `person '${p.id}' is named ${show(name)}, not ${show(p.name)}`
  }
  return undefined
}

/**
 * Replays the output and compares the org at each snapshot's date with the snapshot: the
 * importer's own check before anything is written.
 * @param events the output
 * @param snapshots the snapshots in date order
 * @param kept for each snapshot, the units kept through a gap at its date
 * @returns the errors (the output is invalid, or the first difference of a date)
 */
export function checkExact(
  events: readonly Event[],
  snapshots: readonly Snapshot[],
  kept: readonly ReadonlySet<UnitId>[],
): ImportError[] {
  const timeline = Timeline.from(events)
  if (isLeft(timeline))
    return [
      importError(null, `the imported history does not validate (a bug of import): ${formatError(timeline.left[0]!)}`),
    ]
  const errors: ImportError[] = []
  for (const [i, snapshot] of snapshots.entries()) {
    const state = timeline.right.atOrThrow(snapshot.date)
    const d = firstDifference(snapshot, state, kept[i]!)
    if (d !== undefined)
      errors.push(
        importError(
          snapshot.origin ?? { file: snapshot.file, line: 1 },
          `the imported history differs from the snapshot of ${snapshot.date} (a bug of import): ${d}`,
        ),
      )
  }
  return errors
}
