import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Script } from 'node:vm'
import { describe, expect, it } from 'vitest'
import {
  eventRetracted,
  type PageData,
  renderPage,
  Timeline,
  toJSON,
  unitCreated,
  unitRenamed,
} from '../../src/index.js'
import { readHistoryOrThrow } from '../../src/node.js'
import { PAGE_SCRIPT } from '../../src/render/page/script.js'
import { cli } from '../support/cli.js'

const seedPath = 'events/alibaba-2021-2022.ndjson'
const seed = Timeline.fromOrThrow(readHistoryOrThrow([seedPath]))
const seedPage = renderPage(seed)

/** The JSON embedded in a page, parsed. */
function dataOf(html: string): PageData {
  const m = /<script type="application\/json" id="org-history-data">([\s\S]*?)<\/script>/.exec(html)
  if (m === null) throw new Error('no data element in the page')
  return JSON.parse(m[1]!) as PageData
}

const data = dataOf(seedPage)
const stopAt = (d: PageData, date: string) => d.stops.find((s) => s.date === date)!

/** The active units at a stop, as the page rebuilds them: every stop up to it applied in order. */
function orgAt(d: PageData, date: string): Map<string, PageData['units'][number]> {
  const units = new Map<string, PageData['units'][number]>()
  for (const stop of d.stops.slice(0, d.stops.indexOf(stopAt(d, date)) + 1)) {
    for (const i of stop.units) units.set(d.units[i]!.id, d.units[i]!)
    for (const i of stop.ended) units.delete(d.ended[i]!.id)
  }
  return units
}
const unitIds = (d: PageData, date: string) => [...orgAt(d, date).keys()]
const marksAt = (d: PageData, date: string) => Object.fromEntries(stopAt(d, date).marks)
const eventsAt = (d: PageData, date: string) => stopAt(d, date).events.map((i) => d.events[i]!)

const hostile = '</script><script>alert(1)</script><!--\u2028\u2029'
const hostilePage = renderPage(
  Timeline.fromOrThrow([
    unitCreated({ unit: 'x', name: { en: hostile, 'zh-Hant': '<b>x</b>' } }, { effective: '2022' }),
  ]),
  { title: '<img src=x onerror=alert(1)>' },
)

