import { describe, expect, it } from 'vitest'
import {
  type Event,
  type LineageNode,
  lineage,
  replayOrThrow,
  toJSON,
  unitCreated,
  unitDissolved,
  unitMerged,
  unitSplit,
} from '../../src/index.js'
import { readHistoryOrThrow } from '../../src/node.js'

const shape = (nodes: readonly LineageNode[]): unknown =>
  nodes.map((n) => ({ unit: n.unit, link: n.link, date: n.date, next: shape(n.next) }))

describe('lineage', () => {
  // A + B → C (new); C spins out D and E (C retained); D merges into F (existing).
  const history = [
    unitCreated({ unit: 'g', name: 'G' }, { id: 'g', effective: '2020-01-01' }),
    unitCreated({ unit: 'a', name: 'A', parent: 'g' }, { id: 'a', effective: '2020-01-01' }),
    unitCreated({ unit: 'b', name: 'B', parent: 'g' }, { id: 'b', effective: '2020-01-01' }),
    unitCreated({ unit: 'f', name: 'F', parent: 'g' }, { id: 'f', effective: '2020-01-01' }),
    unitMerged({ units: ['a', 'b'], into: 'c', name: 'C' }, { id: 'ab-c', effective: '2021-01-01' }),
    unitSplit(
      {
        unit: 'c',
        into: [
          { unit: 'd', name: 'D' },
          { unit: 'e', name: 'E' },
        ],
        retain: true,
      },
      { id: 'c-de', effective: '2022-01-01' },
    ),
    unitMerged({ units: ['d'], into: 'f' }, { id: 'd-f', effective: '2023-01-01' }),
  ]
  const end = replayOrThrow(history)

  it('follows what became of a unit through a merge, a spin-out and a second merge', () => {
    expect(shape(lineage(end, 'a')!.successors)).toEqual([
      {
        unit: 'c',
        link: 'merged',
        date: '2021-01-01',
        next: [
          {
            unit: 'd',
            link: 'spun-out',
            date: '2022-01-01',
            next: [{ unit: 'f', link: 'merged', date: '2023-01-01', next: [] }],
          },
          { unit: 'e', link: 'spun-out', date: '2022-01-01', next: [] },
        ],
      },
    ])
  })

  it('follows where a unit came from to any depth', () => {
    expect(shape(lineage(end, 'f')!.predecessors)).toEqual([
      {
        unit: 'd',
        link: 'merged',
        date: '2023-01-01',
        next: [
          {
            unit: 'c',
            link: 'spun-out',
            date: '2022-01-01',
            next: [
              { unit: 'a', link: 'merged', date: '2021-01-01', next: [] },
              { unit: 'b', link: 'merged', date: '2021-01-01', next: [] },
            ],
          },
        ],
      },
    ])
  })

  describe('a spin-out whose source is later dissolved', () => {
    const spun = [
      unitCreated({ unit: 'g', name: 'G' }, { id: 'g', effective: '2020-01-01' }),
      unitCreated({ unit: 's', name: 'S', parent: 'g' }, { id: 's', effective: '2020-01-01' }),
      unitSplit({ unit: 's', into: [{ unit: 'x', name: 'X' }], retain: true }, { id: 's-x', effective: '2021-01-01' }),
      unitDissolved({ unit: 's' }, { id: 's-gone', effective: '2022-01-01' }),
    ]
    const state = replayOrThrow(spun)

    it('gives the source no successors: it was dissolved, not dissolved into the spin-out', () => {
      expect(toJSON(state).ended).toEqual([{ id: 's', status: 'dissolved', ended: '2022-01-01', successors: [] }])
    })

    it('lists the spin-out in the lineage of the source', () => {
      expect(shape(lineage(state, 's')!.successors)).toEqual([
        { unit: 'x', link: 'spun-out', date: '2021-01-01', next: [] },
      ])
    })

    it('lists the source in the lineage of the spin-out', () => {
      expect(shape(lineage(state, 'x')!.predecessors)).toEqual([
        { unit: 's', link: 'spun-out', date: '2021-01-01', next: [] },
      ])
    })

    it('lists spin-outs before the units a later split ended into', () => {
      const split = unitSplit({ unit: 'x', into: [{ unit: 'y', name: 'Y' }] }, { id: 'x-y', effective: '2023' })
      const spinOut = unitSplit(
        { unit: 'x', into: [{ unit: 'w', name: 'W' }], retain: true },
        { id: 'x-w', effective: '2022-06-01' },
      )
      const later = replayOrThrow([...spun, spinOut, split])
      expect(shape(lineage(later, 'x')!.successors)).toEqual([
        { unit: 'w', link: 'spun-out', date: '2022-06-01', next: [] },
        { unit: 'y', link: 'split', date: '2023', next: [] },
      ])
    })
  })

  it('says a unit with no merges or splits has no lineage, and an unknown unit none at all', () => {
    expect(lineage(end, 'g')).toEqual({ unit: 'g', predecessors: [], successors: [] })
    expect(lineage(end, 'nope')).toBeUndefined()
  })

  it('tells where 大淘寶 came from in the seed history', () => {
    const seed = replayOrThrow(readHistoryOrThrow(['events/alibaba-2021-2022.ndjson']))
    expect(shape(lineage(seed, 'taobao-tmall')!.predecessors)).toEqual([
      { unit: 'taobao', link: 'merged', date: '2022-01-06', next: [] },
      { unit: 'tmall', link: 'merged', date: '2022-01-06', next: [] },
    ])
  })

  it('walks a chain of 10,000 merges without recursion', () => {
    const chain: Event[] = [unitCreated({ unit: 'u0', name: 'U0' }, { id: 'c0', effective: '2000-01-01' })]
    for (let i = 1; i <= 10_000; i++)
      chain.push(
        unitMerged({ units: [`u${i - 1}`], into: `u${i}`, name: `U${i}` }, { id: `m${i}`, effective: '2001-01-01' }),
      )
    const state = replayOrThrow(chain)
    let depth = 0
    for (let nodes = lineage(state, 'u0')!.successors; nodes.length > 0; nodes = nodes[0]!.next) depth++
    expect(depth).toBe(10_000)
  })
})
