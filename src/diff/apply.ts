import { type Either, left, right } from 'fp-ts/lib/Either.js'
import { freeze } from 'immer'
import type { UnitId } from '../domain/ids.js'
import { jsonEqual } from '../domain/json.js'
import { nameEquals } from '../domain/name.js'
import type { OrgState } from '../domain/state.js'
import { copyOf } from '../domain/trie.js'
import {
  createUnit,
  endHolding,
  endUnit,
  getUnit,
  holdingIndex,
  list,
  NONE,
  personDraft,
  reparent,
  unitDraft,
  type Working,
} from '../reducer/access.js'
import { workingCopy } from '../reducer/working.js'
import type { Change, Diff, DiffApplyError } from './types.js'

/** An error before it knows which change it is about. */
type Problem = DiffApplyError extends infer E ? (E extends unknown ? Omit<E, 'index' | 'change'> : never) : never
type Step<K extends Change['kind']> = (s: Working, c: Extract<Change, { kind: K }>, d: Diff) => Problem | undefined

const activeUnit = (s: Working, unit: UnitId): Problem | undefined => {
  const u = getUnit(s as OrgState, unit)
  return u === undefined
    ? { _tag: 'UnknownUnit', unit }
    : u.status !== 'active'
      ? { _tag: 'UnitEnded', unit }
      : undefined
}
const holding = (s: Working, c: { unit: UnitId; person: string; role: string }) =>
  holdingIndex(getUnit(s as OrgState, c.unit)?.leaders ?? NONE, c.person, c.role)

const create: Step<'unit-added'> = (s, c) => {
  if (getUnit(s as OrgState, c.unit) !== undefined) return { _tag: 'UnitExists', unit: c.unit }
  const { unit: id, name, unitKind: kind, since } = c
  createUnit(s, { id, name, kind, since, parent: null, attributes: {}, predecessors: NONE })
}

// Attached once every added unit exists: a unit that ended in the interval may come before its parent.
const attach: Step<'unit-added'> = (s, c) => {
  if (c.parent === null) return undefined
  if (getUnit(s as OrgState, c.parent) === undefined) return { _tag: 'UnknownUnit', unit: c.parent }
  reparent(s, unitDraft(s, c.unit), c.parent)
}

const move: Step<'unit-moved'> = (s, c) => {
  const problem = activeUnit(s, c.unit) ?? (c.to === null ? undefined : activeUnit(s, c.to))
  if (problem !== undefined) return problem
  if (getUnit(s as OrgState, c.unit)!.parent !== c.from) return { _tag: 'Mismatch', unit: c.unit, field: 'parent' }
  reparent(s, unitDraft(s, c.unit), c.to)
}

const rename: Step<'unit-renamed'> = (s, c, d) => {
  const problem = activeUnit(s, c.unit)
  if (problem !== undefined) return problem
  if (!nameEquals(getUnit(s as OrgState, c.unit)!.name, c.from))
    return { _tag: 'Mismatch', unit: c.unit, field: 'name' }
  const u = unitDraft(s, c.unit)
  u.name = c.to
  list(u, 'names').push({ name: c.to, since: d.to ?? u.since })
}

const reclassify: Step<'unit-reclassified'> = (s, c) => {
  const problem = activeUnit(s, c.unit)
  if (problem !== undefined) return problem
  if (getUnit(s as OrgState, c.unit)!.kind !== c.from) return { _tag: 'Mismatch', unit: c.unit, field: 'kind' }
  unitDraft(s, c.unit).kind = c.to
}

const setAttributes: Step<'attributes-changed'> = (s, c) => {
  const problem = activeUnit(s, c.unit)
  if (problem !== undefined) return problem
  if (!jsonEqual(getUnit(s as OrgState, c.unit)!.attributes, c.from))
    return { _tag: 'Mismatch', unit: c.unit, field: 'attributes' }
  const u = unitDraft(s, c.unit)
  u.attributes = c.to as typeof u.attributes
}

const removeLeader: Step<'leader-removed'> = (s, c) => {
  if (holding(s, c) < 0) return activeUnit(s, c.unit) ?? { _tag: 'UnknownHolding', unit: c.unit }
  endHolding(s, unitDraft(s, c.unit), c.person, c.role)
}

const updateLeader: Step<'leader-updated'> = (s, c) => {
  const at = holding(s, c)
  if (at < 0) return activeUnit(s, c.unit) ?? { _tag: 'UnknownHolding', unit: c.unit }
  const held = getUnit(s as OrgState, c.unit)!.leaders[at]!
  for (const field of ['acting', 'title'] as const)
    if (c.from[field] !== undefined && c.from[field] !== held[field]) return { _tag: 'Mismatch', unit: c.unit, field }
  const update = { acting: c.to.acting ?? held.acting, title: c.to.title === undefined ? held.title : c.to.title }
  // Replaced, not changed in place: the holding may be shared with the state applied to.
  const leaders = list(unitDraft(s, c.unit), 'leaders')
  leaders[at] = { ...leaders[at]!, ...update }
  const roles = list(personDraft(s, c.person), 'roles')
  const r = roles.findIndex((x) => x.unit === c.unit && x.role === c.role)
  if (r >= 0) roles[r] = { ...roles[r]!, ...update }
}

const end: Step<'unit-ended'> = (s, c) => {
  const problem = activeUnit(s, c.unit)
  if (problem !== undefined) return problem
  const u = unitDraft(s, c.unit)
  endUnit(s, u, c.status, c.ended, [])
  u.successors = copyOf(c.successors)
  for (const id of c.successors) {
    const next = getUnit(s as OrgState, id)
    if (next !== undefined && !next.predecessors.includes(c.unit)) list(unitDraft(s, id), 'predecessors').push(c.unit)
  }
}