describe('renderPage', () => {
  it('puts no http(s) URL in any src or href attribute, even when sources have URLs', () => {
    const withUrl = renderPage(
      Timeline.fromOrThrow([
        unitCreated({ unit: 'a', name: 'A' }, { effective: '2022', source: { url: 'https://example.com/a' } }),
      ]),
    )
    for (const html of [seedPage, withUrl]) expect(html).not.toMatch(/\b(?:src|href)\s*=\s*["']?\s*(?:https?:)?\/\//i)
  })

  it('loads no external script, stylesheet, font or image', () => {
    expect(seedPage).not.toMatch(/<script[^>]*\bsrc=|<link\b|@import|url\(/i)
    expect(seedPage).toContain(`content="default-src 'none';`)
  })

  it('has a stop for every change date of the history', () => {
    expect(data.stops.map((s) => s.date)).toEqual(seed.changeDates())
  })

  it('embeds 淘寶 and 天貓 before the reorganization, and 大淘寶 with its three centers after it', () => {
    expect(unitIds(data, '2021-09')).toEqual(expect.arrayContaining(['taobao', 'tmall']))
    expect(unitIds(data, '2021-09')).not.toContain('taobao-tmall')
    const centers = ['industry-operations-center', 'platform-strategy-center', 'user-operations-center']
    expect(unitIds(data, '2022-01-06')).toEqual(expect.arrayContaining(['taobao-tmall', ...centers]))
    expect(unitIds(data, '2022-01-06')).not.toContain('taobao')
  })

  it('marks how each unit changed on a date, and leaves unchanged units unmarked', () => {
    expect(marksAt(data, '2022-01-06')).toEqual({
      'taobao-tmall': ['added'],
      'industry-operations-center': ['added'],
      'platform-strategy-center': ['added'],
      'user-operations-center': ['added'],
      'live-streaming': ['added'],
      guangguang: ['added'],
      alimama: ['moved'],
      taobao: ['ended'],
      tmall: ['ended'],
    })
  })

  it('lists the leader holdings that changed in units that were there before', () => {
    expect(stopAt(data, '2022-01-01').holdings).toEqual([['alibaba-group', 'dai-shan', 'president', 'added']])
    expect(stopAt(data, '2022-01-06').holdings).toEqual([])
  })

  it('lists the events of each date with their reorg and sources', () => {
    const events = eventsAt(data, '2022-01-06')
    expect(events).toHaveLength(16)
    expect(events[0]).toMatchObject({
      id: 'taobao-tmall-merged',
      type: 'UnitMerged',
      reorg: 'alibaba-2022-01',
      sources: [{ publisher: '時尚達人圈' }, { publisher: '紅星資本局', published: '2022-01-06' }],
    })
  })

  it('summarizes an event with the names of the units it touches', () => {
    expect(eventsAt(data, '2022-01-06')[0]!.summary).toEqual([
      'Merged ',
      { name: { 'zh-Hant': '淘寶', en: 'Taobao' } },
      ' and ',
      { name: { 'zh-Hant': '天貓', en: 'Tmall' } },
      ' into ',
      { name: { 'zh-Hant': '大淘寶', en: 'Taobao & Tmall' } },
    ])
  })

  it('rebuilds the org of every date from the changes it embeds', () => {
    const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
    for (const date of seed.changeDates())
      expect([...orgAt(data, date).values()].sort(byId)).toEqual([...toJSON(seed.atOrThrow(date)).units].sort(byId))
  })

  it('embeds only the records that changed on a date', () => {
    expect(stopAt(data, '2021-09').units.map((i) => data.units[i]!.id)).toEqual(['community-ecommerce'])
    expect(
      stopAt(data, '2022-01-06')
        .ended.map((i) => data.ended[i]!.id)
        .sort(),
    ).toEqual(['taobao', 'tmall'])
  })

  it('keeps a hostile name inside the data element, where it reads back unchanged', () => {
    expect(hostilePage.match(/<script/g)).toHaveLength(2)
    expect(hostilePage.match(/<\/script>/g)).toHaveLength(2)
    expect(hostilePage).not.toContain('<!--')
    expect(dataOf(hostilePage).units[0]!.name).toEqual({ en: hostile, 'zh-Hant': '<b>x</b>' })
  })

  it('writes U+2028 and U+2029 as escapes', () => {
    expect(hostilePage).not.toMatch(/[\u2028\u2029]/)
  })

  it('escapes the title as text', () => {
    expect(hostilePage).toContain('<title>&lt;img src=x onerror=alert(1)&gt;</title>')
    expect(hostilePage).not.toContain('<img')
  })

  it('shows a stop as the org just after its own events when a coarser date contains a later one', () => {
    const d = dataOf(
      renderPage(
        Timeline.fromOrThrow([
          unitCreated({ unit: 'a', name: 'A' }, { effective: '2021' }),
          unitRenamed({ unit: 'a', name: 'A2' }, { effective: '2022-01' }),
          unitCreated({ unit: 'c', name: 'C', parent: 'a' }, { effective: '2022-01-06' }),
        ]),
      ),
    )
    expect(d.stops.map((s) => s.date)).toEqual(['2021', '2022-01', '2022-01-06'])
    expect(unitIds(d, '2022-01')).toEqual(['a'])
    expect(marksAt(d, '2022-01')).toEqual({ a: ['renamed'] })
    expect(marksAt(d, '2022-01-06')).toEqual({ c: ['added'] })
  })

  it('leaves retracted events out', () => {
    const d = dataOf(
      renderPage(
        Timeline.fromOrThrow([
          unitCreated({ unit: 'a', name: 'A' }, { effective: '2021', id: 'a' }),
          unitCreated({ unit: 'b', name: 'B' }, { effective: '2021-06', id: 'b' }),
          unitCreated({ unit: 'c', name: 'C' }, { effective: '2022', id: 'c' }),
          eventRetracted({ event: 'b' }),
        ]),
      ),
    )
    expect(d.stops.map((s) => [s.date, s.events.map((i) => d.events[i]!.id)])).toEqual([
      ['2021', ['a']],
      ['2022', ['c']],
    ])
  })

  it('takes the title and the preferred languages from the options', () => {
    const d = dataOf(renderPage(seed, { title: 'Alibaba', languages: ['en'] }))
    expect([d.title, d.languages]).toEqual(['Alibaba', ['en']])
  })

  it('names the page after the root unit by default', () => {
    expect(data.title).toBe('阿里巴巴集團 (Alibaba Group) — history')
  })

  it('renders a history without events as a page without stops', () => {
    expect(dataOf(renderPage(Timeline.fromOrThrow([]))).stops).toEqual([])
  })

  it('has a page script that parses as JavaScript', () => {
    expect(() => new Script(PAGE_SCRIPT)).not.toThrow()
  })
})

describe('org-history render', () => {
  const dir = mkdtempSync(join(tmpdir(), 'org-history-render-'))

  it('writes the page to --out and says what it wrote', async () => {
    const out = join(dir, 'org.html')
    const r = await cli('render', seedPath, '--out', out)
    expect(r).toMatchObject({ status: 0, out: `${out}: 5 change dates, 62 events`, err: '' })
    expect(readFileSync(out, 'utf8')).toBe(seedPage)
  })

  it("writes the page to stdout with '--out -'", async () => {
    const r = await cli('render', seedPath, '--out', '-', '--title', 'Alibaba', '--lang', 'en')
    expect(r.status).toBe(0)
    expect(dataOf(r.out)).toMatchObject({ title: 'Alibaba', languages: ['en'] })
  })

  it('is a usage error without --out', async () => {
    expect(await cli('render', seedPath)).toMatchObject({
      status: 2,
      err: "org-history: missing --out: the file to write the page to (or '--out -' for stdout)",
    })
  })

  it('is a usage error when the page cannot be written', async () => {
    const r = await cli('render', seedPath, '--out', join(dir, 'missing', 'org.html'))
    expect(r.status).toBe(2)
    expect(r.err).toMatch(/cannot write .*org\.html: ENOENT/)
  })

  it('exits 1 with every error of an invalid history', async () => {
    const r = await cli('render', 'tests/fixtures/invalid-rules.ndjson', '--out', join(dir, 'bad.html'))
    expect(r.status).toBe(1)
    expect(r.err).toMatch(/^tests\/fixtures\/invalid-rules\.ndjson:4: /)
  })
})
