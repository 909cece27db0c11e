import type { UnitId } from '../domain/ids.js'
import { unitCreated } from '../events/UnitCreated.js'
import { unitDissolved } from '../events/UnitDissolved.js'
import { unitMerged } from '../events/UnitMerged.js'
import { unitMoved } from '../events/UnitMoved.js'
import { unitSplit } from '../events/UnitSplit.js'
import type { Inference } from './candidates.js'
import { metaOf, type StepContext } from './context.js'
import type { SnapshotUnit } from './snapshot.js'

const kindOf = (u: SnapshotUnit) => (u.kind === null ? {} : { kind: u.kind })

/** The parent of a new unit where it is created: its own parent when that is usable now. */
function usableParent(ctx: StepContext, u: SnapshotUnit, ending: readonly UnitId[]): UnitId | undefined {
  const parent = u.parent
  if (parent === null || ctx.model.get(parent) === undefined) return undefined
  return ending.some((source) => ctx.model.within(parent, source)) ? undefined : parent
}

/** A new unit taking the contents of gone ones: a merge, or an id change kept as lineage. */
export function writeMerge(ctx: StepContext, u: SnapshotUnit, inference: Inference): void {
  const { model } = ctx
  const sources = [...inference.sources]
  const parent = usableParent(ctx, u, sources)
  ctx.events.push(
    unitMerged(
      { units: sources, into: u.id, name: u.name, ...kindOf(u), ...(parent === undefined ? {} : { parent }) },
      metaOf(ctx.after, inference),
    ),
  )
  let at = parent ?? model.get(sources[0]!)!.parent
  let top: UnitId | undefined
  for (let p = at; p !== null; p = model.get(p)?.parent ?? null) if (sources.includes(p)) top = p
  if (parent === undefined && top !== undefined) at = model.get(top)!.parent
  model.create(u.id, u.name, u.kind, at)
  absorb(ctx, sources, u.id)
}

/** Moves the active children of the sources under `into` and ends the sources. */
function absorb(ctx: StepContext, sources: readonly UnitId[], into: UnitId): void {
  const { model } = ctx
  const set = new Set(sources)
  for (const source of sources)
    for (const child of [...(model.get(source)?.children ?? [])]) if (!set.has(child)) model.move(child, into)
  for (const source of sources) model.end(source)
}

/** Gone units into a unit that continues. */
export function writeAbsorb(ctx: StepContext, inference: Inference): void {
  const into = inference.targets[0]!
  ctx.events.push(unitMerged({ units: [...inference.sources], into }, metaOf(ctx.after, inference)))
  absorb(ctx, inference.sources, into)
}

/** New units taking a unit's contents: a split (the source ends) or a spin-out (it continues). */
export function writeSplit(ctx: StepContext, inference: Inference, order: ReadonlyMap<UnitId, number>): void {
  const { model } = ctx
  const source = inference.sources[0]!
  const retain = inference.rule === 'spin-out'
  const parts = [...inference.targets].sort((a, b) => order.get(a)! - order.get(b)!)
  const earlier = new Set<UnitId>()
  const into = parts.map((id) => {
    const u = ctx.units.get(id)!
    const p = u.parent
    const ok =
      p !== null && (earlier.has(p) || (retain && p === source) || usableParent(ctx, u, [source]) !== undefined)
    earlier.add(id)
    return { unit: id, name: u.name, ...kindOf(u), ...(ok ? { parent: p! } : {}) }
  })
  const children: Record<UnitId, UnitId> = Object.create(null)
  for (const child of model.get(source)!.children) {
    const wanted = ctx.units.get(child)?.parent
    const target =
      wanted !== undefined && wanted !== null && earlier.has(wanted) ? wanted : retain ? undefined : parts[0]!
    if (target !== undefined) children[child] = target
  }
  const mapped = Object.keys(children).length > 0
  const data = { unit: source, into, ...(retain ? { retain } : {}), ...(mapped ? { children: { ...children } } : {}) }
  ctx.events.push(unitSplit(data, metaOf(ctx.after, inference)))
  const fallback = model.get(source)!.parent
  for (const part of into) {
    const u = ctx.units.get(part.unit)!
    model.create(part.unit, u.name, u.kind, part.parent ?? fallback)
  }
  for (const [child, target] of Object.entries(children)) model.move(child, target)
  if (!retain) model.end(source)
}

/** A new unit with nothing to inherit. */
export function writeCreated(ctx: StepContext, u: SnapshotUnit): void {
  const attributes = Object.keys(u.attributes).length > 0 ? { attributes: u.attributes } : {}
  const parent = u.parent === null ? {} : { parent: u.parent }
  ctx.events.push(unitCreated({ unit: u.id, name: u.name, ...kindOf(u), ...parent, ...attributes }, metaOf(ctx.after)))
  ctx.model.create(u.id, u.name, u.kind, u.parent, u.attributes)
}

/** Units kept through a gap are taken out from under units about to end. */
export function rescueKept(ctx: StepContext, kept: readonly UnitId[], ending: ReadonlySet<UnitId>): void {
  const { model } = ctx
  for (const id of kept) {
    const u = model.get(id)
    if (u === undefined || u.parent === null || !ending.has(u.parent)) continue
    let to: UnitId | null = u.parent
    while (to !== null && ending.has(to)) to = model.get(to)?.parent ?? null
    ctx.events.push(unitMoved({ unit: id, parent: to }, metaOf(ctx.after)))
    model.move(id, to)
  }
}

/** Gone units no inference took: dissolved, top first, with their remaining subtree. */
export function writeDissolved(ctx: StepContext, gone: readonly UnitId[]): void {
  const { model } = ctx
  const live = gone.filter((id) => model.get(id) !== undefined)
  live.sort((a, b) => model.depth(a) - model.depth(b) || (a < b ? -1 : a > b ? 1 : 0))
  for (const id of live) {
    const u = model.get(id)
    if (u === undefined) continue
    const cascade = u.children.size > 0
    ctx.events.push(unitDissolved({ unit: id, ...(cascade ? { cascade } : {}) }, metaOf(ctx.after)))
    model.end(id, cascade)
  }
}
