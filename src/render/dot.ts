import type { OrgState } from '../domain/state.js'
import { roots, walk } from '../queries/units.js'
import type { TextOptions } from './labels.js'
import { unitLines } from './mermaid.js'

/**
 * Text safe inside a double-quoted Graphviz DOT string: backslashes doubled (so `\N`, `\l`… in a
 * name stay literal), quotes escaped, line breaks and tabs turned into spaces.
 * @param text any text
 * @returns the text to put between the quotes
 * @example
 * dotText('a "b" \\ c') // 'a \\"b\\" \\\\ c'
 * @since 0.1.0
 */
export function dotText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/[\r\n\t\u2028\u2029]+/g, ' ')
}

/**
 * The org as a Graphviz DOT digraph, top-down: one box per active unit with its name and leaders
 * (acting ones marked `(acting)`, their boxes dashed), and an edge from each parent to each
 * child. Node ids are generated (`n0`, `n1`…), the unit id is the node's tooltip, and every
 * string is quoted and escaped with {@link dotText}, so any name or id works.
 * @param state the org at a date
 * @param options `languages` of names
 * @returns the DOT text (`dot -Tsvg` draws it)
 * @example
 * console.log(renderDot(stateAtOrThrow(history, '2022-01-06')))
 * @since 0.1.0
 */
export function renderDot(state: OrgState, options: TextOptions = {}): string {
  const lines = [
    'digraph org {',
    '  graph [rankdir=TB, charset="UTF-8"];',
    '  node [shape=box, style=rounded, fontname="Helvetica,Arial,sans-serif"];',
  ]
  const ids = new Map<string, string>()
  const edges: string[] = []
  for (const { unit } of walk(state, roots(state))) {
    const node = `n${ids.size}`
    ids.set(unit.id, node)
    const label = unitLines(state, unit, options).map(dotText).join('\\n')
    const acting = unit.leaders.some((l) => l.acting) ? ', style="rounded,dashed"' : ''
    lines.push(`  ${node} [label="${label}", tooltip="${dotText(unit.id)}"${acting}];`)
    const parent = unit.parent === null ? undefined : ids.get(unit.parent)
    if (parent !== undefined) edges.push(`  ${parent} -> ${node};`)
  }
  return [...lines, ...edges, '}'].join('\n')
}
