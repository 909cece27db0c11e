import { codeSpan, escapeMarkdown } from '../render/markdown.js'
import type { Inference } from './candidates.js'
import type { Review } from './review.js'

const pct = (x: number) => x.toFixed(2)

function line(c: Inference): string {
  const runner =
    c.runnerUp === undefined ? 'none' : `${escapeMarkdown(c.runnerUp.text)} (${pct(c.runnerUp.confidence)})`
  return `- **${c.rule}** ${c.sources.map((id) => codeSpan(id)).join(', ')} → ${c.targets.map((id) => codeSpan(id)).join(', ')}: confidence ${pct(c.confidence)}; ${escapeMarkdown(c.evidence)}; runner-up: ${runner}`
}

/**
 * The review of an import as Markdown (`import --review FILE`): per step the events written by
 * type, each inferred merge, split, spin-out and id change (lowest confidence first) with its
 * evidence and runner-up, the candidates that fell back to dissolve + create, and the gaps.
 * @param review the review of {@link importSnapshots}
 * @returns the Markdown text, ending with a line feed
 * @example
 * reviewMarkdown({ steps: [], gaps: [] }).startsWith('# Import review') // true
 * @since 0.2.0
 */
export function reviewMarkdown(review: Review): string {
  const out = ['# Import review', '']
  for (const step of review.steps) {
    out.push(`## ${step.date} (${step.file})`, '')
    const counts = Object.entries(step.counts).sort(([a], [b]) => (a < b ? -1 : 1))
    out.push(counts.length === 0 ? 'No events.' : counts.map(([type, n]) => `${type}: ${n}`).join(', '), '')
    if (step.inferred.length > 0) {
      out.push('Inferred, lowest confidence first:', '')
      for (const c of [...step.inferred].sort((a, b) => a.confidence - b.confidence)) out.push(line(c))
      out.push('')
    }
    if (step.below.length > 0) {
      out.push('Below the minimum confidence (written as dissolve + create):', '')
      for (const c of step.below) out.push(line(c))
      out.push('')
    }
  }
  out.push('## Gaps', '')
  if (review.gaps.length === 0) out.push('None.', '')
  for (const g of review.gaps)
    out.push(
      `- ${codeSpan(g.unit)}: last seen ${g.lastSeen}, missing on ${g.missing.join(', ')}, back on ${g.back} (kept active through the gap)`,
    )
  if (review.gaps.length > 0) out.push('')
  return `${out.join('\n').trimEnd()}\n`
}
