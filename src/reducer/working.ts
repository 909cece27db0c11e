import { emptyState, type OrgState } from '../domain/state.js'
import { emptyTrie } from '../domain/trie.js'
import type { Working } from './access.js'

/** A working copy of a state (or of the empty state) that the recipes may change in place. */
export function workingCopy(base: OrgState | undefined): Working {
  return (
    base === undefined ? { ...emptyState(), units: emptyTrie(), people: emptyTrie(), roots: [] } : { ...base }
  ) as Working
}
