import type { UnitId } from '../domain/ids.js'
import type { Event } from '../events/event.js'

/**
 * What of a unit an event changes (DESIGN §8): its existence (created or ended), its name, its
 * parent, its kind, one leader role (`role:head`) or one attribute key (`attribute:brands`).
 * @since 0.2.0
 */
export type Aspect = 'existence' | 'name' | 'parent' | 'kind' | `role:${string}` | `attribute:${string}`

/**
 * One aspect of one unit that an event changes.
 * @since 0.2.0
 */
export interface Touch {
  readonly unit: UnitId
  readonly aspect: Aspect
}

const touch = (unit: UnitId, aspect: Aspect): Touch => ({ unit, aspect })

/**
 * The aspects of units an event changes, read from the event alone (children that a merge or a
 * cascading dissolution carries along are not listed: their own aspects do not change).
 * @param event any event
 * @returns the unit and aspect of each change, in the event's order
 * @example
 * touches(unitRenamed({ unit: 'tmall', name: '天貓' }, { effective: '2022-01-01' }))
 * // [{ unit: 'tmall', aspect: 'name' }]
 * @since 0.2.0
 */
export function touches(event: Event): Touch[] {
  switch (event.type) {
    case 'UnitCreated':
      return [touch(event.data.unit, 'existence')]
    case 'UnitRenamed':
      return [touch(event.data.unit, 'name')]
    case 'UnitMoved':
      return [touch(event.data.unit, 'parent')]
    case 'UnitMerged':
      return [...event.data.units.map((u) => touch(u, 'existence')), touch(event.data.into, 'existence')]
    case 'UnitSplit': {
      const { unit, into, retain, children } = event.data
      return [
        ...(retain === true ? [] : [touch(unit, 'existence')]),
        ...into.map((part) => touch(part.unit, 'existence')),
        ...Object.keys(children ?? {}).map((child) => touch(child, 'parent')),
      ]
    }
    case 'UnitDissolved':
      return [touch(event.data.unit, 'existence')]
    case 'LeaderAssigned':
    case 'LeaderRemoved':
      return [touch(event.data.unit, `role:${event.data.role ?? 'head'}`)]
    case 'UnitReclassified':
      return [touch(event.data.unit, 'kind')]
    case 'UnitAttributesSet':
      return Object.keys(event.data.attributes).map((key) => touch(event.data.unit, `attribute:${key}`))
    case 'PersonRegistered':
    case 'EventRetracted':
      return []
    default: {
      const never: never = event
      return never
    }
  }
}

/**
 * The first aspect two events both change (same unit, same aspect), if any.
 * @param a an event
 * @param b another event
 * @returns the shared unit and aspect, or `undefined`
 * @example
 * sharedAspect(event, merged) // e.g. { unit: 'tmall', aspect: 'parent' }, or undefined
 * @since 0.2.0
 */
export function sharedAspect(a: Event, b: Event): Touch | undefined {
  const mine = touches(a)
  if (mine.length === 0) return undefined
  const keys = new Set(mine.map((t) => `${t.unit}\u0000${t.aspect}`))
  return touches(b).find((t) => keys.has(`${t.unit}\u0000${t.aspect}`))
}
