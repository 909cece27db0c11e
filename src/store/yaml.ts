import { isLeft } from 'fp-ts/lib/Either.js'
import {
  type Document,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  parseDocument,
  Scalar,
  type YAMLError,
} from 'yaml'
import type { ParseError } from '../errors/types.js'
import { decodeEvent } from '../events/event.js'
import type { Located, ParsedValues } from './parse.js'

/** Values that aliases may expand to in one file, against alias bombs. */
const ALIAS_BUDGET = 100_000

const MESSAGES: Record<string, string> = {
  DUPLICATE_KEY: 'duplicate key: a key may appear once in a map',
  MULTIPLE_DOCS: 'a YAML history is one document, a sequence of events; remove the `---` separators',
  TAG_RESOLVE_FAILED: 'unknown tag: a history holds only plain YAML values',
}

class YamlValueError extends Error {
  constructor(
    readonly node: Node,
    message: string,
  ) {
    super(message)
  }
}

/** Turns YAML nodes into JSON values: keys as written, aliases followed (never into a cycle). */
class Converter {
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
function textWhereWanted(value: unknown, numbers: ReadonlyMap<string, string>): [unknown, ReadonlySet<string>] {
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
function fieldLine(doc: Document, item: Node, path: string, lineOf: (offset: number) => number): number | undefined {
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

function parseError(file: string, line: number, message: string): ParseError {
  return { _tag: 'ParseError', origin: { file, line }, message }
}

/** Anchors, aliases or tags may be in the text: it is read as one document. */
const REFERENCES = /(^|[\s[{,])[&*!][^\s,[\]{}]/m

/**
 * The items of a top-level block sequence as texts of their own, with the line each starts on; or
 * `undefined` when the text is anything else (or may have anchors), which is read as one document.
 * Reading item by item keeps only one item's syntax tree in memory.
 */
function itemTexts(text: string): { text: string; line: number }[] | undefined {
  if (REFERENCES.test(text)) return undefined
  const lines = text.split('\n')
  const starts: number[] = []
  for (const [i, raw] of lines.entries()) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw
    if (line.startsWith('- ') || line === '-') starts.push(i)
    else if (line !== '' && !line.startsWith(' ') && !line.startsWith('#')) return undefined
  }
  return starts.map((from, k) => ({
    text: lines.slice(from, starts[k + 1] ?? lines.length).join('\n'),
    line: from + 1,
  }))
}

/** Reads a sequence of events from one YAML document, its lines counted from `first`. */
function readDocument(
  text: string,
  file: string,
  first: number,
  out: ParsedValues & { values: Located[]; errors: ParseError[] },
): void {
  const counter = new LineCounter()
  const doc = parseDocument(text, {
    version: '1.2',
    schema: 'core',
    uniqueKeys: true,
    merge: false,
    strict: true,
    prettyErrors: false,
    lineCounter: counter,
  })
  const lineOf = (offset: number) => counter.linePos(offset).line + first - 1
  const problems: YAMLError[] = [...doc.errors, ...doc.warnings]
  if (problems.length > 0) {
    for (const e of problems)
      out.errors.push(parseError(file, lineOf(e.pos[0]), `invalid YAML: ${MESSAGES[e.code] ?? e.message}`))
    return
  }
  const contents = doc.contents
  if (contents === null) return
  if (!isSeq(contents)) {
    const message = 'a YAML history must be a sequence of events, each item starting with `- `'
    out.errors.push(parseError(file, lineOf(contents.range?.[0] ?? 0), message))
    return
  }
  for (const item of contents.items) {
    const node = item as Node
    const line = lineOf(node.range?.[0] ?? 0)
    const converter = new Converter(doc)
    try {
      const [value, wrong] = textWhereWanted(converter.value(node, '', false), converter.numbers)
      // The lines of the fields that will be reported, found now so the document can be let go.
      const lines = new Map([...wrong].map((path) => [path, fieldLine(doc, node, path, lineOf)]))
      out.values.push({
        value,
        origin: { file, line },
        ...(lines.size > 0 ? { field: (path) => lines.get(path) } : {}),
      })
    } catch (cause) {
      if (!(cause instanceof YamlValueError)) throw cause
      out.errors.push(parseError(file, lineOf(cause.node?.range?.[0] ?? node.range?.[0] ?? 0), cause.message))
    }
  }
}

/**
 * Reads the events of a YAML history (YAML 1.2, core schema): a sequence of events, comments and
 * blank lines ignored. An unquoted `2022-01-01`, `yes` or `2022-01` stays text; duplicate keys,
 * aliases that make a cycle, tags and several documents are errors with their lines. Each value
 * keeps the line of its event, and decoding errors point at the line of the field.
 * @param text the file's content
 * @param file the name used in origins and messages
 * @returns the events' values and the errors of the file
 * @example
 * parseYamlValues('- type: UnitCreated\n  effective: 2020\n  data: {unit: g, name: G}\n', 'g.yaml')
 * @since 0.2.0
 */
export function parseYamlValues(text: string, file: string): ParsedValues {
  const out = { values: [] as Located[], errors: [] as ParseError[] }
  const items = itemTexts(text)
  if (items === undefined) readDocument(text, file, 1, out)
  else for (const item of items) readDocument(item.text, file, item.line, out)
  return out
}
