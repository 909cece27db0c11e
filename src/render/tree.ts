import type { OrgState, Unit } from '../domain/state.js'
import { children, roots } from '../queries/units.js'
import { leaderLabel, nameLabel, type TextOptions } from './labels.js'

/** Deeper levels are drawn at this indentation, marked with their depth. */
const MAX_INDENT = 32

/**
 * The org as an indented tree, one active unit a line with its id and leaders. Iterative, and the
 * indentation stops growing past 32 levels, so a chain of any depth renders in linear time.
 * @example
 * console.log(renderTree(stateAtOrThrow(history, '2022-01-06')))
 * @since 0.1.0
 */
export function renderTree(state: OrgState, options: TextOptions = {}): string {
  const lines: string[] = []
  const guides: string[] = []
  const stack: { unit: Unit; depth: number; last: boolean }[] = roots(state)
    .map((unit, i, all) => ({ unit, depth: 0, last: i === all.length - 1 }))
    .reverse()
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const { unit, depth, last } = item
    const indent = depth === 0 ? '' : guides.slice(1, Math.min(depth, MAX_INDENT)).join('') + (last ? '└── ' : '├── ')
    const marker = depth >= MAX_INDENT ? `[depth ${depth}] ` : ''
    const leaders = unit.leaders.map((l) => leaderLabel([state], l, options.languages)).join(', ')
    lines.push(
      `${indent}${marker}${nameLabel(unit.name, options.languages)} [${unit.id}]${leaders === '' ? '' : `  ${leaders}`}`,
    )
    guides[depth] = last ? '    ' : '│   '
    const kids = children(state, unit.id)
    for (let i = kids.length - 1; i >= 0; i--)
      stack.push({ unit: kids[i]!, depth: depth + 1, last: i === kids.length - 1 })
  }
  return lines.length === 0 ? '(no active units)' : lines.join('\n')
}
