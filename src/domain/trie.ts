import type { Draft } from 'immer'

/**
 * A persistent map from string keys to values, laid out for immer: a two-level hash trie of
 * 64-slot arrays whose leaves are small prototype-less objects. Changing one entry copies one leaf
 * and two 64-slot arrays, whatever the number of entries, so the cost of an event does not grow
 * with the size of the org. Leaves have no prototype, so any string (`__proto__`, `constructor`,
 * CJK, emoji) is an ordinary key, and immer drafts them without a plugin.
 * @since 0.1.0
 */
export type Trie<V> = readonly (TrieLevel<V> | undefined)[]
type TrieLevel<V> = readonly (Bucket<V> | undefined)[]
type Bucket<V> = { readonly [key: string]: V }

const BITS = 6
const WIDTH = 1 << BITS
const MASK = WIDTH - 1

function hash(key: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193)
  return h >>> 0
}

function slots<T>(): (T | undefined)[] {
  return new Array<T | undefined>(WIDTH).fill(undefined)
}

/** A trie with no entries. @since 0.1.0 */
export function emptyTrie<V>(): Trie<V> {
  return slots<TrieLevel<V>>()
}

/** The value stored under `key`, or `undefined`. Works on a trie and on its draft. @since 0.1.0 */
export function trieGet<V>(trie: Trie<V>, key: string): V | undefined {
  const h = hash(key)
  return trie[h & MASK]?.[(h >>> BITS) & MASK]?.[key]
}

/** Stores `value` under `key` in a draft (or a trie still being built). @since 0.1.0 */
export function trieSet<V>(trie: Draft<Trie<V>>, key: string, value: Draft<V> | V): void {
  const h = hash(key)
  const i = h & MASK
  const j = (h >>> BITS) & MASK
  const level = (trie[i] ??= slots()) as ({ [key: string]: unknown } | undefined)[]
  const bucket = (level[j] ??= Object.create(null) as { [key: string]: unknown })
  bucket[key] = value
}

/** Every value of the trie, in no particular order. @since 0.1.0 */
export function* trieValues<V>(trie: Trie<V>): Generator<V> {
  for (const level of trie) {
    if (level === undefined) continue
    for (const bucket of level) if (bucket !== undefined) yield* Object.values(bucket)
  }
}

/**
 * Calls `visit` for every key whose value differs (by reference) between two tries, skipping the
 * parts they share: comparing two states of one history costs what changed between them.
 * @since 0.1.0
 */
export function trieDiff<V>(a: Trie<V>, b: Trie<V>, visit: (key: string, before?: V, after?: V) => void): void {
  if (a === b) return
  for (let i = 0; i < WIDTH; i++) {
    const la = a[i]
    const lb = b[i]
    if (la === lb) continue
    for (let j = 0; j < WIDTH; j++) {
      const ba = la?.[j]
      const bb = lb?.[j]
      if (ba === bb) continue
      for (const key of ba === undefined ? [] : Object.keys(ba)) {
        const vb = bb?.[key]
        if (ba![key] !== vb) visit(key, ba![key], vb)
      }
      for (const key of bb === undefined ? [] : Object.keys(bb)) {
        if (ba?.[key] === undefined) visit(key, undefined, bb![key])
      }
    }
  }
}
