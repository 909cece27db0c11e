/**
 * A persistent map from string keys to values, laid out for immer: a hash trie of 64-slot arrays
 * whose leaves are small flat arrays `[key, value, key, value, …]`. The first two levels always
 * exist (4,096 leaves); a leaf that grows past 16 entries becomes one more 64-slot level, so leaves
 * stay small at any size. Changing one entry copies one leaf and the 64-slot arrays above it (two
 * at 10,000 entries, three at 100,000): the cost of an event hardly grows with the size of the org,
 * and a checkpoint of a timeline copies little more than what changed. Keys are only compared,
 * never used as property names, so any string (`__proto__`, `constructor`, CJK, emoji) is an
 * ordinary key; arrays draft and freeze fast and need no immer plugin.
 * @since 0.1.0
 */
export type Trie<V> = readonly (Node<V> | undefined)[]
/** A 64-slot level, or a leaf: keys at even indexes, each followed by its value. */
type Node<V> = readonly (Node<V> | string | V | undefined)[]

const BITS = 6
const WIDTH = 1 << BITS
const MASK = WIDTH - 1
/** A leaf holds at most this many entries (so never 64 slots, the length of a level) before it splits. */
const LEAF = 16
/** Below this shift the 32-bit hash is spent: leaves there never split. */
const LAST_SHIFT = 30

/** FNV-1a hash of a string (32 bits). @since 0.1.0 */
export function hashString(key: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193)
  return h >>> 0
}

function slots<T>(): (T | undefined)[] {
  return new Array<T | undefined>(WIDTH).fill(undefined)
}

const isLevel = (node: readonly unknown[], shift: number) => shift < LAST_SHIFT && node.length === WIDTH

/** A trie with no entries. @since 0.1.0 */
export function emptyTrie<V>(): Trie<V> {
  return slots()
}

/** The value stored under `key`, or `undefined`. Works on a trie and on its draft. @since 0.1.0 */
export function trieGet<V>(trie: Trie<V>, key: string): V | undefined {
  const h = hashString(key)
  let node = trie[h & MASK]
  let shift = BITS
  while (node !== undefined && isLevel(node, shift)) {
    node = node[(h >>> shift) & MASK] as Node<V> | undefined
    shift += BITS
  }
  if (node === undefined) return undefined
  for (let i = 0; i < node.length; i += 2) if (node[i] === key) return node[i + 1] as V
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

type Mutable = unknown[]

function own(node: readonly unknown[]): Mutable {
  return (isOwned(node) ? node : node.slice()) as Mutable
}

/** A full leaf turned into a level, its entries spread by the next bits of their hashes. */
function split(leaf: readonly unknown[], shift: number): Mutable {
  const level: Mutable = slots()
  for (let i = 0; i < leaf.length; i += 2) {
    const slot = (hashString(leaf[i] as string) >>> shift) & MASK
    ;((level[slot] ??= []) as Mutable).push(leaf[i], leaf[i + 1])
  }
  return level
}

/**
 * Stores `value` under `key`, changing owned nodes in place and copying frozen ones on the path.
 * @returns the root to keep (the same one when it was owned)
 * @since 0.1.0
 */
export function trieSet<V>(trie: Trie<V>, key: string, value: V): Trie<V> {
  const h = hashString(key)
  const top = own(trie)
  let parent = top
  let slot = h & MASK
  let shift = BITS
  for (;;) {
    const child = parent[slot] as Mutable | undefined
    if (child === undefined) {
      parent[slot] = shift === BITS ? slots() : [key, value]
      if (shift !== BITS) return top as Trie<V>
    } else if (isLevel(child, shift) || shift === BITS) {
      parent[slot] = own(child)
    } else {
      const leaf = (parent[slot] = own(child))
      for (let i = 0; i < leaf.length; i += 2) {
        if (leaf[i] !== key) continue
        leaf[i + 1] = value
        return top as Trie<V>
      }
      if (leaf.length < 2 * LEAF || shift >= LAST_SHIFT) {
        leaf.push(key, value)
        return top as Trie<V>
      }
      parent[slot] = split(leaf, shift)
    }
    parent = parent[slot] as Mutable
    slot = (h >>> shift) & MASK
    shift += BITS
  }
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

function* values<V>(node: Node<V> | undefined, shift: number): Generator<V> {
  if (node === undefined) return
  if (isLevel(node, shift)) {
    for (const child of node) yield* values(child as Node<V> | undefined, shift + BITS)
    return
  }
  for (let i = 1; i < node.length; i += 2) yield node[i] as V
}

/** Every value of the trie, in no particular order. @since 0.1.0 */
export function* trieValues<V>(trie: Trie<V>): Generator<V> {
  for (const node of trie) yield* values(node, BITS)
}

/** Every entry of a node and what it holds, into `into`. */
function entries<V>(node: Node<V> | undefined, shift: number, into: Map<string, V>): Map<string, V> {
  if (node === undefined) return into
  if (isLevel(node, shift)) {
    for (const child of node) entries(child as Node<V> | undefined, shift + BITS, into)
    return into
  }
  for (let i = 0; i < node.length; i += 2) into.set(node[i] as string, node[i + 1] as V)
  return into
}

type Visit<V> = (key: string, before?: V, after?: V) => void

function nodeDiff<V>(a: Node<V> | undefined, b: Node<V> | undefined, shift: number, visit: Visit<V>): void {
  if (a === b) return
  if (a !== undefined && b !== undefined && isLevel(a, shift) && isLevel(b, shift)) {
    for (let i = 0; i < WIDTH; i++) nodeDiff(a[i] as Node<V>, b[i] as Node<V>, shift + BITS, visit)
    return
  }
  const before = entries(a, shift, new Map())
  for (const [key, now] of entries(b, shift, new Map())) {
    const was = before.get(key)
    before.delete(key)
    if (was !== now) visit(key, was, now)
  }
  for (const [key, was] of before) visit(key, was, undefined)
}

/**
 * Calls `visit` for every key whose value differs (by reference) between two tries, skipping the
 * parts they share: comparing two states of one history costs what changed between them.
 * @since 0.1.0
 */
export function trieDiff<V>(a: Trie<V>, b: Trie<V>, visit: Visit<V>): void {
  if (a === b) return
  for (let i = 0; i < WIDTH; i++) nodeDiff(a[i], b[i], BITS, visit)
}
