// From YAML nodes to the JSON values of events: aliases, numbers where text is wanted, field lines.
import { isLeft } from 'fp-ts/lib/Either.js'
import { type Document, isAlias, isMap, isScalar, isSeq, type Node, Scalar } from 'yaml'
import { decodeEvent } from '../events/event.js'

/** Values that aliases may expand to in one file, against alias bombs. */
const ALIAS_BUDGET = 100_000

/** Messages for the YAML package's error codes a history's author is likely to meet. */
export const MESSAGES: Record<string, string> = {
  DUPLICATE_KEY: 'duplicate key: a key may appear once in a map',
  MULTIPLE_DOCS: 'a YAML history is one document, a sequence of events; remove the `---` separators',
  TAG_RESOLVE_FAILED: 'unknown tag: a history holds only plain YAML values',
}

/** A value that cannot be an event's: a cyclic alias, a key that is a map. */
export class YamlValueError extends Error {
  constructor(
    readonly node: Node,
    message: string,
  ) {
    super(message)
  }
}

/** Turns YAML nodes into JSON values: keys as written, aliases followed (never into a cycle). */
export class Converter {
  private readonly active = new Set<Node>()
  private expanded = 0
  /** Plain scalars read as numbers, by the path of decode errors (`data.into[0].unit`). */
  numbers = new Map<string, string>()

  constructor(private readonly doc: Document) {}

  value(node: unknown, path: string, aliased: boolean): unknown {
    if (aliased && ++this.expanded > ALIAS_BUDGET)
      throw new YamlValueError(node as Node, `aliases expand to more than ${ALIAS_BUDGET} values`)
    if (isAlias(node)) {
      const target = node.resolve(this.doc)
      if (target === undefined) throw new YamlValueError(node, `alias *${node.source} has no anchor`)
      if (this.active.has(target))
        throw new YamlValueError(node, `alias *${node.source} refers to a value that contains it (a cycle)`)
      return this.value(target, path, true)
    }
    if (isScalar(node)) {
      if (typeof node.value === 'number' && node.type === Scalar.PLAIN && node.source !== undefined)
        this.numbers.set(path, String(node.source))
      return node.value
    }
    this.active.add(node as Node)
    try {
      if (isSeq(node)) return node.items.map((item, i) => this.value(item, `${path}[${i}]`, aliased))
      if (isMap(node)) {
        const out: Record<string, unknown> = {}
        for (const pair of node.items) {
          const key = this.key(pair.key, node as Node)
          const value = this.value(pair.value, path === '' ? key : `${path}.${key}`, aliased)
          Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true })
        }
        return out
      }
      return node === null ? null : (node as { toJSON?: () => unknown }).toJSON?.()
    } finally {
      this.active.delete(node as Node)
    }
  }

  private key(key: unknown, map: Node): string {
    const node = isAlias(key) ? key.resolve(this.doc) : key
    if (!isScalar(node)) throw new YamlValueError(map, 'a key must be plain text, not a list or a map')
    return typeof node.value === 'string' ? node.value : String(node.source ?? node.value)
  }
}

const errorPaths = (u: unknown) => {
  const r = decodeEvent(u)
  return new Set(isLeft(r) ? r.left.map((e) => e.path) : [])
}

/**
 * The value with numbers written unquoted where the event's codec wants text (`effective: 2022`,
 * `unit: 42`) read as the text written; numbers where it takes numbers (`confidence`, attribute
 * values) stay. Also the paths of the fields that still do not decode.
 */
export function textWhereWanted(value: unknown, numbers: ReadonlyMap<string, string>): [unknown, ReadonlySet<string>] {
  const wrong = errorPaths(value)
  const paths = [...numbers.keys()].filter((p) => wrong.has(p))
  if (paths.length === 0) return [value, wrong]
  const fixed = structuredClone(value)
  for (const p of paths) setAt(fixed, p, numbers.get(p))
  const still = errorPaths(fixed)
  for (const p of paths) if (still.has(p)) setAt(fixed, p, Number(numbers.get(p)))
  return [fixed, errorPaths(fixed)]
}

const steps = (path: string) => path.match(/\[\d+\]|[^.[\]]+/g) ?? []

function setAt(root: unknown, path: string, value: unknown): void {
  const keys = steps(path).map((s) => (s.startsWith('[') ? Number(s.slice(1, -1)) : s))
  let at = root as Record<string | number, unknown>
  for (const k of keys.slice(0, -1)) at = at[k] as Record<string | number, unknown>
  Object.defineProperty(at, keys[keys.length - 1]!, { value, enumerable: true, writable: true, configurable: true })
}

/** The line of the deepest part of a path that the event's node has. */
export function fieldLine(
  doc: Document,
  item: Node,
  path: string,
  lineOf: (offset: number) => number,
): number | undefined {
  let node: unknown = item
  let line: number | undefined
  for (const step of steps(path)) {
    if (isAlias(node)) node = node.resolve(doc)
    if (isSeq(node) && step.startsWith('[')) {
      node = node.items[Number(step.slice(1, -1))]
    } else if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.source ?? p.key.value) === step)
      if (pair === undefined) break
      line = isScalar(pair.key) && pair.key.range ? lineOf(pair.key.range[0]) : line
      node = pair.value
      continue
    } else break
    const range = (node as Node | undefined)?.range
    if (range) line = lineOf(range[0])
  }
  return line
}
