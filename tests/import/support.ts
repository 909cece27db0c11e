import type { Snapshot, SnapshotUnit } from '../../src/import/snapshot.js'

/** A unit of a hand-made snapshot. */
export function u(id: string, parent: string | null, extra: Partial<SnapshotUnit> = {}): SnapshotUnit {
  return { id, name: extra.name ?? id, kind: null, parent, attributes: {}, leaders: [], ...extra }
}

/** A hand-made snapshot. */
export function snap(date: string, units: SnapshotUnit[], people: Snapshot['people'] = []): Snapshot {
  return { date, file: `org-${date}.csv`, units, people }
}

/** `n` member ids with a prefix. */
export const members = (prefix: string, n: number, from = 0) =>
  Array.from({ length: n }, (_, i) => `${prefix}${i + from}`)

import type { Event } from '../../src/events/event.js'
import type { StateJSON } from '../../src/queries/json.js'

/** The org of `at --format json` as a snapshot. */
export function fromJSON(json: StateJSON, file: string): Snapshot {
  return {
    date: json.at!,
    file,
    units: json.units.map((x) => ({
      id: x.id,
      name: x.name,
      kind: x.kind,
      parent: x.parent,
      attributes: x.attributes,
      leaders: x.leaders.map(({ person, role, title, acting }) => ({ person, role, title, acting })),
    })),
    people: json.people.map((p) => ({ id: p.id, name: p.name })),
  }
}

/** Events as short lines, for pinned expectations. */
export function brief(events: readonly Event[]): string[] {
  return events.map(
    (e) =>
      `${e.effective} ${e.type} ${JSON.stringify(e.data)}${e.inferred ? ` [${e.inferred.rule} ${e.inferred.confidence}]` : ''}`,
  )
}
