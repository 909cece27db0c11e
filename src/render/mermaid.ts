import type { OrgState, Unit } from '../domain/state.js'
import { roots, walk } from '../queries/units.js'
import { leaderLabel, nameLabel, type TextOptions } from './labels.js'

const ENTITIES: Record<string, string> = {
  '#': '#35;',
  '%': '#37;',
  '&': '#amp;',
  '"': '#quot;',
  '<': '#lt;',
  '>': '#gt;',
  '`': '#96;',
}

/**
 * Text safe inside a quoted Mermaid label (`n0["…"]`): the characters that could end the string,
 * start an entity, a comment, HTML or a Markdown string become Mermaid entity codes (`#quot;`,
 * `#35;`…), and line breaks and tabs become spaces. Brackets, braces, pipes, backslashes, CJK and
 * emoji need nothing inside quotes.
 * @param text any text
 * @returns the text to put between the quotes
 * @example
 * mermaidText('say "hi" <b>') // 'say #quot;hi#quot; #lt;b#gt;'
 * @since 0.1.0
 */
export function mermaidText(text: string): string {
  return text.replace(/[\r\n\t\u2028\u2029]+/g, ' ').replace(/[#%&"<>`]/g, (ch) => ENTITIES[ch]!)
}

/**
 * The lines of a unit's box in a graph: its name, then one line per leader (acting ones marked).
 * @param state the org the unit is in (for the leaders' names)
 * @param u the unit
 * @param options `languages` of names
 * @returns the lines, unescaped
 * @example
 * unitLines(org, unit(org, 'taobao-tmall')!, { languages: ['en'] }) // ['Taobao & Tmall', 'head: Trudy Dai', …]
 * @since 0.1.0
 */
export function unitLines(state: OrgState, u: Unit, options: TextOptions): string[] {
  return [nameLabel(u.name, options.languages), ...u.leaders.map((l) => leaderLabel([state], l, options.languages))]
}

/**
 * The org as a Mermaid flowchart, top-down: one box per active unit with its name and leaders
 * (acting ones marked `(acting)`), and an arrow from each parent to each child. Node ids are
 * generated (`n0`, `n1`…) in the order of the tree, so any unit id works; names are escaped with
 * {@link mermaidText}. A comment line maps each node to its unit id.
 * @param state the org at a date
 * @param options `languages` of names
 * @returns the Mermaid text
 * @example
 * console.log(renderMermaid(stateAtOrThrow(history, '2022-01-06')))
 * @since 0.1.0
 */
export function renderMermaid(state: OrgState, options: TextOptions = {}): string {
  const lines = ['flowchart TD']
  const ids = new Map<string, string>()
  const edges: string[] = []
  for (const { unit } of walk(state, roots(state))) {
    const node = `n${ids.size}`
    ids.set(unit.id, node)
    const label = unitLines(state, unit, options).map(mermaidText).join('<br/>')
    lines.push(`  %% ${node}: ${mermaidText(unit.id)}`, `  ${node}["${label}"]`)
    const parent = unit.parent === null ? undefined : ids.get(unit.parent)
    if (parent !== undefined) edges.push(`  ${parent} --> ${node}`)
  }
  return [...lines, ...edges].join('\n')
}
