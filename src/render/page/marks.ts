import type { Change } from '../../diff/types.js'
import type { PersonId, UnitId } from '../../domain/ids.js'

/** How a unit changed on a date, as the page marks it. @since 0.1.0 */
export type ChangeMark = 'added' | 'renamed' | 'moved' | 'reclassified' | 'leaders' | 'attributes' | 'ended'

/** A leader holding that started, changed (title, acting) or ended in a unit that goes on. @since 0.1.0 */
export type HoldingChange = readonly [
  unit: UnitId,
  person: PersonId,
  role: string,
  how: 'added' | 'updated' | 'removed',
]

const MARKS: Record<Change['kind'], ChangeMark> = {
  'unit-added': 'added',
  'unit-ended': 'ended',
  'unit-renamed': 'renamed',
  'unit-moved': 'moved',
  'unit-reclassified': 'reclassified',
  'attributes-changed': 'attributes',
  'leader-added': 'leaders',
  'leader-removed': 'leaders',
  'leader-updated': 'leaders',
}

/**
 * How each unit changed between two states, from their diff: a unit added on the date is only
 * `added`, however it was set up; units in the order of the diff.
 * @param changes the changes of a diff
 * @returns each changed unit with its marks
 * @example
 * changeMarks(diff(before, after).changes) // [['taobao-tmall', ['added']], ['alimama', ['moved']], …]
 * @since 0.1.0
 */
export function changeMarks(changes: readonly Change[]): [UnitId, ChangeMark[]][] {
  const marks = new Map<UnitId, ChangeMark[]>()
  for (const c of changes) {
    const list = marks.get(c.unit) ?? []
    const mark = MARKS[c.kind]
    if (!list.includes(mark) && !(list.includes('added') && mark !== 'ended')) list.push(mark)
    marks.set(c.unit, list)
  }
  return [...marks]
}

/**
 * The leader holdings that changed in units that were there before (in a new unit every holding
 * is new, and the page says so once, on the unit).
 * @param changes the changes of a diff
 * @returns one entry per holding added, updated or removed
 * @example
 * holdingChanges(diff(before, after).changes) // [['alibaba-group', 'dai-shan', 'president', 'added']]
 * @since 0.1.0
 */
export function holdingChanges(changes: readonly Change[]): HoldingChange[] {
  const added = new Set(changes.flatMap((c) => (c.kind === 'unit-added' ? [c.unit] : [])))
  const out: HoldingChange[] = []
  for (const c of changes) {
    if (added.has(c.unit)) continue
    if (c.kind === 'leader-added') out.push([c.unit, c.person, c.role, 'added'])
    if (c.kind === 'leader-updated') out.push([c.unit, c.person, c.role, 'updated'])
    if (c.kind === 'leader-removed') out.push([c.unit, c.person, c.role, 'removed'])
  }
  return out
}
