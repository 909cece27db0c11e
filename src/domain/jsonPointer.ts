import { type Either, left, right } from 'fp-ts/lib/Either.js'
import { jsonEqual } from './json.js'
import type { Json } from './state.js'

/**
 * One operation of an RFC 6902 JSON Patch. Paths are RFC 6901 JSON Pointers (`/units/3/name`,
 * `~1` for `/` and `~0` for `~` inside a key).
 * @since 0.1.0
 */
export type JsonPatchOperation =
  | { readonly op: 'add'; readonly path: string; readonly value: unknown }
  | { readonly op: 'remove'; readonly path: string }
  | { readonly op: 'replace'; readonly path: string; readonly value: unknown }
  | { readonly op: 'move'; readonly from: string; readonly path: string }
  | { readonly op: 'copy'; readonly from: string; readonly path: string }
  | { readonly op: 'test'; readonly path: string; readonly value: unknown }

/** An RFC 6902 JSON Patch: operations applied in order. @since 0.1.0 */
export type JsonPatch = readonly JsonPatchOperation[]

/**
 * Why a JSON Patch could not be applied, with the index of the failing operation.
 * @since 0.1.0
 */
export type JsonPatchError =
  | { readonly _tag: 'InvalidOperation'; readonly index: number; readonly reason: string }
  | { readonly _tag: 'InvalidPointer'; readonly index: number; readonly pointer: string }
  | { readonly _tag: 'PathNotFound'; readonly index: number; readonly pointer: string }
  | { readonly _tag: 'TestFailed'; readonly index: number; readonly pointer: string; readonly actual: unknown }
  | { readonly _tag: 'MoveIntoChild'; readonly index: number; readonly from: string; readonly path: string }

/**
 * A JSON Pointer from its reference tokens, escaping `~` as `~0` and `/` as `~1`.
 * @param tokens keys and array indexes, outermost first
 * @returns the pointer; `''` for no tokens (the whole document)
 * @example
 * formatPointer(['units', 0, 'a/b']) // '/units/0/a~1b'
 * @since 0.1.0
 */
