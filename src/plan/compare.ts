import { diff, unitChanges, unitEnded } from '../diff/diff.js'
import { CHANGE_KINDS, type Change } from '../diff/types.js'
import type { UnitId } from '../domain/ids.js'
import type { OrgState, Unit } from '../domain/state.js'
import { trieDiff } from '../domain/trie.js'

/**
 * One difference between two orgs of a comparison (DESIGN §8): a change of a diff (§4), or a unit
 * that the left org has (active or ended) and the right one never had.
 * @since 0.2.0
 */
export type PlanChange = Change | { readonly kind: 'unit-removed'; readonly unit: UnitId }

/** The kinds of change of a comparison, in the order it lists them. @since 0.2.0 */
export const PLAN_CHANGE_KINDS = [
  ...CHANGE_KINDS.slice(0, 2),
  'unit-removed',
  ...CHANGE_KINDS.slice(2),
] as const satisfies readonly PlanChange['kind'][]

const sameEnd = (a: Unit, b: Unit) =>
  a.status === b.status && a.ended === b.ended && a.successors.join('\u0000') === b.successors.join('\u0000')

/** What a diff does not say about a unit: removed, active again, or ended another way. */
function extraChanges(before: Unit | undefined, after: Unit | undefined, out: Change[], removed: UnitId[]): void {
  if (before === undefined) return
  if (after === undefined) {
    removed.push(before.id)
    return
  }
  if (before.status === 'active') return
  if (after.status === 'active') unitChanges(undefined, after, out)
  else if (!sameEnd(before, after)) out.push(unitEnded(after))
}

/**
 * The changes from one org to another: what the right org has that the left one does not, as a
 * diff lists them (DESIGN §4), and `unit-removed` for each unit of the left org (active or ended)
 * that the right one never had. The two orgs may come from different histories (the fact and a
 * plan, or two plans): a unit ended on the left and active on the right is `unit-added` (it is
 * in the right org's tree), and one ended on both sides in different ways is `unit-ended` as the
 * right side ended it.
 * @param left the org compared from (the fact, or plan A)
 * @param right the org compared to (plan A, or plan B)
 * @returns the changes, grouped by kind in the order of {@link PLAN_CHANGE_KINDS}
 * @example
 * compare(before, after).filter((c) => c.kind === 'unit-removed')
 * @since 0.2.0
 */
export function compare(left: OrgState, right: OrgState): PlanChange[] {
  const extra: Change[] = []
  const removed: UnitId[] = []
  trieDiff(left.units, right.units, (_id, before, after) => extraChanges(before, after, extra, removed))
  const base = diff(left, right).changes
  let order = base.reduce((n, c) => (c.kind === 'leader-added' ? Math.max(n, c.order + 1) : n), 0)
  const numbered = extra.map((c) => (c.kind === 'leader-added' ? { ...c, order: order++ } : c))
  const rank = new Map<string, number>(PLAN_CHANGE_KINDS.map((k, i) => [k, i]))
  const byUnit = (a: PlanChange, b: PlanChange) => (a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0)
  const all: PlanChange[] = [
    ...base,
    ...numbered.sort(byUnit),
    ...removed.sort().map((unit) => ({ kind: 'unit-removed' as const, unit })),
  ]
  return all
    .map((c, i) => [c, i] as const)
    .sort(([a, i], [b, j]) => rank.get(a.kind)! - rank.get(b.kind)! || i - j)
    .map(([c]) => c)
}
