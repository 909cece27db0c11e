import { describe, expect, it } from 'vitest'
import {
  type Change,
  children,
  diffBetweenOrThrow,
  leadersOf,
  type OrgState,
  rolesOf,
  statesAtOrThrow,
  unit,
} from '../../src/index.js'
import { readHistoryOrThrow } from '../../src/node.js'

const history = readHistoryOrThrow(['events/alibaba-2021-2022.ndjson'])
const [before, after] = statesAtOrThrow(history, ['2021-12-31', '2022-01-06']) as [OrgState, OrgState]

const parentOf = (s: OrgState, id: string) => unit(s, id)?.parent
const heads = (s: OrgState, id: string) => leadersOf(s, id).map((l) => `${l.role}:${l.person}`)
const childIds = (s: OrgState, id: string) => children(s, id).map((u) => u.id)

describe('the seed history on 2021-12-31, before the reorganization', () => {
  it('has Taobao and Tmall as two independent business groups under the group', () => {
    expect(unit(before, 'taobao')?.status).toBe('active')
    expect(unit(before, 'tmall')?.status).toBe('active')
    expect(parentOf(before, 'taobao')).toBe('alibaba-group')
    expect(parentOf(before, 'tmall')).toBe('alibaba-group')
  })

  it('has no digital commerce segments yet', () => {
    expect(unit(before, 'china-digital-commerce')).toBeUndefined()
    expect(unit(before, 'overseas-digital-commerce')).toBeUndefined()
  })

  it('has the 2021-03 community e-commerce group, formed from 零售通 and 盒馬集市 and led by 戴珊, named 淘菜菜', () => {
    const community = unit(before, 'community-ecommerce')!
    expect(community.predecessors).toEqual(['lingshoutong', 'hema-jishi'])
    expect(community.since).toBe('2021-03')
    expect(community.name).toMatchObject({ 'zh-Hant': '淘菜菜' })
    expect(community.names.map((n) => n.since)).toEqual(['2021-03', '2021-09'])
    expect(heads(before, 'community-ecommerce')).toEqual(['head:dai-shan'])
    expect(unit(before, 'lingshoutong')).toMatchObject({ status: 'merged', successors: ['community-ecommerce'] })
  })

  it('has 家洛 leading 阿里媽媽 under the group', () => {
    expect(parentOf(before, 'alimama')).toBe('alibaba-group')
    expect(heads(before, 'alimama')).toEqual(['head:jia-luo'])
  })
})

describe('the seed history on 2022-01-06, after the reorganization', () => {
  it('places the China businesses under 中國數字商業板塊, led by 戴珊', () => {
    expect(childIds(after, 'china-digital-commerce')).toEqual([
      '1688',
      'b2c-retail',
      'community-ecommerce',
      'taobao-tmall',
      'taote',
    ])
    expect(heads(after, 'china-digital-commerce')).toEqual(['head:dai-shan'])
  })

  it('places AliExpress, international trade and Lazada under 海外數字商業板塊, led by 蔣凡', () => {
    expect(childIds(after, 'overseas-digital-commerce')).toEqual(['alibaba-com', 'aliexpress', 'lazada'])
    expect(heads(after, 'overseas-digital-commerce')).toEqual(['head:jiang-fan'])
  })

  it('merges Taobao and Tmall into 大淘寶 and keeps both brands', () => {
    expect(unit(after, 'taobao')).toMatchObject({ status: 'merged', ended: '2022-01-06', successors: ['taobao-tmall'] })
    expect(unit(after, 'tmall')).toMatchObject({ status: 'merged', ended: '2022-01-06', successors: ['taobao-tmall'] })
    const taobaoTmall = unit(after, 'taobao-tmall')!
    expect(taobaoTmall.name).toMatchObject({ 'zh-Hant': '大淘寶' })
    expect(taobaoTmall.predecessors).toEqual(['taobao', 'tmall'])
    expect(taobaoTmall.attributes.brands).toEqual(['淘寶', '天貓'])
  })

  it('puts 阿里媽媽 inside 大淘寶, still led by 家洛', () => {
    expect(parentOf(after, 'alimama')).toBe('taobao-tmall')
    expect(heads(after, 'alimama')).toEqual(['head:jia-luo'])
  })

  it('creates the three centers under 大淘寶 with their heads and domains', () => {
    const centers = {
      'industry-operations-center': ['chui-xue', 'merchant'],
      'platform-strategy-center': ['si-han', 'platform'],
      'user-operations-center': ['xuan-de', 'user'],
    }
    for (const [id, [head, domain]] of Object.entries(centers)) {
      expect(parentOf(after, id)).toBe('taobao-tmall')
      expect(heads(after, id)).toEqual([`head:${head}`])
      expect(unit(after, id)?.attributes.domain).toBe(domain)
    }
  })

  it('has live streaming led by 道放 and 逛逛 by 千城, reporting to 戴珊 in 大淘寶', () => {
    expect(parentOf(after, 'live-streaming')).toBe('taobao-tmall')
    expect(heads(after, 'live-streaming')).toEqual(['head:dao-fang'])
    expect(parentOf(after, 'guangguang')).toBe('taobao-tmall')
    expect(heads(after, 'guangguang')).toEqual(['head:qian-cheng'])
    expect(heads(after, 'taobao-tmall')).toContain('head:dai-shan')
  })

  it('gives 魯肅 and 師太 their 大淘寶 roles concurrently with their group roles', () => {
    expect(rolesOf(after, 'lu-su').map((r) => `${r.unit}:${r.role}`)).toEqual(['alibaba-group:cto', 'taobao-tmall:cto'])
    expect(rolesOf(after, 'shi-tai').map((r) => `${r.unit}:${r.role}`)).toEqual([
      'alibaba-group:cco-cro',
      'taobao-tmall:cco-cro',
    ])
  })

  it('gives 戴珊 every role the article names at once', () => {
    expect(rolesOf(after, 'dai-shan').map((r) => `${r.unit}:${r.role}`)).toEqual([
      'community-ecommerce:head',
      'china-digital-commerce:head',
      'alibaba-group:president',
      'taobao-tmall:head',
    ])
  })
})

