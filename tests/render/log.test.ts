import { describe, expect, it } from 'vitest'
import {
  type Event,
  eventSummary,
  leaderAssigned,
  leaderRemoved,
  personRegistered,
  renderLog,
  replaySteps,
  type Step,
  sourceLabel,
  unitAttributesSet,
  unitCreated,
  unitDissolved,
  unitMerged,
  unitMoved,
  unitRenamed,
  unitSplit,
} from '../../src/index.js'
import { readHistoryOrThrow } from '../../src/node.js'

const seed = readHistoryOrThrow(['events/alibaba-2021-2022.ndjson'])
const seedSteps = [...replaySteps(seed)]
const stepOf = (id: string) => seedSteps.find((s) => s.event.id === id)!

const history: Event[] = [
  unitCreated({ unit: 'g', name: { 'zh-Hant': '集團', en: 'Group' } }, { id: 'g', effective: '2020' }),
  unitCreated({ unit: 'a', name: 'A', parent: 'g' }, { id: 'a', effective: '2020' }),
  unitCreated({ unit: 'b', name: 'B', parent: 'g' }, { id: 'b', effective: '2020' }),
  unitCreated({ unit: 'c', name: 'C', parent: 'a' }, { id: 'c', effective: '2020' }),
  personRegistered({ person: 'p', name: { en: 'Pat' }, aliases: ['P.'] }, { id: 'p', effective: '2020' }),
  leaderAssigned({ unit: 'a', person: 'p', title: 'Chief', acting: true }, { id: 'la', effective: '2021' }),
  leaderRemoved({ unit: 'a', person: 'p' }, { id: 'lr', effective: '2021-02' }),
  unitRenamed({ unit: 'b', name: 'Bee' }, { id: 'rn', effective: '2021-03' }),
  unitMoved({ unit: 'c', parent: 'b' }, { id: 'mv', effective: '2021-04' }),
  unitAttributesSet({ unit: 'b', attributes: { brands: ['x'], old: null } }, { id: 'at', effective: '2021-05' }),
  unitSplit(
    {
      unit: 'a',
      into: [
        { unit: 'a1', name: 'A1' },
        { unit: 'a2', name: 'A2' },
      ],
      retain: true,
    },
    { id: 'sp', effective: '2021-06' },
  ),
  unitMerged({ units: ['a1', 'a2'], into: 'm', name: 'M' }, { id: 'mg', effective: '2021-07' }),
  unitDissolved({ unit: 'b', cascade: true }, { id: 'ds', effective: '2021-08' }),
]
const steps = [...replaySteps(history)]
const summary = (id: string, languages?: string[]) =>
  eventSummary(steps.find((s) => s.event.id === id)!, languages === undefined ? {} : { languages })

describe('eventSummary', () => {
  it('summarizes the seed merge as its sources and its new unit', () => {
    expect(eventSummary(stepOf('taobao-tmall-merged'))).toBe('淘寶, 天貓 → 大淘寶')
  })

  it('uses the language asked for', () => {
    expect(eventSummary(stepOf('taobao-tmall-merged'), { languages: ['en'] })).toBe('Taobao, Tmall → Taobao & Tmall')
  })

  it('names units as they were before a rename', () => {
    expect(eventSummary(stepOf('community-ecommerce-renamed-taocaicai'))).toBe('社區電商事業羣 → 淘菜菜')
  })

  it('names a new unit with its id and its parent', () => {
    expect(summary('a')).toBe('A [a] under 集團')
  })

  it('marks a root', () => {
    expect(summary('g', ['en'])).toBe('Group [g] (root)')
  })

  it('registers a person with aliases', () => {
    expect(summary('p')).toBe('Pat [p] aka P.')
  })

  it('shows a leader by title and marks an acting one', () => {
    expect(summary('la')).toBe('A Chief: Pat (acting)')
  })

  it('shows a removed leader by role', () => {
    expect(summary('lr')).toBe('A head: Pat')
  })

  it('shows a move from the old parent to the new', () => {
    expect(summary('mv')).toBe('C: A → Bee')
  })

  it('lists the attribute keys set and removed', () => {
    expect(summary('at')).toBe('Bee: brands, −old')
  })

  it('says that the source of a spin-out stays', () => {
    expect(summary('sp')).toBe('A → A1, A2 (A stays)')
  })

  it('shows a merge into a new unit', () => {
    expect(summary('mg')).toBe('A1, A2 → M')
  })

  it('says that a dissolution takes the subtree', () => {
    expect(summary('ds')).toBe('Bee with its subtree')
  })
})

describe('sourceLabel', () => {
  it('shows the first publisher and how many more sources there are', () => {
    expect(sourceLabel(stepOf('taobao-tmall-merged').event)).toBe('時尚達人圈 +1')
  })

  it('is empty without a source', () => {
    expect(sourceLabel(history[0]!)).toBe('')
  })
})

describe('renderLog', () => {
  const merge = [stepOf('community-ecommerce-formed'), stepOf('taobao-tmall-merged'), stepOf('1688-to-cdc')]

  it('aligns the columns by terminal width, CJK counting two', () => {
    expect(renderLog(merge)).toBe(
      [
        '2021-03     UnitMerged  零售通, 盒馬集市 → 社區電商事業羣      alibaba-2021-03-community  時尚達人圈',
        '2022-01-06  UnitMerged  淘寶, 天貓 → 大淘寶                    alibaba-2022-01            時尚達人圈 +1',
        '2022-01-01  UnitMoved   1688: 阿里巴巴集團 → 中國數字商業板塊  alibaba-2021-12            紅星資本局 +1',
      ].join('\n'),
    )
  })

  it('leaves no trailing spaces when the last columns are empty', () => {
    expect(renderLog(steps.slice(0, 2)).split('\n')).toEqual([
      '2020  UnitCreated  集團 [g] (root)',
      '2020  UnitCreated  A [a] under 集團',
    ])
  })

  it('styles each column after padding', () => {
    const style = {
      date: (t: string) => `<${t}>`,
      type: (t: string, type: string) => `{${t}|${type}}`,
      dim: (t: string) => t,
    }
    expect(renderLog(steps.slice(0, 1), { style })).toBe('<2020>  {UnitCreated|UnitCreated}  集團 [g] (root)')
  })

  it('says so when there are no events', () => {
    expect(renderLog([] as Step[])).toBe('(no events)')
  })
})
