import { describe, expect, it } from 'vitest'
import {
  applyDiff,
  applyJsonPatch,
  diff,
  diffMarkdown,
  eventSummary,
  logJSON,
  renderDiff,
  replayOrThrow,
  replaySteps,
  toJSON,
  toJsonPatch,
  unitCreated,
  unitMerged,
  unitReclassified,
} from '../../src/index.js'
import { changeMarks } from '../../src/render/page/marks.js'
import { summarize } from '../../src/render/page/summary.js'

const history = [
  unitCreated({ unit: 'g', name: 'Group' }, { id: 'c-g', effective: '2020' }),
  unitCreated({ unit: 'cloud', name: '阿里雲', kind: 'department', parent: 'g' }, { id: 'c-cloud', effective: '2020' }),
  unitCreated({ unit: 'ops', name: 'Ops', parent: 'g' }, { id: 'c-ops', effective: '2020' }),
  unitReclassified({ unit: 'cloud', kind: 'division' }, { id: 'k-cloud', effective: '2022-01-06' }),
  unitReclassified({ unit: 'g', kind: null }, { id: 'k-g', effective: '2022-01-06' }),
  unitMerged(
    { units: ['ops'], into: 'cloud' },
    {
      id: 'm-ops',
      effective: '2022-01-06',
      inferred: { rule: 'merge', confidence: 0.83, evidence: '5 of 6 members of ops are now in cloud' },
    },
  ),
]
const before = replayOrThrow(history.slice(0, 3))
const after = replayOrThrow(history)
const d = diff(
  before,
  after,
  history.slice(3).map((e) => e.id),
)
const reclassified = d.changes.filter((c) => c.kind === 'unit-reclassified')

describe('a kind change in every rendering', () => {
  it('is one change per unit whose kind changed, null for no kind', () => {
    expect(reclassified).toEqual([{ kind: 'unit-reclassified', unit: 'cloud', from: 'department', to: 'division' }])
  })

  it('is a section of the text diff', () => {
    expect(renderDiff({ ...d, changes: reclassified }, [after, before])).toMatchInlineSnapshot(`
      "2020 → 2022-01-06: 1 change, 3 events

      Units reclassified
        = 阿里雲 [cloud]: department → division"
    `)
  })

  it('is a section of the Markdown diff', () => {
    expect(diffMarkdown({ ...d, changes: reclassified }, [after, before])).toMatchInlineSnapshot(`
      "## 2020 → 2022-01-06

      1 change, 3 events.

      ### Units reclassified

      - **阿里雲** \`cloud\` from department to division

      ### Events

      \`k-cloud\`, \`k-g\`, \`m-ops\`"
    `)
  })

  it('applies back: applyDiff and the JSON patch give the later org', () => {
    const applied = applyDiff(before, d)
    expect(applied._tag === 'Right' && toJSON(applied.right)).toEqual(toJSON(after))
    const patch = toJsonPatch(before, after)
    expect(patch).toContainEqual({ op: 'replace', path: '/units/1/kind', value: 'division' })
    expect(applyJsonPatch(toJSON(before), patch)).toEqual({ _tag: 'Right', right: toJSON(after) })
  })

  it('marks the unit as reclassified on the page', () => {
    expect(changeMarks(reclassified)).toEqual([['cloud', ['reclassified']]])
  })

  it('is summarized in the log and on the page with both kinds', () => {
    const steps = [...replaySteps(history)]
    expect(eventSummary(steps[3]!)).toBe('阿里雲: department → division')
    expect(eventSummary(steps[4]!)).toBe('Group: (no kind) → (no kind)')
    expect(summarize(history[3]!, { before, after })).toEqual([
      'Reclassified ',
      { name: '阿里雲' },
      ' from department to division',
    ])
  })
})

describe('an inferred event in the log', () => {
  it('ends its summary with the rule and the confidence', () => {
    const step = [...replaySteps(history)][5]!
    expect(eventSummary(step)).toBe('Ops → 阿里雲 (inferred merge, 0.83)')
  })

  it('keeps rule, confidence and evidence in the JSON log', () => {
    expect(logJSON([...replaySteps(history)]).events[5]?.inferred).toEqual({
      rule: 'merge',
      confidence: 0.83,
      evidence: '5 of 6 members of ops are now in cloud',
    })
  })
})
