import type { Draft } from 'immer'

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

/** Stores `value` under `key` in a draft (or a trie still being built). @since 0.1.0 */
export function trieSet<V>(trie: Draft<Trie<V>>, key: string, value: Draft<V> | V): void {
  const h = hashString(key)
  type Mutable = (unknown[] | undefined)[]
  const mid = ((trie as Mutable)[h & MASK] ??= slots()) as Mutable
  const leaves = (mid[(h >>> BITS) & MASK] ??= slots()) as Mutable
  const bucket = (leaves[(h >>> (2 * BITS)) & MASK] ??= [])
  for (let i = 0; i < bucket.length; i += 2) {
    if (bucket[i] === key) {
      bucket[i + 1] = value
      return
    }
  }
  bucket.push(key, value)
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
