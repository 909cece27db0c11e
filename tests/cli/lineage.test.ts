import { describe, expect, it } from 'vitest'
import { cli } from '../support/cli.js'

const seed = 'events/alibaba-2021-2022.ndjson'

describe('org-history lineage', () => {
  it('draws where a unit came from and what became of it', async () => {
    const r = await cli('lineage', 'community-ecommerce', seed)
    expect(r.status).toBe(0)
    expect(r.out.split('\n')).toEqual([
      '淘菜菜 (Taocaicai) [community-ecommerce]  active since 2021-03',
      '',
      'Predecessors',
      '├── 零售通 (Lingshoutong) [lingshoutong]  merged 2021-03  (2020 – 2021-03)',
      '└── 盒馬集市 [hema-jishi]  merged 2021-03  (2020 – 2021-03)',
      '',
      'Successors',
      '(none)',
    ])
  })

  it('shows the successor of an ended unit', async () => {
    expect((await cli('lineage', 'tmall', seed, '--lang', 'en')).out).toContain(
      '└── Taobao & Tmall [taobao-tmall]  merged 2022-01-06  (since 2022-01-06)',
    )
  })

  it('reads the history as it stood on --at', async () => {
    expect((await cli('lineage', 'tmall', seed, '--at', '2022-01-05')).out.split('\n').slice(-2)).toEqual([
      'Successors',
      '(none)',
    ])
  })

  it('prints the lineage as JSON', async () => {
    const json = JSON.parse((await cli('lineage', 'taobao-tmall', seed, '--json')).out)
    expect(json).toMatchObject({ at: null, unit: 'taobao-tmall', successors: [] })
    expect(
      json.predecessors.map((p: { unit: string; link: string; date: string }) => [p.unit, p.link, p.date]),
    ).toEqual([
      ['taobao', 'merged', '2022-01-06'],
      ['tmall', 'merged', '2022-01-06'],
    ])
  })

  it('suggests the closest ids for a unit the history does not have', async () => {
    expect(await cli('lineage', 'taobao-tmal', seed)).toMatchObject({
      status: 2,
      out: '',
      err: "org-history: no unit 'taobao-tmal' in the history; did you mean 'taobao-tmall'?",
    })
  })

  it('does not know a unit before it was created', async () => {
    expect((await cli('lineage', 'taobao-tmall', seed, '--at', '2021')).err).toBe(
      "org-history: no unit 'taobao-tmall' in the history on 2021",
    )
  })
})