const addLeader: Step<'leader-added'> = (s, c) => {
  if (holding(s, c) >= 0) return { _tag: 'HoldingExists', unit: c.unit }
  const problem = activeUnit(s, c.unit)
  if (problem !== undefined) return problem
  const { person, role, title, acting, since } = c
  list(unitDraft(s, c.unit), 'leaders').push({ person, role, title, acting, since })
  list(personDraft(s, person), 'roles').push({ unit: c.unit, role, title, acting, since })
}

/** The steps in the order they apply: units first, holdings added last (in their `order`). */
const STEPS = [
  ['unit-added', create],
  ['unit-added', attach],
  ['unit-moved', move],
  ['unit-renamed', rename],
  ['unit-reclassified', reclassify],
  ['attributes-changed', setAttributes],
  ['leader-removed', removeLeader],
  ['leader-updated', updateLeader],
  ['unit-ended', end],
  ['leader-added', addLeader],
] as const

/** Every active unit the diff placed must hang from a root through active units. */
function checkTree(s: Working, d: Diff): DiffApplyError | undefined {
  const reached = new Set<UnitId>()
  for (const [index, change] of d.changes.entries()) {
    const ended = change.kind === 'unit-ended' ? getUnit(s as OrgState, change.unit) : undefined
    const placed = change.kind === 'unit-added' || change.kind === 'unit-moved' ? [change.unit] : []
    for (const start of ended === undefined ? placed : ended.children) {
      if (getUnit(s as OrgState, start)?.status !== 'active') continue
      const path = new Set<UnitId>()
      for (let id: UnitId | null = start; id !== null && !reached.has(id); ) {
        if (path.has(id)) return { _tag: 'Cycle', index, change, unit: start }
        const u = getUnit(s as OrgState, id)
        if (u?.status !== 'active') return { _tag: 'ParentEnded', index, change, unit: start, parent: id }
        path.add(id)
        id = u.parent
      }
      for (const id of path) reached.add(id)
    }
  }
  return undefined
}

/**
 * Applies a diff's changes to a state: for states `a` ≤ `b` of one history,
 * `toJSON(applyDiff(a, diff(a, b)))` equals `toJSON(b)` in its units, ended units and the people's
 * roles. People's names are not part of a diff, nor are the links of a spin-out (a unit that
 * continues); a rename is dated `d.to` in the unit's name history. The diff's dates are not
 * checked: only whether each change fits the state (`from` values, units that exist and are active).
 * @param state the earlier state (frozen; it is never changed)
 * @param d a diff, usually `diff(state, later)`
 * @returns the state at `d.to`, sharing every part the diff does not touch, or the first change that does not fit
 * @example
 * const [before, after] = statesAtOrThrow(history, ['2021-12-31', '2022-01-06'])
 * applyDiff(before, diff(before, after)) // Right(a state whose toJSON matches after's)
 * @since 0.1.0
 */
export function applyDiff(state: OrgState, d: Diff): Either<DiffApplyError, OrgState> {
  const s = workingCopy(freeze(state, true))
  const indexed = [...d.changes.entries()]
  const added = (i: number) => (d.changes[i]!.kind === 'leader-added' ? (d.changes[i] as { order: number }).order : 0)
  indexed.sort(([i], [j]) => added(i) - added(j) || i - j)
  for (const [kind, step] of STEPS) {
    for (const [index, change] of indexed) {
      if (change.kind !== kind) continue
      const problem = (step as Step<typeof kind>)(s, change as never, d)
      if (problem !== undefined) return left({ ...problem, index, change } as DiffApplyError)
    }
  }
  const broken = checkTree(s, d)
  if (broken !== undefined) return left(broken)
  s.at = d.to
  return right(freeze(s as OrgState, true))
}

const WHY: { readonly [T in DiffApplyError['_tag']]: (e: Extract<DiffApplyError, { _tag: T }>) => string } = {
  UnknownUnit: (e) => `unit '${e.unit}' does not exist`,
  UnitExists: (e) => `unit '${e.unit}' already exists`,
  UnitEnded: (e) => `unit '${e.unit}' has ended`,
  Mismatch: (e) => `the ${e.field} of '${e.unit}' is not the change's "from"`,
  UnknownHolding: (e) => `'${'person' in e.change ? e.change.person : ''}' holds no such role in '${e.unit}'`,
  HoldingExists: (e) => `'${'person' in e.change ? e.change.person : ''}' already holds that role in '${e.unit}'`,
  Cycle: (e) => `'${e.unit}' would be inside its own subtree`,
  ParentEnded: (e) => `'${e.unit}' would hang under '${e.parent}', which is not active`,
}

/**
 * A {@link DiffApplyError} as one line of text.
 * @param e the error
 * @returns the change (index, kind, unit) and why it does not fit
 * @example
 * const r = applyDiff(before, d)
 * if (isLeft(r)) console.log(formatDiffApplyError(r.left)) // "change 3 (unit-renamed 'x'): unit 'x' does not exist"
 * @since 0.1.0
 */
export function formatDiffApplyError(e: DiffApplyError): string {
  const why = (WHY[e._tag] as (e: DiffApplyError) => string)(e)
  return `change ${e.index} (${e.change.kind} '${e.change.unit}'): ${why}`
}
