/**
 * The part of the page's script for a history shown with a plan (`render --plan`): which stops and
 * units are planned, and the toggle that shows the org without the plan (the fact timeline's own
 * stops, embedded as `data.plan.fact`). Without a plan every function answers "nothing planned".
 * A fragment of {@link PAGE_SCRIPT}'s closure (see `script.ts`).
 * @since 0.2.0
 */
export const PLAN_SCRIPT = String.raw`
  const withPlan = data
  const planShown = () => withPlan.plan !== undefined && data === withPlan

  /** Whether stop i has plan events (only while the plan is shown). */
  function plannedStop(i) {
    return planShown() && withPlan.plan.stops[i] !== undefined && withPlan.plan.stops[i].planned
  }

  function plannedStops() {
    return stops.map((_, i) => i).filter(plannedStop)
  }

  /** The units plan events changed at stop k or before it (only while the plan is shown). */
  function plannedUnits(k) {
    const out = new Set()
    if (!planShown()) return out
    for (const stop of withPlan.plan.stops.slice(0, k + 1)) for (const id of stop.units) out.add(id)
    return out
  }

  /** The toggle: the plan's layer on (the org under the plan) or off (the org as recorded). */
  function setUpPlan() {
    if (withPlan.plan === undefined) return
    const toggle = $('show-plan')
    toggle.addEventListener('change', () => {
      const at = stops[view.stop] ? stops[view.stop].start : Number.NEGATIVE_INFINITY
      data = toggle.checked ? withPlan : withPlan.plan.fact
      stops = data.stops
      let index = -1
      while (index + 1 < stops.length && stops[index + 1].start <= at) index++
      view.stop = Math.max(0, index)
      view.day = null
      drawTicks()
      render()
    })
  }
`
