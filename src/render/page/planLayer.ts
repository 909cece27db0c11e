import type { EventId, UnitId } from '../../domain/ids.js'
import type { Event } from '../../events/event.js'
import { touches } from '../../plan/aspects.js'
import type { PageData } from './data.js'

/**
 * The plan's layer of a page (`render --plan`): for each stop of the history with the plan,
 * whether plan events take effect on it and which units they change, and the page data of the
 * history without the plan, shown when the reader hides the plan.
 * @since 0.2.0
 */
export interface PagePlan {
  readonly stops: readonly { readonly planned: boolean; readonly units: readonly UnitId[] }[]
  /** Ids of the plan's events. */
  readonly events: readonly EventId[]
  /** The page data of the history alone. */
  readonly fact: PageData
}

/**
 * Adds the plan's layer to the page data of a history with a plan.
 * @param data the page data of the history with the plan
 * @param plan the plan's events
 * @param fact the page data of the history alone
 * @returns the data with `plan`
 */
export function withPlanLayer(data: PageData, plan: readonly Event[], fact: PageData): PageData & { plan: PagePlan } {
  const byId = new Map(plan.map((e) => [e.id, e]))
  const stops = data.stops.map((stop) => {
    const planned = stop.events.map((i) => byId.get(data.events[i]!.id)).filter((e) => e !== undefined)
    const units = [...new Set(planned.flatMap((e) => touches(e).map((t) => t.unit)))]
    return { planned: planned.length > 0, units }
  })
  return { ...data, plan: { stops, events: [...byId.keys()], fact } }
}
