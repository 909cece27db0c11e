import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { type BrowserContext, chromium, type Locator, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { renderPage, Timeline, toJSON, unitCreated } from '../../src/index.js'
import { readHistoryOrThrow } from '../../src/node.js'

// Debian's chromium, driven by playwright-core. CI (CI=true) installs it in .ci/run and must run
// these tests: there a missing binary fails them. Elsewhere they are skipped, loudly.
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const inCI = process.env.CI !== undefined && !['', '0', 'false'].includes(process.env.CI)
const present = existsSync(CHROMIUM)
if (!present && !inCI)
  console.warn(
    `\n!!! SKIPPING the browser tests of the time-slider page: no Chromium at ${CHROMIUM}.\n` +
      '!!! Install it with `apt-get install -y chromium` (or set CHROMIUM_PATH). In CI they fail instead.\n',
  )

// Without these flags Chromium keeps trying to reach the (closed) network.
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

const output = resolve('.test-output')
const pageFile = join(output, 'page.html')
const url = pathToFileURL(pageFile).href
const largeFile = join(output, 'page-large.html')
const hostileFile = join(output, 'page-hostile.html')
const hostile = '<img src=x onerror="document.title=\'pwned\'">'
const centers = ['industry-operations-center', 'platform-strategy-center', 'user-operations-center']

/** 301 units under two groups in 2020; in 2021 one unit is added deep in the second group. */
function largeHistory() {
  const created = (unit: string, parent?: string) => unitCreated({ unit, name: unit, parent }, { effective: '2020' })
  const groups = ['g1', 'g2'].flatMap((g) => [
    created(g, 'root'),
    ...Array.from({ length: 149 }, (_, i) => created(`${g}-${i}`, g)),
  ])
  return [created('root'), ...groups, unitCreated({ unit: 'new', name: 'New', parent: 'g2-5' }, { effective: '2021' })]
}

it('finds Chromium when run in CI, where .ci/run installs it', () => {
  expect(present || !inCI, `no Chromium at ${CHROMIUM}: .ci/run must install it (apt-get install -y chromium)`).toBe(
    true,
  )
})

describe.runIf(present)('the time-slider page in Chromium', () => {
  const timeline = Timeline.fromOrThrow(readHistoryOrThrow(['events/alibaba-2021-2022.ndjson']))
  let context: BrowserContext
  let profile: string
  const requests: string[] = []
  const errors: string[] = []

  beforeAll(async () => {
    mkdirSync(output, { recursive: true })
    writeFileSync(pageFile, renderPage(timeline))
    writeFileSync(largeFile, renderPage(Timeline.fromOrThrow(largeHistory())))
    const source = { title: hostile, url: 'javascript:document.title="pwned"' }
    writeFileSync(
      hostileFile,
      renderPage(Timeline.fromOrThrow([unitCreated({ unit: 'x', name: hostile }, { effective: '2022', source })])),
    )
    profile = mkdtempSync(join(tmpdir(), 'org-history-chromium-'))
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      args: FLAGS,
      viewport: { width: 1280, height: 800 },
    })
    context.on('request', (r) => requests.push(r.url()))
    context.on('weberror', (e) => errors.push(e.error().message))
  })

  afterAll(async () => {
    await context?.close()
    if (profile) rmSync(profile, { recursive: true, force: true })
  })

  async function open(hash = '', file = url): Promise<Page> {
    const page = await context.newPage()
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()))
    await page.goto(file + hash)
    await page.locator('#chart .tree').waitFor()
    return page
  }

  const unitCard = (page: Page, id: string) => page.locator(`#chart [data-unit="${id}"]`)
  const attributes = async (elements: Locator, name: string) =>
    Promise.all((await elements.all()).map((el) => el.getAttribute(name)))

  it('shows 淘寶 and 天貓 as two business groups on 2021-12-31', async () => {
    const page = await open()
    await page.locator('#picker').fill('2021-12-31')
    await page.locator('#picker').blur()
    await expect.poll(() => page.locator('#date').textContent()).toBe('2021-12-31')
    expect(await unitCard(page, 'taobao').locator('.unit-head').textContent()).toContain('淘寶')
    expect(await unitCard(page, 'tmall').locator('.unit-head').textContent()).toContain('天貓')
    expect(await unitCard(page, 'taobao-tmall').count()).toBe(0)
    await page.screenshot({ path: join(output, 'page-2021-12-31.png') })
    await page.close()
  })

  it('shows 大淘寶 with its three centers after moving the slider to 2022-01-06', async () => {
    const page = await open('#2021-12-31')
    await page.locator('#slider').focus()
    await page.keyboard.press('ArrowRight')
    await page.keyboard.press('ArrowRight')
    expect(await page.locator('#date').textContent()).toBe('2022-01-06')
    expect(await page.locator('#slider').getAttribute('aria-valuetext')).toBe('2022-01-06')
    expect(await unitCard(page, 'taobao-tmall').locator('.unit-head').textContent()).toContain('大淘寶')
    const under = page.locator('#chart li:has(> [data-unit="taobao-tmall"]) > ul > li > .unit')
    expect(await attributes(under, 'data-unit')).toEqual(expect.arrayContaining(centers))
    expect(await unitCard(page, 'taobao').count()).toBe(0)
    await page.screenshot({ path: join(output, 'page-2022-01-06.png') })
    await page.close()
  })

  it('highlights the units changed on 2022-01-06, and only those', async () => {
    const page = await open('#2022-01-06')
    const changed = page.locator('#chart .unit.changed')
    const [ids, marks] = [await attributes(changed, 'data-unit'), await attributes(changed, 'data-marks')]
    expect(ids.map((id, i) => `${id}:${marks[i]}`).sort()).toEqual(
      [
        'alimama:moved',
        'guangguang:added',
        'live-streaming:added',
        'taobao-tmall:added',
        ...centers.map((c) => `${c}:added`),
      ].sort(),
    )
    expect(await page.locator('#ended .changed').allTextContents()).toEqual([
      expect.stringContaining('天貓'),
      expect.stringContaining('淘寶'),
    ])
    const border = (id: string) =>
      page.evaluate<string>(`getComputedStyle(document.querySelector('[data-unit="${id}"]')).borderLeftColor`)
    expect(await border('taobao-tmall')).not.toBe(await border('1688'))
    expect(await unitCard(page, 'taobao-tmall').locator('.badge').textContent()).toBe('added')
    await page.close()
  })

  it('draws the org of every change date with its units in the order of toJSON', async () => {
    const page = await open()
    for (const date of timeline.changeDates()) {
      await page.evaluate(`location.hash = '${date}'`)
      await expect.poll(() => page.locator('#date').textContent()).toBe(date)
      const ids = await attributes(page.locator('#chart .unit'), 'data-unit')
      expect(ids).toEqual(toJSON(timeline.atOrThrow(date)).units.map((u) => u.id))
    }
    await page.close()
  })

  it('marks the leader who took a new role on 2022-01-01', async () => {
    const page = await open('#2022-01-01')
    const group = unitCard(page, 'alibaba-group')
    expect(await group.getAttribute('data-marks')).toBe('leaders')
    expect(await group.locator('.leader-added').allTextContents()).toEqual(['集團總裁 戴珊Trudy Dai (added)'])
    await page.close()
  })

  it('lists the events of 2022-01-06 with their summaries and sources', async () => {
    const page = await open('#2022-01-06')
    expect(await page.locator('#events .event').count()).toBe(16)
    const merged = page.locator('#events [data-event="taobao-tmall-merged"]')
    expect(await merged.locator('.summary').textContent()).toBe(
      'Merged 淘寶Taobao and 天貓Tmall into 大淘寶Taobao & Tmall',
    )
    expect(await merged.locator('.type').textContent()).toBe('UnitMerged')
    expect(await merged.locator('.ref').count()).toBe(2)
    const sources = await page.locator('#events .reorg .source').allTextContents()
    expect(sources).toEqual([
      '淘寶、天貓業務將實現全面融合時尚達人圈',
      '淘寶、天貓業務將實現全面融合紅星資本局2022-01-06',
    ])
    expect(await page.locator('#events .reorg h3 code').textContent()).toBe('alibaba-2022-01')
    await page.close()
  })

  it('steps through the change dates with the buttons and the arrow keys', async () => {
    const page = await open()
    const date = () => page.locator('#date').textContent()
    expect([await date(), await page.locator('#next').isDisabled()]).toEqual(['2022-01-06', true])
    await page.locator('#prev').click()
    expect(await date()).toBe('2022-01-01')
    await page.locator('body').press('ArrowLeft')
    expect(await date()).toBe('2021-09')
    await page.locator('body').press('Home')
    expect([await date(), await page.locator('#prev').isDisabled()]).toEqual(['2020', true])
    await page.locator('.tick', { hasText: '2021-03' }).click()
    expect(await date()).toBe('2021-03')
    await page.close()
  })

  it('shows names in the language picked', async () => {
    const page = await open('#2022-01-06')
    await page.locator('#lang').selectOption('en')
    expect(await unitCard(page, 'taobao-tmall').locator('.name').first().textContent()).toBe('Taobao & Tmall')
    await page.close()
  })

  it('fits a 390-pixel-wide window without sideways scrolling', async () => {
    const page = await open('#2022-01-06')
    await page.setViewportSize({ width: 390, height: 844 })
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390)
    await page.screenshot({ path: join(output, 'page-narrow.png') })
    await page.close()
  })

  it('hides and shows the units under a unit with its toggle', async () => {
    const page = await open('#2022-01-06')
    const toggle = unitCard(page, 'overseas-digital-commerce').locator('.toggle')
    await toggle.click()
    expect([await toggle.getAttribute('aria-expanded'), await unitCard(page, 'lazada').count()]).toEqual(['false', 0])
    await toggle.press('Enter')
    expect([await toggle.getAttribute('aria-expanded'), await unitCard(page, 'lazada').count()]).toEqual(['true', 1])
    await page.close()
  })

  it('opens a large org only at the top and on the way to what changed', async () => {
    const page = await open('', pathToFileURL(largeFile).href)
    expect(await unitCard(page, 'g1').locator('.toggle').getAttribute('aria-expanded')).toBe('false')
    expect(await unitCard(page, 'g1-7').count()).toBe(0)
    expect(await unitCard(page, 'new').getAttribute('data-marks')).toBe('added')
    await page.locator('#expand').click()
    expect(await unitCard(page, 'g1-7').count()).toBe(1)
    await page.close()
  })

  it('shows hostile names as text and links no javascript: URL', async () => {
    const page = await open('', pathToFileURL(hostileFile).href)
    expect(await unitCard(page, 'x').locator('.name').textContent()).toBe(hostile)
    expect(await page.locator('#events .source').textContent()).toBe(hostile)
    expect([await page.locator('#events a').count(), await page.locator('img').count()]).toEqual([0, 0])
    expect(await page.title()).toBe(`${hostile} — history`)
    await page.close()
  })

  it('loads nothing but the pages themselves, without an error', () => {
    const pages = [url, largeFile, hostileFile].map((f) => (f === url ? f : pathToFileURL(f).href))
    expect(requests.length).toBeGreaterThan(0)
    expect(requests.filter((r) => !pages.some((p) => r.startsWith(p)))).toEqual([])
    expect(errors).toEqual([])
  })
})
