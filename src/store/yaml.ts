import { isSeq, LineCounter, type Node, parseDocument, type YAMLError } from 'yaml'
import type { ParseError } from '../errors/types.js'
import type { Located, ParsedValues } from './parse.js'
import { Converter, fieldLine, MESSAGES, textWhereWanted, YamlValueError } from './yamlNodes.js'

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
    else if (starts.length === 0 ? !/^\s*(#|$)/.test(line) : line !== '' && !/^[ #]/.test(line)) return undefined
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
  out: { readonly values: Located[]; readonly errors: ParseError[] },
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
