/**
 * Freezes a value and everything reachable from it that is not frozen yet, stopping at frozen
 * objects: after a fold, only the nodes the fold made or copied are visited, not the whole state.
 * (immer's `freeze(value, true)` does the same with a callback per key; this is the hot path of
 * every replay, so it is a plain loop.)
 * @since 0.1.0
 */
export function freezeOwned<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) freezePending([value])
  return value
}

/**
 * Freezes the objects of `pending` (none of them frozen yet) and everything reachable from them
 * that is not frozen yet. Empties `pending`: one stack serves many calls.
 */
export function freezePending(pending: object[]): void {
  for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
    Object.freeze(node)
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        const v: unknown = node[i]
        if (typeof v === 'object' && v !== null && !Object.isFrozen(v)) pending.push(v)
      }
    } else {
      const record = node as Record<string, unknown>
      // for…in allocates nothing (Object.keys would, for every record of every fold).
      for (const key in record) {
        const v = record[key]
        if (typeof v === 'object' && v !== null && !Object.isFrozen(v)) pending.push(v)
      }
    }
  }
}
