import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { cli } from '../support/cli.js'

const seed = 'events/alibaba-2021-2022.ndjson'
const ids = async (...argv: string[]) =>
  (JSON.parse((await cli('log', seed, '--json', ...argv)).out) as { events: { id: string }[] }).events.map((e) => e.id)

/** A merge moves the children of its sources, a move takes a child out, a dissolution with cascade ends a subtree. */
const indirect = join(mkdtempSync(join(tmpdir(), 'org-history-log-')), 'indirect.ndjson')
writeFileSync(
  indirect,
  [
    { id: 'g', type: 'UnitCreated', effective: '2020', data: { unit: 'g', name: 'G' } },
    { id: 'a', type: 'UnitCreated', effective: '2020', data: { unit: 'a', name: 'A', parent: 'g' } },
    { id: 'b', type: 'UnitCreated', effective: '2020', data: { unit: 'b', name: 'B', parent: 'g' } },
    { id: 'team', type: 'UnitCreated', effective: '2020', data: { unit: 'team', name: 'Team', parent: 'a' } },
    { id: 'lead', type: 'LeaderAssigned', effective: '2020', data: { unit: 'a', person: 'p' } },
    { id: 'team2', type: 'UnitCreated', effective: '2020', data: { unit: 'team2', name: 'Team 2', parent: 'a' } },
    { id: 'team2-out', type: 'UnitMoved', effective: '2021', data: { unit: 'team2', parent: 'b' } },
    { id: 'rename-b', type: 'UnitRenamed', effective: '2021', data: { unit: 'b', name: 'Bee' } },
    { id: 'merge', type: 'UnitMerged', effective: '2022', data: { units: ['a'], into: 'b' } },
    { id: 'sub', type: 'UnitCreated', effective: '2022', data: { unit: 'sub', name: 'Sub', parent: 'team' } },
    { id: 'dissolve', type: 'UnitDissolved', effective: '2023', data: { unit: 'b', cascade: true } },
  ]
    .map((e) => JSON.stringify(e))
    .join('\n'),
)

