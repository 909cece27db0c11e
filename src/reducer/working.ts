import { freezeOwned, freezePending } from '../domain/freeze.js'
import { emptyState, type OrgState } from '../domain/state.js'
import { emptyTrie, type Made, recordMade } from '../domain/trie.js'
import { type Lookups, NONE, newLookups, type Working, withLookups } from './access.js'

/** A working copy of a state (or of the empty state) that the recipes may change in place. */
export function workingCopy(base: OrgState | undefined): Working {
  return (
    base === undefined ? { ...emptyState(), units: emptyTrie(), people: emptyTrie(), roots: [] } : { ...base }
  ) as Working
}

/**
 * Runs `recipe` on a working copy of `base` and returns the result frozen. The recipe changes in
 * place what it made and copies frozen nodes before changing them (a transient); at the end only
 * what it made is frozen. The trie functions list the nodes and records they made, so the freeze
 * never reads the nodes the result shares with `base`, and costs what changed, not the size of
 * the state. `lookups` may be kept from the fold that made `base` (see {@link Lookups}).
 */
export function transient(
  base: OrgState | undefined,
  recipe: (s: Working) => void,
  lookups: Lookups = newLookups(),
): OrgState {
  const s = workingCopy(base)
  const made: Made = { nodes: [], values: [], copiedFrom: [] }
  recordMade(made, () => withLookups(lookups, s, () => recipe(s)))
  // Nodes first: each of their children is either listed too or was frozen before the recipe ran.
  for (const node of made.nodes) Object.freeze(node)
  // Records with what the recipe put in them.
  const pending: object[] = []
  for (let i = 0; i < made.values.length; i++) freezeRecord(made.values[i]!, made.copiedFrom[i], pending)
  freezePending(pending)
  // The state itself, its roots list, and the root of a trie started empty.
  return freezeOwned(s as OrgState)
}

/**
 * Freezes a record the recipe made, and lists in `pending` every field it set that is not frozen
 * yet. A field that still holds what the record it was copied from held is frozen already, and is
 * not read: at a million events, reading it is a cache miss.
 *
 * Lists the recipe made are replaced by exact copies, or by {@link NONE} when empty. A list grown by
 * `push` keeps room for about half as many more entries and 16 besides (a one-entry list takes three
 * times the memory of a one-entry literal), and a frozen list keeps that room for good.
 */
function freezeRecord(record: object, copiedFrom: object | undefined, pending: object[]): void {
  const fields = record as Record<string, unknown>
  const before = copiedFrom as Record<string, unknown> | undefined
  for (const key in fields) {
    let v = fields[key]
    if (typeof v !== 'object' || v === null || (before !== undefined && v === before[key]) || Object.isFrozen(v))
      continue
    if (Array.isArray(v)) {
      v = v.length === 0 ? NONE : v.slice()
      fields[key] = v
      if (v === NONE) continue
    }
    pending.push(v as object)
  }
  Object.freeze(record)
}
