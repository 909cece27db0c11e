import type { Event } from '../events/event.js'
import { VersionBuilder } from './build.js'
import type { LeaderVersion, PersonVersion, UnitVersion, Versioned, Versions } from './unitVersion.js'

/**
 * The bitemporal versions of a history: for each unit, holding and person, rows of what it was
 * over a rectangle of valid time × transaction time, such that the versions holding at (D, T) are
 * the org at D as known at T (DESIGN §3). Late-recorded events and retractions close versions in
 * transaction time rather than rewriting them. Check the history first (`Timeline.from`): an
 * event that breaks a rule in some view of it (as known at some T) is left out of that view.
 * @param history a valid history, in listed order
 * @returns the rows of the unit, leader and person tables
 * @example
 * import { unitCreated, versionsOf } from 'org-history'
 * const { units } = versionsOf([unitCreated({ unit: 'group', name: 'Group' }, { effective: '1999' })])
 * units[0]?.value.unit // 'group'
 * @since 0.2.0
 */
export function versionsOf(history: readonly Event[]): Versions {
  const { closed, current } = new VersionBuilder(history).rows()
  const units: Versioned<UnitVersion>[] = []
  const leaders: Versioned<LeaderVersion>[] = []
  const people: Versioned<PersonVersion>[] = []
  const add = (row: (typeof current)[number], recordedTo: number) => {
    const { validFrom, validTo, recordedFrom } = row
    const rectangle = { validFrom, validTo, recordedFrom, recordedTo }
    if (row.table === 'units') units.push({ value: row.value as UnitVersion, ...rectangle })
    else if (row.table === 'leaders') leaders.push({ value: row.value as LeaderVersion, ...rectangle })
    else people.push({ value: row.value as PersonVersion, ...rectangle })
  }
  for (const row of closed) add(row, row.recordedTo)
  for (const row of current) add(row, Number.POSITIVE_INFINITY)
  return { units, leaders, people }
}
