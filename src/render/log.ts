import type { UnitId } from '../domain/ids.js'
import { displayName, type Name } from '../domain/name.js'
import type { OrgState } from '../domain/state.js'
import { type Source, sourcesOf } from '../events/envelope.js'
import { person } from '../queries/people.js'
import { unit } from '../queries/units.js'
import type { Step } from '../timeline/steps.js'
import type { TextOptions } from './labels.js'
import { displayWidth, padColumns } from './width.js'

type Lang = readonly string[] | undefined

/** A unit's name in the first state that knows it (the one before the event, then after), or its id. */
const unitName = (states: readonly OrgState[], id: UnitId | null | undefined, languages: Lang) => {
  if (id === null || id === undefined) return '(root)'
  for (const s of states) {
    const u = unit(s, id)
    if (u !== undefined) return displayName(u.name, languages)
  }
  return id
}

const personName = (states: readonly OrgState[], id: string, languages: Lang) => {
  for (const s of states) {
    const name = person(s, id)?.name
    if (name != null) return displayName(name, languages)
  }
  return id
}

const named = (name: Name, id: string, languages: Lang) => {
  const text = displayName(name, languages)
  return `${text} [${id}]`
}

/**
 * A one-line, human summary of an event, with names as they were just before it (new units by
 * their new names), e.g. `淘寶, 天貓 → 大淘寶` for a merge; an inferred event (`import`) ends with
 * its rule and confidence: `… (inferred merge, 0.83)`.
 * @param step the event with the org before and after it (from `replaySteps`)
 * @param options `languages` of the names
 * @returns the summary (the event type is not part of it)
 * @example
 * for (const step of replaySteps(history)) console.log(step.event.type, eventSummary(step))
 * @since 0.1.0
 */
export function eventSummary(step: Step, options: TextOptions = {}): string {
  const inferred = step.event.inferred
  const summary = payloadSummary(step, options)
  return inferred === undefined ? summary : `${summary} (inferred ${inferred.rule}, ${inferred.confidence})`
}

function payloadSummary({ event, before, after }: Step, options: TextOptions): string {
  const lang = options.languages
  const states = [before, after]
  const u = (id: UnitId | null | undefined) => unitName(states, id, lang)
  const later = (id: UnitId) => unitName([after, before], id, lang)
  switch (event.type) {
    case 'UnitCreated': {
      const { unit: id, name, parent } = event.data
      return `${named(name, id, lang)}${parent === undefined ? ' (root)' : ` under ${u(parent)}`}`
    }
    case 'UnitRenamed':
      return `${u(event.data.unit)} → ${displayName(event.data.name, lang)}`
    case 'UnitMoved':
      return `${u(event.data.unit)}: ${u(unit(before, event.data.unit)?.parent)} → ${u(event.data.parent)}`
    case 'UnitMerged':
      return `${event.data.units.map(u).join(', ')} → ${later(event.data.into)}`
    case 'UnitSplit': {
      const parts = event.data.into.map((p) => later(p.unit)).join(', ')
      return `${u(event.data.unit)} → ${parts}${event.data.retain === true ? ` (${u(event.data.unit)} stays)` : ''}`
    }
    case 'UnitDissolved':
      return `${u(event.data.unit)}${event.data.cascade === true ? ' with its subtree' : ''}`
    case 'LeaderAssigned': {
      const { unit: id, person: p, role, title, acting, mode } = event.data
      const extra = [acting === true ? 'acting' : '', mode === 'add' ? 'added' : ''].filter((x) => x !== '')
      return `${u(id)} ${title ?? role ?? 'head'}: ${personName(states, p, lang)}${extra.length > 0 ? ` (${extra.join(', ')})` : ''}`
    }
    case 'LeaderRemoved':
      return `${u(event.data.unit)} ${event.data.role ?? 'head'}: ${personName(states, event.data.person, lang)}`
    case 'PersonRegistered': {
      const aliases = event.data.aliases ?? []
      const aka = aliases.map((a) => displayName(a, lang)).join(', ')
      return `${named(event.data.name, event.data.person, lang)}${aliases.length > 0 ? ` aka ${aka}` : ''}`
    }
    case 'UnitReclassified': {
      const kindText = (k: string | null | undefined) => k ?? '(no kind)'
      return `${u(event.data.unit)}: ${kindText(unit(before, event.data.unit)?.kind)} → ${kindText(event.data.kind)}`
    }
    case 'UnitAttributesSet': {
      const keys = Object.entries(event.data.attributes).map(([k, v]) => (v === null ? `−${k}` : k))
      return `${u(event.data.unit)}: ${keys.join(', ')}`
    }
  }
}

/**
 * A short label of an event's sources: the first one's publisher (or title, or URL), and how many more.
 * @param event an event (its `source` field)
 * @returns the label, empty when the event cites nothing
 * @example
 * sourceLabel(event) // '時尚達人圈 +1'
 * @since 0.1.0
 */
export function sourceLabel(event: { readonly source?: Source | readonly Source[] }): string {
  const all = sourcesOf(event)
  if (all.length === 0) return ''
  const first = all[0]!
  const text = first.publisher ?? first.title ?? first.url ?? '(source)'
  return all.length > 1 ? `${text} +${all.length - 1}` : text
}

/**
 * How each column of the log is styled (e.g. with colours); plain text by default. `type` gets the
 * padded text and the event type.
 * @example
 * renderLog(steps, { style: { date: (d) => `\u001b[36m${d}\u001b[39m` } })
 * @since 0.1.0
 */
export interface LogStyle {
  /** Styles the date column. */
  readonly date?: (text: string) => string
  /** Styles the event type column, given the type. */
  readonly type?: (text: string, type: string) => string
  /** Styles secondary text (reorg, sources). */
  readonly dim?: (text: string) => string
}

/** Options of {@link renderLog}. @since 0.1.0 */
export interface LogOptions extends TextOptions {
  readonly style?: LogStyle
}

const flat = (text: string) => text.replace(/[\r\n\t]+/g, ' ')

/**
 * Events as aligned text, one a line: date, type, summary, reorg and source. Widths are counted in
 * terminal columns, so CJK names line up; styles are applied after padding.
 * @param steps events with the org before and after each (from `replaySteps`)
 * @param options `languages` of names, `style` of columns
 * @returns the lines, or `(no events)`
 * @example
 * console.log(renderLog([...replaySteps(history)]))
 * @since 0.1.0
 */
export function renderLog(steps: readonly Step[], options: LogOptions = {}): string {
  if (steps.length === 0) return '(no events)'
  const rows = steps.map((s) => [
    s.event.effective,
    s.event.type,
    flat(eventSummary(s, options)),
    s.event.reorg ?? '',
    flat(sourceLabel(s.event)),
  ])
  const widths = [0, 0, 0, 0]
  for (const r of rows) for (let c = 0; c < 4; c++) widths[c] = Math.max(widths[c]!, displayWidth(r[c]!))
  const { date = String, type = String, dim = String } = options.style ?? {}
  const styles = [date, (text: string, row: string[]) => type(text, row[1]!), String, dim, dim]
  return rows
    .map((row) => {
      let last = row.length - 1
      while (last > 0 && row[last] === '') last--
      const cells = row
        .slice(0, last + 1)
        .map((cell, c) => styles[c]!(c < last ? padColumns(cell, widths[c]!) : cell, row))
      return cells.join('  ')
    })
    .join('\n')
}
