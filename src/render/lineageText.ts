import type { OrgState } from '../domain/state.js'
import type { Lineage, LineageLink, LineageNode } from '../queries/lineage.js'
import { unit } from '../queries/units.js'
import { nameLabel, type TextOptions } from './labels.js'

/** Deeper levels are drawn at this indentation, marked with their depth. */
const MAX_INDENT = 32

const LINKS: Record<LineageLink, string> = { merged: 'merged', split: 'split', 'spun-out': 'spun out' }

const life = (since: string, ended: string | null) => (ended === null ? `since ${since}` : `${since} – ${ended}`)

/** The lines of one direction of a lineage, drawn like `org-history at` draws the org. */
function branch(nodes: readonly LineageNode[], options: TextOptions): string[] {
  const lines: string[] = []
  const guides: string[] = []
  const stack = nodes.map((node, i) => ({ node, depth: 0, last: i === nodes.length - 1 })).reverse()
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const { node, depth, last } = item
    const indent = guides.slice(0, Math.min(depth, MAX_INDENT)).join('') + (last ? '└── ' : '├── ')
    const marker = depth >= MAX_INDENT ? `[depth ${depth + 1}] ` : ''
    const label = `${nameLabel(node.name, options.languages)} [${node.unit}]`
    lines.push(`${indent}${marker}${label}  ${LINKS[node.link]} ${node.date}  (${life(node.since, node.ended)})`)
    guides[depth] = last ? '    ' : '│   '
    for (let i = node.next.length - 1; i >= 0; i--)
      stack.push({ node: node.next[i]!, depth: depth + 1, last: i === node.next.length - 1 })
  }
  return lines.length === 0 ? ['(none)'] : lines
}

/**
 * The lineage of a unit as text: the unit with its status, then its predecessors and its
 * successors as trees, each unit with how and when it is linked to the one above it and its own
 * life span. Iterative, so a chain of any length renders.
 * @param state the state the lineage was read from (for the unit's own status)
 * @param l the lineage
 * @param options `languages` of names
 * @returns the text
 * @example
 * console.log(renderLineage(end, lineage(end, 'taobao-tmall')!))
 * @since 0.1.0
 */
export function renderLineage(state: OrgState, l: Lineage, options: TextOptions = {}): string {
  const u = unit(state, l.unit)
  const head =
    u === undefined
      ? `[${l.unit}]`
      : `${nameLabel(u.name, options.languages)} [${u.id}]  ${u.status === 'active' ? `active since ${u.since}` : `${u.status} ${u.ended} (${life(u.since, u.ended)})`}`
  return [
    head,
    '',
    'Predecessors',
    ...branch(l.predecessors, options),
    '',
    'Successors',
    ...branch(l.successors, options),
  ].join('\n')
}
