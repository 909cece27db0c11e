/**
 * A persistent map from string keys to values, laid out for immer: a three-level hash trie of
 * 32-slot arrays whose leaves are small flat arrays `[key, value, key, value, …]`. Changing one
 * entry copies one leaf and three 32-slot arrays, whatever the number of entries, so the cost of an
 * event does not grow with the size of the org (32,768 leaves: a few entries each at 100,000
 * units). Keys are only compared, never used as property names, so any string (`__proto__`,
 * `constructor`, CJK, emoji) is an ordinary key; arrays draft and freeze fast and need no plugin.
 * @since 0.1.0
 */
export type Trie<V> = readonly (Level<Level<Bucket<V>>> | undefined)[]
type Level<T> = readonly (T | undefined)[]
/** Keys at even indexes, each followed by its value. */
type Bucket<V> = readonly (string | V)[]

const BITS = 5
const WIDTH = 1 << BITS
const MASK = WIDTH - 1

/** FNV-1a hash of a string (32 bits). @since 0.1.0 */
export function hashString(key: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193)
  return h >>> 0
}

function slots<T>(): (T | undefined)[] {
  return new Array<T | undefined>(WIDTH).fill(undefined)
}

function bucketOf<V>(trie: Trie<V>, h: number): Bucket<V> | undefined {
  return trie[h & MASK]?.[(h >>> BITS) & MASK]?.[(h >>> (2 * BITS)) & MASK]
}

/** A trie with no entries. @since 0.1.0 */
export function emptyTrie<V>(): Trie<V> {
  return slots()
}

/** The value stored under `key`, or `undefined`. Works on a trie and on its draft. @since 0.1.0 */
export function trieGet<V>(trie: Trie<V>, key: string): V | undefined {
  const bucket = bucketOf(trie, hashString(key))
  if (bucket === undefined) return undefined
  for (let i = 0; i < bucket.length; i += 2) if (bucket[i] === key) return bucket[i + 1] as V
  return undefined
}

/**
 * Whether a node may be changed in place: an immer draft, or a node a replay made and has not
 * frozen yet. Frozen nodes belong to published states and are copied before a change.
 * @since 0.1.0
 */
export function isOwned(node: object): boolean {
  // A draft is a proxy of an extensible target, so it never reports frozen.
  return !Object.isFrozen(node)
}

function own<T>(node: readonly T[]): T[] {
  return (isOwned(node) ? node : node.slice()) as T[]
}

type Mutable = (unknown[] | undefined)[]

/**
 * Stores `value` under `key`, changing owned nodes in place and copying frozen ones on the path.
 * @returns the root to keep (the same one when it was owned)
 * @since 0.1.0
 */
export function trieSet<V>(trie: Trie<V>, key: string, value: V): Trie<V> {
  const h = hashString(key)
  const top = own(trie) as Mutable
  const i = h & MASK
  const j = (h >>> BITS) & MASK
  const k = (h >>> (2 * BITS)) & MASK
  const mid = (top[i] = top[i] === undefined ? slots() : own(top[i]!)) as Mutable
  const leaves = (mid[j] = mid[j] === undefined ? slots() : own(mid[j]!)) as Mutable
  const bucket = (leaves[k] = leaves[k] === undefined ? [] : own(leaves[k]!))
  for (let b = 0; b < bucket.length; b += 2) {
    if (bucket[b] === key) {
      bucket[b + 1] = value
      return top as Trie<V>
    }
  }
  bucket.push(key, value)
  return top as Trie<V>
}

/**
 * The value under `key` made changeable: frozen nodes on its path (and the value, with `copy`) are
 * replaced by copies, so a replay can change a published state's successor in place.
 * @returns the root to keep and the value, or `undefined` when there is no such key
 * @since 0.1.0
 */
export function trieUpdate<V extends object>(
  trie: Trie<V>,
  key: string,
  copy: (value: V) => V,
): [Trie<V>, V] | undefined {
  const value = trieGet(trie, key)
  if (value === undefined) return undefined
  if (isOwned(value)) return [trie, value]
  const owned = copy(value)
  return [trieSet(trie, key, owned), owned]
}

/** Every value of the trie, in no particular order. @since 0.1.0 */
export function* trieValues<V>(trie: Trie<V>): Generator<V> {
  for (const mid of trie) {
    if (mid === undefined) continue
    for (const leaves of mid) {
      if (leaves === undefined) continue
      for (const bucket of leaves) {
        if (bucket === undefined) continue
        for (let i = 1; i < bucket.length; i += 2) yield bucket[i] as V
      }
    }
  }
}

function bucketDiff<V>(
  a: Bucket<V> | undefined,
  b: Bucket<V> | undefined,
  visit: (key: string, before?: V, after?: V) => void,
): void {
  const before = new Map<string, V>()
  for (let i = 0; a !== undefined && i < a.length; i += 2) before.set(a[i] as string, a[i + 1] as V)
  for (let i = 0; b !== undefined && i < b.length; i += 2) {
    const key = b[i] as string
    const was = before.get(key)
    before.delete(key)
    if (was !== b[i + 1]) visit(key, was, b[i + 1] as V)
  }
  for (const [key, was] of before) visit(key, was, undefined)
}

/**
 * Calls `visit` for every key whose value differs (by reference) between two tries, skipping the
 * parts they share: comparing two states of one history costs what changed between them.
 * @since 0.1.0
 */
export function trieDiff<V>(a: Trie<V>, b: Trie<V>, visit: (key: string, before?: V, after?: V) => void): void {
  if (a === b) return
  for (let i = 0; i < WIDTH; i++) {
    const ma = a[i]
    const mb = b[i]
    if (ma === mb) continue
    for (let j = 0; j < WIDTH; j++) {
      const la = ma?.[j]
      const lb = mb?.[j]
      if (la === lb) continue
      for (let k = 0; k < WIDTH; k++) if (la?.[k] !== lb?.[k]) bucketDiff(la?.[k], lb?.[k], visit)
    }
  }
}
