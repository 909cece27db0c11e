import { jsonEqual } from '../domain/json.js'
import { formatPointer, type JsonPatch, type JsonPatchOperation } from '../domain/jsonPointer.js'
import type { Json, OrgState } from '../domain/state.js'
import { type PersonJSON, toJSON, type UnitJSON } from '../queries/json.js'

type Path = readonly (string | number)[]
type Out = JsonPatchOperation[]
type Diff<T> = (a: T, b: T, path: Path, out: Out) => void

const isObject = (v: unknown): v is { readonly [key: string]: unknown } =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

/** Operations turning one JSON value into another: objects key by key, arrays by their common ends. */
function diffValue(a: unknown, b: unknown, path: Path, out: Out): void {
  if (jsonEqual(a as Json, b as Json)) return
  if (Array.isArray(a) && Array.isArray(b)) diffArray(a, b, path, out)
  else if (isObject(a) && isObject(b)) diffObject(a, b, path, out, () => diffValue)
  else out.push({ op: 'replace', path: formatPointer(path), value: b })
}

/** Keys of `a` not in `b` are removed, keys of `b` not in `a` added, the others diffed by `inner(key)`. */
function diffObject(a: object, b: object, path: Path, out: Out, inner: (key: string) => Diff<unknown>): void {
  const [x, y] = [a as Record<string, unknown>, b as Record<string, unknown>]
  for (const k of Object.keys(a))
    if (!Object.hasOwn(b, k)) out.push({ op: 'remove', path: formatPointer([...path, k]) })
  for (const k of Object.keys(b)) {
    if (Object.hasOwn(a, k)) inner(k)(x[k], y[k], [...path, k], out)
    else out.push({ op: 'add', path: formatPointer([...path, k]), value: y[k] })
  }
}

/** Keeps the common prefix and suffix; diffs the middles element by element, then trims or extends. */
function diffArray(a: readonly unknown[], b: readonly unknown[], path: Path, out: Out): void {
  const same = (i: number, j: number) => jsonEqual(a[i] as Json, b[j] as Json)
  let p = 0
  while (p < a.length && p < b.length && same(p, p)) p++
  let s = 0
  while (s < a.length - p && s < b.length - p && same(a.length - 1 - s, b.length - 1 - s)) s++
  const [ma, mb] = [a.length - p - s, b.length - p - s]
  for (let i = 0; i < Math.min(ma, mb); i++) diffValue(a[p + i], b[p + i], [...path, p + i], out)
  for (let i = ma - 1; i >= mb; i--) out.push({ op: 'remove', path: formatPointer([...path, p + i]) })
  for (let i = ma; i < mb; i++) out.push({ op: 'add', path: formatPointer([...path, p + i]), value: b[p + i] })
}

/** Indexes of a longest strictly increasing subsequence of `xs` (patience sorting). */
function longestIncreasing(xs: readonly number[]): Set<number> {
  const tails: number[] = []
  const back = new Array<number>(xs.length).fill(-1)
  xs.forEach((x, i) => {
    let [lo, hi] = [0, tails.length]
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (xs[tails[mid]!]! < x) lo = mid + 1
      else hi = mid
    }
    back[i] = lo > 0 ? tails[lo - 1]! : -1
    tails[lo] = i
  })
  const out = new Set<number>()
  for (let i = tails.length > 0 ? tails[tails.length - 1]! : -1; i >= 0; i = back[i]!) out.add(i)
  return out
}

/**
 * Operations turning one array of keyed elements into another without replacing it: elements not
 * in `b` are removed (highest index first), the longest run already in `b`'s order stays, the
 * other common elements move into place, new ones are added, and common ones are diffed by `inner`.
 */
