/**
 * A persistent map from string keys to values, laid out for immer: a hash array mapped trie. A level
 * is an array `[bitmap, child, child, …]` holding only the children present (the bitmap says which
 * of 32 slots they fill); a leaf is a small flat array `[key, value, key, value, …]` that becomes one
 * more level past 8 entries. Changing one entry copies the path to it, and a path holds only what
 * is present: about a hundred slots at 100,000 entries, so the cost of an event hardly grows with
 * the size of the org, and a checkpoint of a timeline copies little more than what changed. Keys
 * are only compared, never used as property names, so any string (`__proto__`, `constructor`, CJK,
 * emoji) is an ordinary key; arrays draft and freeze fast and need no immer plugin.
 * @since 0.1.0
 */
export type Trie<V> = Node<V>
/** A level (`[bitmap, …children]`, its first element a number) or a leaf (keys at even indexes, each followed by its value). */
type Node<V> = readonly (Node<V> | number | string | V)[]

const BITS = 5
const MASK = (1 << BITS) - 1
/** A leaf holds at most this many entries before it becomes a level. */
const LEAF = 8
/** A leaf whose level indexes with this shift or more never splits: the 32-bit hash is spent. */
const LAST_SHIFT = 32 - BITS

/** FNV-1a hash of a string (32 bits). @since 0.1.0 */
export function hashString(key: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193)
  return h >>> 0
}

