import type { Change, Diff } from '../diff/types.js'
import type { Json, OrgState } from '../domain/state.js'
import { type Source, sourcesOf } from '../events/envelope.js'
import type { Step } from '../timeline/steps.js'
import { CHANGE_HEADINGS } from './diffText.js'
import { nameLabel, personLabel, type TextOptions, unitLabel } from './labels.js'
import { eventSummary } from './log.js'

/**
 * Text safe inside Markdown (CommonMark/GFM), tables included: the punctuation that could start
 * emphasis, strikethrough, a link, code, HTML or a table cell is backslash-escaped, an `&` that would
 * start an entity becomes `&amp;`, and line breaks become spaces. Parentheses need nothing once
 * brackets are escaped, so names stay readable in the source.
 * @param text any text
 * @returns the text, safe in a paragraph, a list item or a table cell
 * @example
 * escapeMarkdown('a|b*c') // 'a\\|b\\*c'
 * @since 0.1.0
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>|~]/g, '\\$&')
    .replace(/&(?=#?\w+;)/g, '&amp;')
    .replace(/[\r\n\t\u2028\u2029]+/g, ' ')
}

/**
 * A Markdown code span holding any text: the fence is longer than any run of backticks inside.
 * Inside a table cell, `|` is escaped too (GFM splits cells on it even in code).
 * @param text the text
 * @param inTable whether the span goes into a table cell
 * @returns the code span
 * @example
 * codeSpan('taobao-tmall') // '`taobao-tmall`'
 * @since 0.1.0
 */
export function codeSpan(text: string, inTable = false): string {
  const runs = text.match(/`+/g) ?? []
  const fence = '`'.repeat(runs.reduce((n, r) => Math.max(n, r.length), 0) + 1)
  const oneLine = text.replace(/[\r\n]+/g, ' ')
  const flat = inTable ? oneLine.replace(/\|/g, '\\|') : oneLine
  const pad = flat.startsWith('`') || flat.endsWith('`') || flat === '' ? ' ' : ''
  return `${fence}${pad}${flat}${pad}${fence}`
}

const show = (v: Json | undefined) => (v === undefined ? '(none)' : JSON.stringify(v))

function item(c: Change, states: readonly OrgState[], lang: readonly string[] | undefined): string {
  const name = (id: string | null) => escapeMarkdown(unitLabel(states, id, lang))
  const u = `**${name(c.unit)}** ${codeSpan(c.unit)}`
  const who = (p: string) => escapeMarkdown(personLabel(states, p, lang))
  switch (c.kind) {
    case 'unit-added':
      return `${u} under ${name(c.parent)}`
    case 'unit-ended':
      return `${u} ${c.status}${c.successors.length > 0 ? ` into ${c.successors.map(name).join(', ')}` : ''}`
    case 'unit-renamed':
      return `${codeSpan(c.unit)} ${escapeMarkdown(nameLabel(c.from, lang))} → ${escapeMarkdown(nameLabel(c.to, lang))}`
    case 'unit-moved':
      return `${u} from ${name(c.from)} to ${name(c.to)}`
    case 'unit-reclassified':
      return `${u} from ${escapeMarkdown(c.from ?? '(no kind)')} to ${escapeMarkdown(c.to ?? '(no kind)')}`
    case 'attributes-changed': {
      const keys = [...new Set([...Object.keys(c.from), ...Object.keys(c.to)])]
      const changed = keys.filter((k) => show(c.from[k]) !== show(c.to[k]))
      return `${u}: ${changed.map((k) => `${codeSpan(k)} ${codeSpan(show(c.from[k]))} → ${codeSpan(show(c.to[k]))}`).join('; ')}`
    }
    case 'leader-added':
      return `${u} ${escapeMarkdown(c.title ?? c.role)}: ${who(c.person)}${c.acting ? ' (acting)' : ''}`
    case 'leader-removed':
      return `${u} ${escapeMarkdown(c.role)}: ${who(c.person)}`
    case 'leader-updated':
      return `${u} ${escapeMarkdown(c.role)}: ${who(c.person)} ${codeSpan(JSON.stringify(c.from))} → ${codeSpan(JSON.stringify(c.to))}`
  }
}

/**
 * A diff as Markdown, for a pull request or a report: a heading with the two dates, a count, one
 * section per kind of change with a bullet per change, and the events that explain them.
 * @param d the diff
 * @param states the states it compares, for names (later first)
 * @param options `languages` of names
 * @returns the Markdown text
 * @example
 * diffMarkdown(timeline.diffOrThrow('2021-12-31', '2022-01-06'), [after, before])
 * @since 0.1.0
 */
export function diffMarkdown(d: Diff, states: readonly OrgState[] = [], options: TextOptions = {}): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`
  const out = [
    `## ${escapeMarkdown(d.from ?? '(start)')} → ${escapeMarkdown(d.to ?? '(end)')}`,
    '',
    `${plural(d.changes.length, 'change')}, ${plural(d.events.length, 'event')}.`,
  ]
  let kind: Change['kind'] | undefined
  for (const c of d.changes) {
    if (c.kind !== kind) out.push('', `### ${CHANGE_HEADINGS[(kind = c.kind)]}`, '')
    out.push(`- ${item(c, states, options.languages)}`)
  }
  if (d.events.length > 0) out.push('', '### Events', '', d.events.map((id) => codeSpan(id)).join(', '))
  return out.join('\n')
}

const linkTarget = (url: string) =>
  url.replace(/[\s()<>]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)

/** A source as Markdown: a link when it has a URL. */
function sourceMarkdown(s: Source): string {
  const label = escapeMarkdown(s.title ?? s.publisher ?? s.url ?? '(source)')
  const by = s.title !== undefined && s.publisher !== undefined ? ` (${escapeMarkdown(s.publisher)})` : ''
  return s.url === undefined ? `${label}${by}` : `[${label}](${linkTarget(s.url)})${by}`
}

/**
 * Events as a Markdown table: date, type, summary, reorg and sources (links when they have a URL).
 * @param steps events with the org before and after each (from `replaySteps`)
 * @param options `languages` of names
 * @returns the table, or a line saying there are no events
 * @example
 * logMarkdown([...replaySteps(history)], { languages: ['en'] })
 * @since 0.1.0
 */
export function logMarkdown(steps: readonly Step[], options: TextOptions = {}): string {
  if (steps.length === 0) return '_No events._'
  const rows = steps.map(({ event, before, after }) => {
    const cells = [
      escapeMarkdown(event.effective),
      event.type,
      escapeMarkdown(eventSummary({ event, before, after }, options)),
      event.reorg === undefined ? '' : codeSpan(event.reorg, true),
      sourcesOf(event).map(sourceMarkdown).join('; '),
    ]
    return `| ${cells.join(' | ')} |`
  })
  return ['| Date | Type | Summary | Reorg | Source |', '| --- | --- | --- | --- | --- |', ...rows].join('\n')
}

/** One change as the list item `diffMarkdown` shows for it (without the `- `). @since 0.2.0 */
export { item as changeItem }