function alignByKey<T>(
  a: readonly T[],
  b: readonly T[],
  path: Path,
  key: (x: T) => string,
  inner: Diff<T>,
  out: Out,
): void {
  const target = new Map(b.map((x, i) => [key(x), i]))
  for (let i = a.length - 1; i >= 0; i--)
    if (!target.has(key(a[i]!))) out.push({ op: 'remove', path: formatPointer([...path, i]) })
  const kept = a.filter((x) => target.has(key(x)))
  const cur = kept.map(key)
  const stable = longestIncreasing(cur.map((k) => target.get(k)!))
  const placed = [...stable].map((i) => target.get(cur[i]!)!).sort((x, y) => x - y)
  const moving = cur.filter((_, i) => !stable.has(i)).map((k) => target.get(k)!)
  for (const t of moving.sort((x, y) => x - y)) {
    const k = key(b[t]!)
    const from = cur.indexOf(k)
    cur.splice(from, 1)
    let lo = 0
    for (let hi = placed.length; lo < hi; ) {
      const mid = (lo + hi) >> 1
      if (placed[mid]! < t) lo = mid + 1
      else hi = mid
    }
    const to = lo === 0 ? 0 : cur.indexOf(key(b[placed[lo - 1]!]!)) + 1
    placed.splice(lo, 0, t)
    cur.splice(to, 0, k)
    if (from !== to) out.push({ op: 'move', from: formatPointer([...path, from]), path: formatPointer([...path, to]) })
  }
  const before = new Map(kept.map((x) => [key(x), x]))
  b.forEach((x, i) => {
    const was = before.get(key(x))
    if (was === undefined) out.push({ op: 'add', path: formatPointer([...path, i]), value: x })
    else inner(was, x, [...path, i], out)
  })
}

const byId = (x: { readonly id: string }) => x.id

const leaderKey = (l: UnitJSON['leaders'][number]) => `${l.role}\u0000${l.person}`
const roleKey = (r: PersonJSON['roles'][number]) => `${r.unit}\u0000${r.role}`

const leadersDiff: Diff<unknown> = (x, y, p, o) =>
  alignByKey(x as UnitJSON['leaders'], y as UnitJSON['leaders'], p, leaderKey, diffValue, o)
const rolesDiff: Diff<unknown> = (x, y, p, o) =>
  alignByKey(x as PersonJSON['roles'], y as PersonJSON['roles'], p, roleKey, diffValue, o)

function diffUnit(a: UnitJSON, b: UnitJSON, path: Path, out: Out): void {
  if (!jsonEqual(a as unknown as Json, b as unknown as Json))
    diffObject(a, b, path, out, (k) => (k === 'leaders' ? leadersDiff : diffValue))
}

function diffPerson(a: PersonJSON, b: PersonJSON, path: Path, out: Out): void {
  if (!jsonEqual(a as unknown as Json, b as unknown as Json))
    diffObject(a, b, path, out, (k) => (k === 'roles' ? rolesDiff : diffValue))
}

/**
 * An RFC 6902 JSON Patch that turns `toJSON(from)` into `toJSON(to)` exactly (DESIGN §4 shape).
 * Units, people and ended units are matched by id, leaders by role and person, roles by unit and
 * role, so a patch names what changed instead of replacing whole lists; other objects are patched
 * key by key, other arrays by their differing middle. Keys are escaped as JSON Pointer tokens
 * (`a/b` → `a~1b`, `~x` → `~0x`).
 * @param from the earlier state
 * @param to the later state
 * @returns the operations, in the order they apply
 * @example
 * const [before, after] = statesAtOrThrow(history, ['2021-12-31', '2022-01-06'])
 * applyJsonPatch(toJSON(before), toJsonPatch(before, after)) // Right(toJSON(after))
 * @since 0.1.0
 */
export function toJsonPatch(from: OrgState, to: OrgState): JsonPatch {
  const [a, b] = [toJSON(from), toJSON(to)]
  const out: Out = []
  if (a.at !== b.at) out.push({ op: 'replace', path: '/at', value: b.at })
  if (a.knownAt !== b.knownAt) out.push({ op: 'replace', path: '/knownAt', value: b.knownAt })
  alignByKey(a.units, b.units, ['units'], byId, diffUnit, out)
  alignByKey(a.people, b.people, ['people'], byId, diffPerson, out)
  alignByKey(a.ended, b.ended, ['ended'], byId, diffValue, out)
  return out
}