describe('org-history log', () => {
  // The text is compared as plain text: a FORCE_COLOR in the developer's shell must not colour it.
  beforeAll(() => {
    delete process.env.FORCE_COLOR
  })

  it('lists every event of the seed in valid-time order, one a line', async () => {
    const r = await cli('log', seed)
    expect(r.status).toBe(0)
    expect(r.out.split('\n')).toHaveLength(62)
  })

  it('shows date, type, summary, reorg and source in aligned columns', async () => {
    expect((await cli('log', seed, '--reorg', 'alibaba-2021-03-community')).out.split('\n')).toEqual([
      '2021-03  UnitMerged      零售通, 盒馬集市 → 社區電商事業羣  alibaba-2021-03-community  時尚達人圈',
      '2021-03  LeaderAssigned  社區電商事業羣 事業羣總裁: 戴珊    alibaba-2021-03-community  時尚達人圈',
      '2021-09  UnitRenamed     社區電商事業羣 → 淘菜菜            alibaba-2021-03-community  時尚達人圈 +1',
    ])
  })

  it('lists the events that touch a unit, the merge that made it included', async () => {
    expect(await ids('--unit', 'taobao-tmall')).toEqual([
      'taobao-tmall-merged',
      'taobao-tmall-brands',
      'alimama-to-taobao-tmall',
      'dai-shan-taobao-tmall-head',
      'industry-operations-center-created',
      'platform-strategy-center-created',
      'user-operations-center-created',
      'live-streaming-created',
      'guangguang-created',
      'lu-su-taobao-tmall-cto',
      'shi-tai-taobao-tmall-cco-cro',
    ])
  })

  it('lists the merge that ended a unit among its events', async () => {
    expect(await ids('--unit', 'taobao')).toEqual(['taobao-created', 'taobao-to-cdc', 'taobao-tmall-merged'])
  })

  it('includes events that change a unit without naming it: a merge moving it, a cascade ending it', async () => {
    const r = await cli('log', indirect, '--unit', 'team', '--json')
    expect(JSON.parse(r.out).events.map((e: { id: string }) => e.id)).toEqual(['team', 'merge', 'sub', 'dissolve'])
  })

  it('includes a move of a child out of the unit, which does not name the unit', async () => {
    const r = await cli('log', indirect, '--unit', 'a', '--json')
    expect(JSON.parse(r.out).events.map((e: { id: string }) => e.id)).toEqual([
      'a',
      'team',
      'lead',
      'team2',
      'team2-out',
      'merge',
    ])
  })

  it('includes the merge that ended a person’s role', async () => {
    const r = await cli('log', indirect, '--person', 'p', '--json')
    expect(JSON.parse(r.out).events.map((e: { id: string }) => e.id)).toEqual(['lead', 'merge'])
  })

  it('lists the events naming a person', async () => {
    expect(await ids('--person', 'lu-su')).toEqual(['person-lu-su', 'lu-su-group-cto', 'lu-su-taobao-tmall-cto'])
  })

  it('counts --since and --until inclusively, a month or year as a whole', async () => {
    expect(await ids('--since', '2021-03', '--until', '2021')).toEqual([
      'community-ecommerce-formed',
      'dai-shan-community-ecommerce-head',
      'community-ecommerce-renamed-taocaicai',
    ])
  })

  it('combines filters', async () => {
    expect(await ids('--unit', 'alimama', '--since', '2022-01-06')).toEqual(['alimama-to-taobao-tmall'])
  })

  it('lists only what was recorded by --known-at', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'org-history-log-')), 'late.ndjson')
    writeFileSync(
      path,
      [
        '{"id":"g","type":"UnitCreated","effective":"2020","recorded":"2020-01-01T00:00:00Z","data":{"unit":"g","name":"G"}}',
        '{"id":"late","type":"UnitRenamed","effective":"2021","recorded":"2022-06-01T00:00:00Z","data":{"unit":"g","name":"H"}}',
      ].join('\n'),
    )
    const r = await cli('log', path, '--known-at', '2022-01-01', '--json')
    expect(JSON.parse(r.out).events.map((e: { id: string }) => e.id)).toEqual(['g'])
  })

  it('leaves out retracted events and the retractions themselves', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'org-history-log-')), 'retracted.ndjson')
    writeFileSync(
      path,
      [
        '{"id":"g","type":"UnitCreated","effective":"2020","data":{"unit":"g","name":"G"}}',
        '{"id":"wrong","type":"UnitRenamed","effective":"2021","data":{"unit":"g","name":"H"}}',
        '{"id":"fix","type":"EventRetracted","data":{"event":"wrong","reason":"misread"}}',
      ].join('\n'),
    )
    expect((await cli('log', path)).out).toBe('2020  UnitCreated  G [g] (root)')
  })

  it('prints JSON with the envelope, the summary and the payload', async () => {
    const [merge] = JSON.parse((await cli('log', seed, '--json', '--unit', 'tmall', '--since', '2022-01-06')).out)
      .events as Record<string, unknown>[]
    expect(merge).toMatchObject({
      id: 'taobao-tmall-merged',
      type: 'UnitMerged',
      effective: '2022-01-06',
      announced: '2022-01-06',
      recorded: null,
      reorg: 'alibaba-2022-01',
      summary: '淘寶, 天貓 → 大淘寶',
      origin: { file: seed, line: 47 },
      data: { units: ['taobao', 'tmall'], into: 'taobao-tmall' },
    })
    expect(merge!.source).toHaveLength(2)
  })

  it('prints a Markdown table', async () => {
    const r = await cli('log', seed, '--format', 'markdown', '--unit', 'tmall', '--lang', 'en')
    expect(r.out.split('\n')).toHaveLength(2 + 3)
    expect(r.out).toContain('| 2022-01-06 | UnitMerged | Taobao, Tmall → Taobao & Tmall |')
  })

  it('shows names in the language asked for', async () => {
    expect((await cli('log', seed, '--lang', 'en', '--unit', 'taobao')).out).toContain(
      'Taobao: Alibaba Group → China Digital Commerce',
    )
  })

  it('says so when no event matches', async () => {
    expect(await cli('log', seed, '--unit', 'taobao', '--since', '2023')).toMatchObject({
      status: 0,
      out: '(no events)',
    })
  })
})
