import { describe, expect, it } from 'vitest'
import { type Change, unitHistory } from '../../src/index.js'
import { readHistoryOrThrow } from '../../src/node.js'

const seed = readHistoryOrThrow(['events/alibaba-2021-2022.ndjson'])
const brief = (c: Change) =>
  `${c.kind}${c.kind === 'unit-moved' ? ` ${c.from}→${c.to}` : ''}${'person' in c ? ` ${c.person}` : ''}`

describe('unitHistory', () => {
  it('lists every change of 阿里媽媽 with its date: created, led by 家洛, moved twice', () => {
    expect(unitHistory(seed, 'alimama').map((e) => `${e.date} ${e.changes.map(brief).join(', ')}`)).toEqual([
      '2020 unit-added',
      '2020 leader-added jia-luo',
      '2022-01-01 unit-moved alibaba-group→china-digital-commerce',
      '2022-01-06 unit-moved china-digital-commerce→taobao-tmall',
    ])
  })

  it('follows a unit to its end and names the event of each change', () => {
    const taobao = unitHistory(seed, 'taobao')
    expect(taobao.at(-1)).toMatchObject({ date: '2022-01-06', event: 'taobao-tmall-merged' })
    expect(taobao.at(-1)!.changes).toEqual([
      { kind: 'unit-ended', unit: 'taobao', status: 'merged', ended: '2022-01-06', successors: ['taobao-tmall'] },
    ])
  })

  it('records a rename with the old and new names', () => {
    const renamed = unitHistory(seed, 'community-ecommerce').find((e) =>
      e.changes.some((c) => c.kind === 'unit-renamed'),
    )
    expect(renamed?.date).toBe('2021-09')
    expect(renamed?.changes[0]).toMatchObject({ kind: 'unit-renamed', to: { 'zh-Hant': '淘菜菜' } })
  })

  it('is empty for a unit that never existed', () => {
    expect(unitHistory(seed, 'nope')).toEqual([])
  })
})
