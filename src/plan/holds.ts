import { jsonEqual } from '../domain/json.js'
import { nameEquals } from '../domain/name.js'
import type { OrgState, Unit } from '../domain/state.js'
import { trieGet } from '../domain/trie.js'
import type { Event } from '../events/event.js'
import { holdingIndex } from '../reducer/access.js'

const unitOf = (state: OrgState, id: string): Unit | undefined => trieGet(state.units, id)

const attributesHold = (u: Unit, attributes: { readonly [key: string]: unknown } | undefined) =>
  Object.entries(attributes ?? {}).every(([key, value]) =>
    value === null ? !Object.hasOwn(u.attributes, key) : jsonEqual(u.attributes[key], value as never),
  )

function createdAs(state: OrgState, id: string, name: unknown, kind?: string, parent?: string): boolean {
  const u = unitOf(state, id)
  return (
    u !== undefined &&
    nameEquals(u.name, name as Unit['name']) &&
    (kind === undefined || u.kind === kind) &&
    (parent === undefined || u.parent === parent)
  )
}

/** Whether an event creates or ends units (a creation, merge, split or dissolution). */
export const isStructural = (event: Event): boolean =>
  event.type === 'UnitCreated' ||
  event.type === 'UnitMerged' ||
  event.type === 'UnitSplit' ||
  event.type === 'UnitDissolved'

/** The units a structural event creates or ends (none for other events). */
export function structuralUnits(event: Event): readonly string[] {
  switch (event.type) {
    case 'UnitCreated':
      return [event.data.unit]
    case 'UnitMerged':
      return [...event.data.units, event.data.into]
    case 'UnitSplit':
      return [...(event.data.retain === true ? [] : [event.data.unit]), ...event.data.into.map((p) => p.unit)]
    case 'UnitDissolved':
      return [event.data.unit]
    default:
      return []
  }
}

/** Whether the structural event (creation, merge, split, dissolution) has already happened. */
function structureHolds(state: OrgState, event: Event): boolean {
  switch (event.type) {
    case 'UnitCreated': {
      const { unit, name, kind, parent, attributes } = event.data
      return createdAs(state, unit, name, kind, parent ?? undefined) && attributesHold(unitOf(state, unit)!, attributes)
    }
    case 'UnitMerged': {
      const { units, into } = event.data
      const ended = units.every((id) => {
        const u = unitOf(state, id)
        return u?.status === 'merged' && u.successors.includes(into)
      })
      return ended && unitOf(state, into) !== undefined
    }
    case 'UnitSplit': {
      const { unit, into, retain } = event.data
      const made = into.every((part) => createdAs(state, part.unit, part.name, part.kind))
      return made && (retain === true || unitOf(state, unit)?.status === 'split')
    }
    case 'UnitDissolved':
      return unitOf(state, event.data.unit)?.status === 'dissolved'
    default:
      return false
  }
}

/**
 * Whether a structural event — a creation, merge, split or dissolution — has already happened in
 * a state: the units it would create exist as it describes them, the units it would end ended
 * that way. In a history with a plan such an event is skipped, not rejected: the other side
 * already did it (DESIGN §8).
 * @param state the org where the event would apply
 * @param event the event
 * @returns `true` when applying it would only repeat what the state has
 * @example
 * happened(org, merged) // true once 'taobao' and 'tmall' are merged into 'taobao-tmall'
 * @since 0.2.0
 */
export function happened(state: OrgState, event: Event): boolean {
  return structureHolds(state, event)
}

/**
 * Whether a state already has everything an event would do: applied to it, the event changes
 * nothing (DESIGN §8, status `realized`). An ended unit keeps the parent, name and kind it had
 * when it ended; a leader role of an ended unit is no longer held.
 * @param state the org
 * @param event the event
 * @returns `true` when the state already shows the event's effect
 * @example
 * holds(org, event)
 * @since 0.2.0
 */
export function holds(state: OrgState, event: Event): boolean {
  switch (event.type) {
    case 'UnitRenamed': {
      const u = unitOf(state, event.data.unit)
      return u !== undefined && nameEquals(u.name, event.data.name)
    }
    case 'UnitMoved':
      return unitOf(state, event.data.unit)?.parent === (event.data.parent ?? null)
    case 'UnitReclassified':
      return unitOf(state, event.data.unit)?.kind === (event.data.kind ?? null)
    case 'UnitAttributesSet': {
      const u = unitOf(state, event.data.unit)
      return u !== undefined && attributesHold(u, event.data.attributes)
    }
    case 'LeaderAssigned': {
      const { unit, person, role = 'head', title, acting } = event.data
      const leaders = unitOf(state, unit)?.leaders ?? []
      const held = leaders[holdingIndex(leaders, person, role)]
      return held !== undefined && held.acting === (acting ?? false) && (title === undefined || held.title === title)
    }
    case 'LeaderRemoved': {
      const { unit, person, role = 'head' } = event.data
      const u = unitOf(state, unit)
      return u !== undefined && holdingIndex(u.leaders, person, role) < 0
    }
    case 'PersonRegistered': {
      const p = trieGet(state.people, event.data.person)
      const aliases = event.data.aliases
      return (
        p?.name != null &&
        nameEquals(p.name, event.data.name) &&
        (aliases === undefined || jsonEqual(p.aliases as never, aliases as never))
      )
    }
    case 'EventRetracted':
      return false
    default:
      return structureHolds(state, event)
  }
}
