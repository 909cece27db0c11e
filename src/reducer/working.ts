import { freezeOwned } from '../domain/freeze.js'
import { emptyState, type OrgState } from '../domain/state.js'
import { emptyTrie, type Made, recordMade } from '../domain/trie.js'
import { NONE, type Working } from './access.js'

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
 * the state.
 */
export function transient(base: OrgState | undefined, recipe: (s: Working) => void): OrgState {
  const s = workingCopy(base)
  const made: Made = { nodes: [], values: [] }
  recordMade(made, () => recipe(s))
  // Nodes first: each of their children is either listed too or was frozen before the recipe ran.
  for (const node of made.nodes) Object.freeze(node)
  // Records in full: their fields may hold lists and objects the recipe made.
  for (const value of made.values) freezeOwned(fitted(value))
  // The state itself, its roots list, and the root of a trie started empty.
  return freezeOwned(s as OrgState)
}

/**
 * A record whose lists made by the recipe are replaced by exact copies, or by {@link NONE} when
 * empty. A list grown by `push` keeps room for about half as many more entries and 16 besides (a
 * one-entry list takes three times the memory of a one-entry literal), and a frozen list keeps that
 * room for good.
 */
function fitted<T extends object>(record: T): T {
  const fields = record as Record<string, unknown>
  for (const key in fields) {
    const v = fields[key]
    if (Array.isArray(v) && !Object.isFrozen(v)) fields[key] = v.length === 0 ? NONE : v.slice()
  }
  return record
}
