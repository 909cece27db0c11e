import type { Change, Diff } from '../diff/types.js'
import type { Json, OrgState } from '../domain/state.js'
import { nameLabel, personLabel, type TextOptions, unitLabel } from './labels.js'

/** The heading of each kind of change in a rendered diff. @since 0.1.0 */
export const CHANGE_HEADINGS: Record<Change['kind'], string> = {
  'unit-added': 'Units added',
  'unit-ended': 'Units ended',
  'unit-renamed': 'Units renamed',
  'unit-moved': 'Units moved',
  'unit-reclassified': 'Units reclassified',
  'attributes-changed': 'Attributes changed',
  'leader-added': 'Leaders added',
  'leader-removed': 'Leaders removed',
  'leader-updated': 'Leaders updated',
}

/** A key's own value: never one inherited from `Object.prototype` (`constructor`, `__proto__`). */
const own = (o: { readonly [key: string]: Json }, k: string): Json | undefined =>
  Object.hasOwn(o, k) ? o[k] : undefined

const show = (v: Json | undefined) => (v === undefined ? '(none)' : JSON.stringify(v))

function line(c: Change, states: readonly OrgState[], languages?: readonly string[]): string {
  const u = `${unitLabel(states, c.unit, languages)} [${c.unit}]`
  const who = (p: string) => personLabel(states, p, languages)
  switch (c.kind) {
    case 'unit-added':
      return `+ ${u} under ${unitLabel(states, c.parent, languages)}`
    case 'unit-ended':
      return `- ${u} ${c.status}${c.successors.length > 0 ? ` into ${c.successors.map((s) => unitLabel(states, s, languages)).join(', ')}` : ''}`
    case 'unit-renamed':
      return `~ [${c.unit}] ${nameLabel(c.from, languages)} → ${nameLabel(c.to, languages)}`
    case 'unit-moved':
      return `→ ${u}: ${unitLabel(states, c.from, languages)} → ${unitLabel(states, c.to, languages)}`
    case 'unit-reclassified':
      return `= ${u}: ${c.from ?? '(no kind)'} → ${c.to ?? '(no kind)'}`
    case 'attributes-changed': {
      const keys = [...new Set([...Object.keys(c.from), ...Object.keys(c.to)])].filter(
        (k) => show(own(c.from, k)) !== show(own(c.to, k)),
      )
      return `* ${u}: ${keys.map((k) => `${k} ${own(c.from, k) === undefined ? '' : `${show(own(c.from, k))} → `}${show(own(c.to, k))}`).join('; ')}`
    }
    case 'leader-added':
      return `+ ${u} ${c.title ?? c.role}: ${who(c.person)}${c.acting ? ' (acting)' : ''}`
    case 'leader-removed':
      return `- ${u} ${c.role}: ${who(c.person)}`
    case 'leader-updated':
      return `~ ${u} ${c.role}: ${who(c.person)} ${JSON.stringify(c.from)} → ${JSON.stringify(c.to)}`
  }
}

/**
 * A diff as text for a terminal: a heading line, then the changes grouped by kind, with names
 * looked up in the two states.
 * @param d the diff
 * @param states the states it compares (for names), later first is best
 * @example
 * console.log(renderDiff(d, [after, before]))
 * @since 0.1.0
 */
export function renderDiff(d: Diff, states: readonly OrgState[] = [], options: TextOptions = {}): string {
  const title = `${d.from ?? '(start)'} → ${d.to ?? '(end)'}: ${d.changes.length} change${d.changes.length === 1 ? '' : 's'}, ${d.events.length} event${d.events.length === 1 ? '' : 's'}`
  if (d.changes.length === 0) return `${title}\n(no changes)`
  const out = [title]
  let kind: Change['kind'] | undefined
  for (const c of d.changes) {
    if (c.kind !== kind) out.push('', CHANGE_HEADINGS[(kind = c.kind)])
    out.push(`  ${line(c, states, options.languages)}`)
  }
  return out.join('\n')
}

/** One change as the line `renderDiff` shows for it (without the indent). @since 0.2.0 */
export { line as changeLine }