describe('the diff between 2021-12-31 and 2022-01-06', () => {
  const d = diffBetweenOrThrow(history, '2021-12-31', '2022-01-06')
  const summary = (c: Change) =>
    `${c.kind} ${c.unit}${'person' in c ? ` ${c.role}:${c.person}` : ''}${c.kind === 'unit-moved' ? ` ${c.from}→${c.to}` : ''}`

  it('lists exactly the changes of the article', () => {
    expect(d.changes.map(summary)).toEqual([
      'unit-added china-digital-commerce',
      'unit-added taobao-tmall',
      'unit-added guangguang',
      'unit-added industry-operations-center',
      'unit-added live-streaming',
      'unit-added platform-strategy-center',
      'unit-added user-operations-center',
      'unit-added overseas-digital-commerce',
      'unit-ended taobao',
      'unit-ended tmall',
      'unit-moved 1688 alibaba-group→china-digital-commerce',
      'unit-moved alibaba-com alibaba-group→overseas-digital-commerce',
      'unit-moved aliexpress alibaba-group→overseas-digital-commerce',
      'unit-moved alimama alibaba-group→taobao-tmall',
      'unit-moved b2c-retail alibaba-group→china-digital-commerce',
      'unit-moved community-ecommerce alibaba-group→china-digital-commerce',
      'unit-moved lazada alibaba-group→overseas-digital-commerce',
      'unit-moved taote alibaba-group→china-digital-commerce',
      'attributes-changed guangguang',
      'attributes-changed industry-operations-center',
      'attributes-changed live-streaming',
      'attributes-changed platform-strategy-center',
      'attributes-changed taobao-tmall',
      'attributes-changed user-operations-center',
      'leader-added alibaba-group president:dai-shan',
      'leader-added china-digital-commerce head:dai-shan',
      'leader-added guangguang head:qian-cheng',
      'leader-added industry-operations-center head:chui-xue',
      'leader-added live-streaming head:dao-fang',
      'leader-added overseas-digital-commerce head:jiang-fan',
      'leader-added platform-strategy-center head:si-han',
      'leader-added taobao-tmall cco-cro:shi-tai',
      'leader-added taobao-tmall cto:lu-su',
      'leader-added taobao-tmall head:dai-shan',
      'leader-added user-operations-center head:xuan-de',
    ])
  })

  it('lists the events of the two announcements, in valid-time order', () => {
    expect(d.events[0]).toBe('cdc-created')
    expect(d.events).toContain('taobao-tmall-merged')
    const byId = new Map(history.map((e) => [e.id, e]))
    const reorgs = new Set(d.events.map((id) => byId.get(id)?.reorg))
    expect(reorgs).toEqual(new Set(['alibaba-2021-12', 'alibaba-2022-01']))
  })

  it('cites a source on every event of the seed history', () => {
    for (const event of history) expect(event.source, event.id).toBeDefined()
  })
})