export function formatPointer(tokens: readonly (string | number)[]): string {
  return tokens.map((t) => `/${String(t).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('')
}

/**
 * The reference tokens of a JSON Pointer, unescaped.
 * @param pointer `''` or text starting with `/`
 * @returns the tokens, or `undefined` when the pointer is malformed (no leading `/`, `~` not followed by 0 or 1)
 * @example
 * parsePointer('/a~1b/~0x') // ['a/b', '~x']
 * @since 0.1.0
 */
export function parsePointer(pointer: string): string[] | undefined {
  if (pointer === '') return []
  if (!pointer.startsWith('/') || /~(?![01])/.test(pointer)) return undefined
  return pointer
    .slice(1)
    .split('/')
    .map((t) => t.replaceAll('~1', '/').replaceAll('~0', '~'))
}

type Container = unknown[] | { [key: string]: unknown }
const isContainer = (v: unknown): v is Container => typeof v === 'object' && v !== null
const MISSING = Symbol('missing')

/** An array index token: `0` or digits without a leading zero; `-` (past the end) when `end`. */
function arrayIndex(token: string, length: number, end: boolean): number | undefined {
  if (end && token === '-') return length
  if (!/^(0|[1-9][0-9]*)$/.test(token)) return undefined
  const i = Number(token)
  return i < length || (end && i === length) ? i : undefined
}

/** The member a token names: an array element, or an own property (never one of the prototype). */
function member(node: unknown, token: string): unknown {
  if (Array.isArray(node)) {
    const i = arrayIndex(token, node.length, false)
    return i === undefined ? MISSING : node[i]
  }
  return isContainer(node) && Object.hasOwn(node, token) ? (node as Record<string, unknown>)[token] : MISSING
}

/** Defines an own data property, so `__proto__` is a key like any other and no setter runs. */
function define(node: { [key: string]: unknown }, key: string, value: unknown): void {
  Object.defineProperty(node, key, { value, writable: true, enumerable: true, configurable: true })
}

/** A document being patched: containers it copied (and may change in place) are `owned`. */
interface Working {
  root: unknown
  owned: WeakSet<object>
}

function own(w: Working, node: Container): Container {
  if (w.owned.has(node)) return node
  const copy = Array.isArray(node) ? node.slice() : { ...node }
  w.owned.add(copy)
  return copy
}

function get(w: Working, tokens: readonly string[]): unknown {
  let node = w.root
  for (const t of tokens) if ((node = member(node, t)) === MISSING) return MISSING
  return node
}

/** The container at `tokens`, copied (with every container above it) unless already owned. */
function ownedAt(w: Working, tokens: readonly string[]): Container | undefined {
  if (!isContainer(w.root)) return undefined
  let node = (w.root = own(w, w.root))
  for (const t of tokens) {
    const next = member(node, t)
    if (!isContainer(next)) return undefined
    const copy = own(w, next)
    if (Array.isArray(node)) node[Number(t)] = copy
    else define(node, t, copy)
    node = copy
  }
  return node
}

/** Adds, replaces or removes the member at `tokens`; `false` when its location does not exist. */
function write(w: Working, tokens: readonly string[], how: 'add' | 'replace' | 'remove', value?: unknown): boolean {
  if (tokens.length === 0) {
    w.root = value
    return true
  }
  const parent = ownedAt(w, tokens.slice(0, -1))
  const key = tokens[tokens.length - 1]!
  if (Array.isArray(parent)) {
    const i = arrayIndex(key, parent.length, how === 'add')
    if (i === undefined) return false
    parent.splice(i, how === 'add' ? 0 : 1, ...(how === 'remove' ? [] : [value]))
    return true
  }
  if (parent === undefined || (how !== 'add' && !Object.hasOwn(parent, key))) return false
  if (how === 'remove') delete parent[key]
  else define(parent, key, value)
  return true
}

/** Whether `a` is `b` (`equal`) or a proper prefix of it. */
const startOf = (a: readonly string[], b: readonly string[], equal: boolean) =>
  (equal ? a.length === b.length : a.length < b.length) && a.every((t, i) => t === b[i])

function shapeError(op: unknown): string | undefined {
  if (typeof op !== 'object' || op === null) return 'an operation must be an object'
  const o = op as Record<string, unknown>
  if (!['add', 'remove', 'replace', 'move', 'copy', 'test'].includes(o.op as string))
    return `unknown op ${JSON.stringify(o.op)}`
  if (typeof o.path !== 'string') return `${o.op}: "path" must be a string`
  if ((o.op === 'move' || o.op === 'copy') && typeof o.from !== 'string') return `${o.op}: "from" must be a string`
  if ((o.op === 'add' || o.op === 'replace' || o.op === 'test') && !Object.hasOwn(o, 'value'))
    return `${o.op}: "value" is missing`
  return undefined
}

function step(w: Working, op: JsonPatchOperation, index: number): JsonPatchError | undefined {
  const shape = shapeError(op)
  if (shape !== undefined) return { _tag: 'InvalidOperation', index, reason: shape }
  const path = parsePointer(op.path)
  if (path === undefined) return { _tag: 'InvalidPointer', index, pointer: op.path }
  const notFound: JsonPatchError = { _tag: 'PathNotFound', index, pointer: op.path }
  if (op.op === 'add' || op.op === 'replace') return write(w, path, op.op, op.value) ? undefined : notFound
  if (op.op === 'remove') {
    if (path.length === 0)
      return { _tag: 'InvalidOperation', index, reason: 'remove: cannot remove the whole document' }
    return write(w, path, 'remove') ? undefined : notFound
  }
  const actual = get(w, path)
  if (op.op === 'test') {
    if (actual === MISSING) return notFound
    return jsonEqual(actual as Json, op.value as Json)
      ? undefined
      : { _tag: 'TestFailed', index, pointer: op.path, actual }
  }
  const from = parsePointer(op.from)
  if (from === undefined) return { _tag: 'InvalidPointer', index, pointer: op.from }
  const value = get(w, from)
  if (value === MISSING) return { _tag: 'PathNotFound', index, pointer: op.from }
  if (op.op === 'move' && startOf(from, path, false))
    return { _tag: 'MoveIntoChild', index, from: op.from, path: op.path }
  if (op.op === 'move' && startOf(from, path, true)) return undefined
  if (op.op === 'move') write(w, from, 'remove')
  // A copied container is now in two places: from here on, change nothing in place.
  else w.owned = new WeakSet()
  return write(w, path, 'add', value) ? undefined : notFound
}

/**
 * Applies an RFC 6902 JSON Patch (`add`, `remove`, `replace`, `move`, `copy`, `test`) without
 * changing the document: the result is a new document that shares the parts no operation touched.
 * A pointer only ever addresses own properties, so `/__proto__` names a key called `__proto__` and
 * never reaches `Object.prototype`.
 * @param doc any JSON document
 * @param patch the operations, applied in order; all or nothing
 * @returns the patched document, or the first failing operation (its index) and why it failed
 * @example
 * applyJsonPatch({ a: 1 }, [{ op: 'add', path: '/b', value: 2 }]) // Right({ a: 1, b: 2 })
 * @since 0.1.0
 */
export function applyJsonPatch(doc: unknown, patch: JsonPatch): Either<JsonPatchError, unknown> {
  const w: Working = { root: doc, owned: new WeakSet() }
  for (let i = 0; i < patch.length; i++) {
    const error = step(w, patch[i]!, i)
    if (error !== undefined) return left(error)
  }
  return right(w.root)
}

/**
 * A JSON Patch error as one line of text.
 * @param e the error
 * @returns the index of the failing operation and why it failed
 * @example
 * formatJsonPatchError({ _tag: 'PathNotFound', index: 2, pointer: '/a/b' }) // 'operation 2: path "/a/b" does not exist'
 * @since 0.1.0
 */
export function formatJsonPatchError(e: JsonPatchError): string {
  const at = `operation ${e.index}`
  switch (e._tag) {
    case 'InvalidOperation':
      return `${at}: ${e.reason}`
    case 'InvalidPointer':
      return `${at}: ${JSON.stringify(e.pointer)} is not a JSON Pointer (it starts with "/", "~" only as ~0 or ~1)`
    case 'PathNotFound':
      return `${at}: path ${JSON.stringify(e.pointer)} does not exist`
    case 'TestFailed':
      return `${at}: test of ${JSON.stringify(e.pointer)} failed: found ${JSON.stringify(e.actual)}`
    case 'MoveIntoChild':
      return `${at}: cannot move ${JSON.stringify(e.from)} into its own child ${JSON.stringify(e.path)}`
  }
}
