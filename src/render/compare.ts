import type { OrgState } from '../domain/state.js'
import type { EventRef } from '../errors/types.js'
import type { Event } from '../events/event.js'
import type { PlanChange } from '../plan/compare.js'
import type { PlanFinding } from '../plan/rebase.js'
import type { PlanEventStatus, PlanStatus } from '../plan/statuses.js'
import { CHANGE_HEADINGS, changeLine } from './diffText.js'
import { type TextOptions, unitLabel } from './labels.js'
import { changeItem, codeSpan, escapeMarkdown } from './markdown.js'

/**
 * A comparison of two orgs on one date (DESIGN §8): the JSON shape of `compare --format json`.
 * `plan` (the status of each plan event) only when one plan is compared with the fact.
 * @since 0.2.0
 */
export interface Comparison {
  readonly at: string
  /** `fact`, or the first plan's file. */
  readonly left: string
  /** The (second) plan's file. */
  readonly right: string
  readonly changes: readonly PlanChange[]
  readonly plan?: readonly PlanStatus[]
}

const HEADINGS: Record<PlanChange['kind'], string> = { ...CHANGE_HEADINGS, 'unit-removed': 'Units removed' }

/** The statuses in the order they are listed. */
const STATUSES: readonly PlanEventStatus[] = ['realized', 'diverged', 'missed', 'pending']

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

function line(c: PlanChange, states: readonly OrgState[], languages?: readonly string[]): string {
  if (c.kind !== 'unit-removed') return changeLine(c, states, languages)
  return `- ${unitLabel(states, c.unit, languages)} [${c.unit}]`
}

const counts = (statuses: readonly PlanStatus[]) =>
  STATUSES.map((s) => [s, statuses.filter((p) => p.status === s).length] as const).filter(([, n]) => n > 0)

const describe = (e: Event | undefined) =>
  e === undefined ? '' : `${e.type} '${(e.data as { unit?: string; into?: string; person?: string }).unit ?? ''}'`

/**
 * A comparison as text for a terminal: a heading line, the changes grouped as `renderDiff` groups
 * them, then (with one plan) each plan event's status, with counts.
 * @param c the comparison
 * @param states the two orgs (right first), for names
 * @param plan the plan's events, to describe each status
 * @param options `languages` of names
 * @returns the text
 * @example
 * renderComparison({ at: '2022-01-06', left: 'fact', right: 'plan.ndjson', changes: [] }, [after, before], [])
 * @since 0.2.0
 */
export function renderComparison(
  c: Comparison,
  states: readonly OrgState[],
  plan: readonly Event[],
  options: TextOptions = {},
): string {
  const out = [`${c.at}: ${c.left} → ${c.right}: ${plural(c.changes.length, 'change')}`]
  if (c.changes.length === 0) out.push('(no changes)')
  let kind: PlanChange['kind'] | undefined
  for (const change of c.changes) {
    if (change.kind !== kind) out.push('', HEADINGS[(kind = change.kind)])
    out.push(`  ${line(change, states, options.languages)}`)
  }
  if (c.plan === undefined) return out.join('\n')
  const byId = new Map(plan.map((e) => [e.id, e]))
  const summary = counts(c.plan).map(([s, n]) => `${n} ${s}`)
  out.push('', `Plan events on ${c.at}: ${summary.length === 0 ? 'none' : summary.join(', ')}`)
  const width = Math.max(0, ...c.plan.map((p) => p.event.length))
  for (const s of STATUSES)
    for (const p of c.plan.filter((x) => x.status === s))
      out.push(
        `  ${s.padEnd(8)}  ${p.event.padEnd(width)}  ${describe(byId.get(p.event))}${p.by === undefined ? '' : ` (by ${p.by})`}`,
      )
  return out.join('\n')
}

/**
 * A comparison as Markdown: a heading, one section per kind of change, and (with one plan) a table
 * of the plan events' statuses.
 * @param c the comparison
 * @param states the two orgs (right first), for names
 * @param plan the plan's events
 * @param options `languages` of names
 * @returns the Markdown text
 * @example
 * comparisonMarkdown({ at: '2022-01-06', left: 'fact', right: 'plan.ndjson', changes: [] }, [after, before], [])
 * @since 0.2.0
 */
export function comparisonMarkdown(
  c: Comparison,
  states: readonly OrgState[],
  plan: readonly Event[],
  options: TextOptions = {},
): string {
  const out = [
    `## ${escapeMarkdown(c.at)}: ${escapeMarkdown(c.left)} → ${escapeMarkdown(c.right)}`,
    '',
    `${plural(c.changes.length, 'change')}.`,
  ]
  let kind: PlanChange['kind'] | undefined
  for (const change of c.changes) {
    if (change.kind !== kind) out.push('', `### ${HEADINGS[(kind = change.kind)]}`, '')
    const text =
      change.kind === 'unit-removed'
        ? `${escapeMarkdown(unitLabel(states, change.unit, options.languages))} ${codeSpan(change.unit)}`
        : changeItem(change, states, options.languages)
    out.push(`- ${text}`)
  }
  if (c.plan === undefined) return out.join('\n')
  const byId = new Map(plan.map((e) => [e.id, e]))
  out.push(
    '',
    '### Plan events',
    '',
    counts(c.plan)
      .map(([s, n]) => `${n} ${s}`)
      .join(', ') || 'none',
    '',
  )
  out.push('| status | event | what | by |', '|---|---|---|---|')
  for (const p of c.plan)
    out.push(
      `| ${p.status} | ${codeSpan(p.event, true)} | ${escapeMarkdown(describe(byId.get(p.event)))} | ${p.by === undefined ? '' : codeSpan(p.by, true)} |`,
    )
  return out.join('\n')
}

const at = (ref: EventRef) => (ref.origin === null ? '' : ` (${ref.origin.file}:${ref.origin.line})`)
const name = (ref: EventRef) => `${ref.type} '${ref.subject}' (event '${ref.id}')`
const aspect = (f: PlanFinding) =>
  f.touch.aspect === 'existence' ? `the existence of '${f.touch.unit}'` : `the ${f.touch.aspect} of '${f.touch.unit}'`

/**
 * A warning about a plan event that a fact recorded after the plan was drafted overlaps
 * (`validate --plan P --base T`).
 * @param f the finding
 * @returns one line: `file:line: warning: …`
 * @example
 * rebasePlanOrThrow(timeline, events, '2021-11-30').overlaps.map(overlapWarning)
 * @since 0.2.0
 */
export function overlapWarning(f: PlanFinding): string {
  const where = f.event.origin === null ? '' : `${f.event.origin.file}:${f.event.origin.line}: `
  return `${where}warning: ${name(f.event)}: ${f.fact.type} '${f.fact.id}'${at(f.fact)}, recorded after the plan was drafted, also changes ${aspect(f)}; check that the plan still says what you mean`
}

/**
 * A note about a plan event that a fact recorded after the plan was drafted already did.
 * @param f the finding
 * @returns one line: `file:line: note: …`
 * @example
 * rebasePlanOrThrow(timeline, events, '2021-11-30').applied.map(appliedNote)
 * @since 0.2.0
 */
export function appliedNote(f: PlanFinding): string {
  const where = f.event.origin === null ? '' : `${f.event.origin.file}:${f.event.origin.line}: `
  return `${where}note: ${name(f.event)}: already applied by ${f.fact.type} '${f.fact.id}'${at(f.fact)}; it can be dropped from the plan`
}