/** The number of bits set in a 32-bit integer. */
function bitCount(x: number): number {
  let n = x - ((x >>> 1) & 0x55555555)
  n = (n & 0x33333333) + ((n >>> 2) & 0x33333333)
  return (((n + (n >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24
}

/** Whether a node is a level (its bitmap first) rather than a leaf (a key first). */
const isLevel = (node: readonly unknown[]) => typeof node[0] === 'number'

/** The index in a level of the child for `bit` (bitmap first, then the children present in slot order). */
const indexOf = (bitmap: number, bit: number) => 1 + bitCount(bitmap & (bit - 1))

/** A trie with no entries. @since 0.1.0 */
export function emptyTrie<V>(): Trie<V> {
  return [0]
}

/** The value stored under `key`, or `undefined`. Works on a trie and on its draft. @since 0.1.0 */
export function trieGet<V>(trie: Trie<V>, key: string): V | undefined {
  const h = hashString(key)
  let node = trie as readonly unknown[]
  for (let shift = 0; ; shift += BITS) {
    const bitmap = node[0] as number
    const bit = 1 << ((h >>> shift) & MASK)
    if ((bitmap & bit) === 0) return undefined
    node = node[indexOf(bitmap, bit)] as readonly unknown[]
    if (isLevel(node)) continue
    for (let i = 0; i < node.length; i += 2) if (node[i] === key) return node[i + 1] as V
    return undefined
  }
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

/**
 * What the trie functions made while a {@link recordMade} callback runs: the nodes they made or
 * copied, and the values they stored that were not frozen yet, each with the frozen value it is a
 * copy of (`undefined` for a new one). A fold freezes exactly these when it ends, instead of
 * searching the state for what is not frozen: that search reads every shared node next to a changed
 * one, and at a million events each read is a cache miss.
 */
export interface Made {
  readonly nodes: object[]
  readonly values: object[]
  readonly copiedFrom: (object | undefined)[]
}

let made: Made | undefined

/** Runs `f` while listing in `into` what the trie functions make. Synchronous: one slot is enough. */
export function recordMade<T>(into: Made, f: () => T): T {
  const outer = made
  made = into
  try {
    return f()
  } finally {
    made = outer
  }
}

type Mutable = unknown[]

/**
 * A copy of an array, at its length, that may be changed. Spread, not `slice`: Node 20's V8 takes
 * a generic path for `slice`, `concat` and the callback methods (`findIndex`, `some`, `filter`…)
 * on a frozen array, 5 to 100 times slower than on an open one (measured: `slice` of a frozen
 * 200-entry array 6–19 µs, spread 0.2 µs), and every array a fold copies is frozen.
 * @since 0.2.0
 */
export function copyOf<T>(array: readonly T[]): T[] {
  return [...array]
}

/** A value stored that was not frozen (a copy of `copiedFrom`, or new): listed when a {@link recordMade} callback runs. */
function storedValue(value: object, copiedFrom: object | undefined): void {
  if (made === undefined) return
  made.values.push(value)
  made.copiedFrom.push(copiedFrom)
}

/** A node just made: listed when a {@link recordMade} callback runs. */
function fresh(node: Mutable): Mutable {
  made?.nodes.push(node)
  return node
}

function own(node: readonly unknown[]): Mutable {
  return (isOwned(node) ? node : fresh(copyOf(node))) as Mutable
}

// In a fold, a node that grows is made again at its new length: `push` and `splice` leave room for
// half as many entries again and 16 more, which a frozen node keeps for good. An immer draft (in
// `evolve`, where nothing is recorded) grows in place.

/** An owned level with a new child `node` at `at`. */
function inserted(level: Mutable, at: number, node: Mutable): Mutable {
  if (made === undefined) {
    level.splice(at, 0, node)
    return level
  }
  return fresh(level.slice(0, at).concat([fresh(node)], level.slice(at)))
}

/** A leaf with one more entry. */
function appended(leaf: readonly unknown[], key: string, value: unknown): Mutable {
  if (made === undefined) {
    const owned = own(leaf)
    owned.push(key, value)
    return owned
  }
  return fresh((isOwned(leaf) ? leaf : copyOf(leaf)).concat([key, value]))
}

/** A full leaf turned into a level whose slots are chosen by the hash bits at `shift`. */
function split(leaf: readonly unknown[], shift: number): Mutable {
  const buckets: (Mutable | undefined)[] = []
  let bitmap = 0
  for (let i = 0; i < leaf.length; i += 2) {
    const slot = (hashString(leaf[i] as string) >>> shift) & MASK
    bitmap |= 1 << slot
    ;(buckets[slot] ??= []).push(leaf[i], leaf[i + 1])
  }
  const level: Mutable = [bitmap]
  // Copied at their length (see `inserted`).
  for (const bucket of buckets) if (bucket !== undefined) level.push(fresh(bucket.slice()))
  return fresh(level.slice())
}

/**
 * Stores `value` under `key`, changing owned nodes in place and copying frozen ones on the path. In
 * a fold, a node that gains an entry is made again at its new length.
 * @returns the root to keep (the same one when it was owned and did not gain a child)
 * @since 0.1.0
 */
export function trieSet<V>(trie: Trie<V>, key: string, value: V): Trie<V> {
  if (made !== undefined && typeof value === 'object' && value !== null && isOwned(value)) storedValue(value, undefined)
  return put(trie, key, value)
}

/** {@link trieSet} without listing the value. */
function put<V>(trie: Trie<V>, key: string, value: V): Trie<V> {
  const h = hashString(key)
  let top = own(trie)
  // The level searched, and where it is held: in `top`, or at `holder[held]`.
  let level = top
  let holder: Mutable | undefined
  let held = 0
  for (let shift = 0; ; shift += BITS) {
    const bitmap = level[0] as number
    const bit = 1 << ((h >>> shift) & MASK)
    const at = indexOf(bitmap, bit)
    if ((bitmap & bit) === 0) {
      const grown = inserted(level, at, [key, value])
      grown[0] = bitmap | bit
      if (holder === undefined) top = grown
      else holder[held] = grown
      return top as Trie<V>
    }
    const node = level[at] as readonly unknown[]
    if (isLevel(node)) {
      holder = level
      held = at
      level = own(node)
      holder[held] = level
      continue
    }
    for (let i = 0; i < node.length; i += 2) {
      if (node[i] !== key) continue
      const leaf = own(node)
      leaf[i + 1] = value
      level[at] = leaf
      return top as Trie<V>
    }
    if (node.length < 2 * LEAF || shift + BITS > LAST_SHIFT) {
      level[at] = appended(node, key, value)
      return top as Trie<V>
    }
    holder = level
    held = at
    level = split(node, shift + BITS)
    holder[held] = level
  }
}

/**
 * The value under `key` made changeable: frozen nodes on its path (and the value, with `copy`) are
 * replaced by copies, so a replay can change a published state's successor in place.
 * @param value the value under `key` when the caller knows it (saves a lookup)
 * @returns the root to keep and the value, or `undefined` when there is no such key
 * @since 0.1.0
 */
export function trieUpdate<V extends object>(
  trie: Trie<V>,
  key: string,
  copy: (value: V) => V,
  value: V | undefined = trieGet(trie, key),
): [Trie<V>, V] | undefined {
  if (value === undefined) return undefined
  if (isOwned(value)) return [trie, value]
  const owned = copy(value)
  storedValue(owned, value)
  return [put(trie, key, owned), owned]
}

function* values<V>(node: readonly unknown[]): Generator<V> {
  if (isLevel(node)) {
    for (let i = 1; i < node.length; i++) yield* values<V>(node[i] as readonly unknown[])
    return
  }
  for (let i = 1; i < node.length; i += 2) yield node[i] as V
}

/** Every value of the trie, in no particular order. @since 0.1.0 */
export function* trieValues<V>(trie: Trie<V>): Generator<V> {
  yield* values<V>(trie)
}

/** Every entry of a node: `visit(key, value)`. */
function forEach<V>(node: readonly unknown[], visit: (key: string, value: V) => void): void {
  if (isLevel(node)) {
    for (let i = 1; i < node.length; i++) forEach(node[i] as readonly unknown[], visit)
    return
  }
  for (let i = 0; i < node.length; i += 2) visit(node[i] as string, node[i + 1] as V)
}

/** The value of `key` in a node that may be a level or a leaf, or `undefined`. */
function lookup(node: readonly unknown[], key: string, shift: number): unknown {
  if (!isLevel(node)) {
    for (let i = 0; i < node.length; i += 2) if (node[i] === key) return node[i + 1]
    return undefined
  }
  const bitmap = node[0] as number
  const bit = 1 << ((hashString(key) >>> shift) & MASK)
  return (bitmap & bit) === 0 ? undefined : lookup(node[indexOf(bitmap, bit)] as readonly unknown[], key, shift + BITS)
}

/** Whether two leaves hold the same keys in the same places (a value changed in place: the usual case). */
function sameKeys(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length || isLevel(a) || isLevel(b)) return false
  for (let i = 0; i < a.length; i += 2) if (a[i] !== b[i]) return false
  return true
}

type Visit<V> = (key: string, before?: V, after?: V) => void

/**
 * Compares two nodes found at the same place (hash bits below `shift` spent). Two levels go slot
 * by slot; otherwise (a leaf on either side: at most 8 entries) each entry is looked up on the
 * other side, without building maps.
 */
function nodeDiff<V>(
  a: readonly unknown[] | undefined,
  b: readonly unknown[] | undefined,
  shift: number,
  visit: Visit<V>,
): void {
  if (a === b) return
  if (a === undefined || b === undefined) {
    if (a !== undefined) forEach<V>(a, (key, was) => visit(key, was, undefined))
    if (b !== undefined) forEach<V>(b, (key, now) => visit(key, undefined, now))
    return
  }
  if (isLevel(a) && isLevel(b)) {
    const [ma, mb] = [a[0] as number, b[0] as number]
    for (let slot = 0, ia = 1, ib = 1; slot <= MASK; slot++) {
      const bit = 1 << slot
      const ca = (ma & bit) === 0 ? undefined : (a[ia++] as readonly unknown[])
      const cb = (mb & bit) === 0 ? undefined : (b[ib++] as readonly unknown[])
      if (ca !== cb) nodeDiff(ca, cb, shift + BITS, visit)
    }
    return
  }
  if (sameKeys(a, b)) {
    for (let i = 1; i < a.length; i += 2) if (a[i] !== b[i]) visit(a[i - 1] as string, a[i] as V, b[i] as V)
    return
  }
  forEach<V>(b, (key, now) => {
    const was = lookup(a, key, shift) as V | undefined
    if (was !== now) visit(key, was, now)
  })
  forEach<V>(a, (key, was) => {
    if (lookup(b, key, shift) === undefined) visit(key, was, undefined)
  })
}

/**
 * Calls `visit` for every key whose value differs (by reference) between two tries, skipping the
 * parts they share: comparing two states of one history costs what changed between them.
 * @since 0.1.0
 */
export function trieDiff<V>(a: Trie<V>, b: Trie<V>, visit: Visit<V>): void {
  nodeDiff(a, b, 0, visit)
}
