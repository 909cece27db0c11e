import { describe, expect, it } from 'vitest'
import {
  type Event,
  lineage,
  renderLineage,
  replayOrThrow,
  unitCreated,
  unitMerged,
  unitSplit,
} from '../../src/index.js'
import { readHistoryOrThrow } from '../../src/node.js'

const seed = replayOrThrow(readHistoryOrThrow(['events/alibaba-2021-2022.ndjson']))

describe('renderLineage', () => {
  it('draws the predecessors of the seed merger with link, date and life span', () => {
    expect(renderLineage(seed, lineage(seed, 'taobao-tmall')!)).toBe(
      [
        '大淘寶 (Taobao & Tmall) [taobao-tmall]  active since 2022-01-06',
        '',
        'Predecessors',
        '├── 淘寶 (Taobao) [taobao]  merged 2022-01-06  (2020 – 2022-01-06)',
        '└── 天貓 (Tmall) [tmall]  merged 2022-01-06  (2020 – 2022-01-06)',
        '',
        'Successors',
        '(none)',
      ].join('\n'),
    )
  })

  it('shows an ended unit with its status and its successors, in the language asked for', () => {
    const text = renderLineage(seed, lineage(seed, 'hema-jishi')!, { languages: ['en'] })
    expect(text.split('\n')).toEqual([
      '盒馬集市 [hema-jishi]  merged 2021-03 (2020 – 2021-03)',
      '',
      'Predecessors',
      '(none)',
      '',
      'Successors',
      '└── Taocaicai [community-ecommerce]  merged 2021-03  (since 2021-03)',
    ])
  })

  it('draws later generations below, spin-outs included', () => {
    const history: Event[] = [
      unitCreated({ unit: 'g', name: 'G' }, { id: 'g', effective: '2020' }),
      unitCreated({ unit: 'a', name: 'A', parent: 'g' }, { id: 'a', effective: '2020' }),
      unitMerged({ units: ['a'], into: 'b', name: 'B' }, { id: 'ab', effective: '2021' }),
      unitSplit({ unit: 'b', into: [{ unit: 'c', name: 'C' }], retain: true }, { id: 'bc', effective: '2022' }),
    ]
    const end = replayOrThrow(history)
    expect(renderLineage(end, lineage(end, 'a')!).split('\n').slice(-2)).toEqual([
      '└── B [b]  merged 2021  (since 2021)',
      '    └── C [c]  spun out 2022  (since 2022)',
    ])
  })

  it('renders a chain of 10,000 merges without recursion', () => {
    const n = 10_000
    const history: Event[] = [unitCreated({ unit: 'u0', name: 'U0' }, { id: 'c', effective: '2020' })]
    for (let i = 1; i <= n; i++)
      history.push(
        unitMerged({ units: [`u${i - 1}`], into: `u${i}`, name: `U${i}` }, { id: `m${i}`, effective: '2021' }),
      )
    const end = replayOrThrow(history)
    const lines = renderLineage(end, lineage(end, 'u0')!).split('\n')
    expect(lines).toHaveLength(6 + n)
    expect(lines.at(-1)).toMatch(/^ {128}└── \[depth 10000\] U10000 \[u10000\]/)
  })
})
