import { Document, isCollection, isMap, isScalar, visit } from 'yaml'

/** The formats a history is written in (DESIGN §1). @since 0.2.0 */
export type HistoryFormat = 'ndjson' | 'json' | 'yaml'

/** The formats of {@link HistoryFormat}, for checking user input. @since 0.2.0 */
export const HISTORY_FORMATS: readonly HistoryFormat[] = ['ndjson', 'json', 'yaml']

/** How {@link formatHistory} writes. @since 0.2.0 */
export interface FormatOptions {
  /** YAML only: the schema editors check the file against, as a first line `# yaml-language-server: $schema=…`. */
  readonly schemaUrl?: string
}

/** Events per piece of NDJSON or JSON text. */
const BATCH = 1000
/** A map or list of plain values at most this long (as JSON) is written on one line in YAML. */
const FLOW_WIDTH = 72

/** Short maps and lists of plain values, such as names, in flow style: `{zh-Hant: 大淘寶, en: Taobao}`. */
function flowShort(doc: Document): void {
  visit(doc, {
    Collection(_key, node, path) {
      const depth = path.filter(isCollection).length
      if (
        depth < 2 ||
        !node.items.every((item) => (isMap(node) ? isScalar((item as { value: unknown }).value) : isScalar(item)))
      )
        return
      if (JSON.stringify(node.toJSON()).length <= FLOW_WIDTH) node.flow = true
    },
  })
}

/** One event as an item of a YAML sequence (`- type: …`), block style, ending with a line feed. */
function yamlItem(value: unknown): string {
  const doc = new Document([value], { version: '1.2', schema: 'core' })
  flowShort(doc)
  return doc.toString({ lineWidth: 0 })
}

/** Each value with whether another follows it. */
function* withLast<T>(values: Iterable<T>): Generator<readonly [T, boolean]> {
  let held: { value: T } | undefined
  for (const value of values) {
    if (held !== undefined) yield [held.value, false]
    held = { value }
  }
  if (held !== undefined) yield [held.value, true]
}

/** The JSON text of each value, {@link BATCH} to a piece, each piece a line each and a final line feed. */
function* jsonPieces(values: Iterable<unknown>, separator: string): Generator<string> {
  let batch: string[] = []
  for (const v of values) {
    batch.push(JSON.stringify(v))
    if (batch.length === BATCH) {
      yield `${batch.join(separator)}\n`
      batch = []
    }
  }
  if (batch.length > 0) yield `${batch.join(separator)}\n`
}

/** A JSON array, one value a line: the pieces of {@link jsonPieces} joined by commas. */
function* jsonLines(values: Iterable<unknown>): Generator<string> {
  yield '[\n'
  for (const [piece, last] of withLast(jsonPieces(values, ',\n  ')))
    yield `  ${last ? piece : `${piece.slice(0, -1)},\n`}`
  yield ']\n'
}

function* yamlItems(values: Iterable<unknown>, schemaUrl: string | undefined): Generator<string> {
  if (schemaUrl !== undefined) yield `# yaml-language-server: $schema=${schemaUrl}\n`
  let any = false
  for (const v of values) {
    yield any ? `\n${yamlItem(v)}` : yamlItem(v)
    any = true
  }
  if (!any) yield '[]\n'
}

/**
 * Writes the wire values of events as the text of a history, piece by piece (never the whole file
 * as one string): NDJSON one event a line; a JSON array one event a line; YAML a sequence in block
 * style, one event per item, a blank line between events, short maps such as names in flow style.
 * Fields are kept as given, in their order.
 * @param values the events as on the wire (e.g. `encodeEvent(event)`, or values read from a file)
 * @param format `ndjson`, `json` or `yaml`
 * @param options the schema line of a YAML file
 * @returns pieces of text to write one after another; each ends with a line feed
 * @example
 * [...formatHistory([{ type: 'UnitCreated', effective: '2020', data: { unit: 'g', name: 'G' } }], 'yaml')].join('')
 * // '- type: UnitCreated\n  effective: "2020"\n  data: { unit: g, name: G }\n'
 * @since 0.2.0
 */
export function* formatHistory(
  values: Iterable<unknown>,
  format: HistoryFormat,
  options: FormatOptions = {},
): Generator<string> {
  switch (format) {
    case 'ndjson':
      return yield* jsonPieces(values, '\n')
    case 'json':
      return yield* jsonLines(values)
    case 'yaml':
      return yield* yamlItems(values, options.schemaUrl)
  }
}
