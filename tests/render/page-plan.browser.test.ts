import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { type BrowserContext, chromium, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PlanTimeline, renderPage, Timeline } from '../../src/index.js'
import { readHistoryOrThrow } from '../../src/node.js'

// As tests/render/page.browser.test.ts: Debian's chromium, required in CI, skipped loudly elsewhere.
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const present = existsSync(CHROMIUM)
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run']
const output = resolve('.test-output')
const pageFile = join(output, 'page-plan.html')

describe.runIf(present)('the time-slider page with a plan, in Chromium', () => {
  const fact = Timeline.fromOrThrow(readHistoryOrThrow(['events/alibaba-2021-2022.ndjson']))
  const plan = readHistoryOrThrow(['examples/plans/tmall-separate.ndjson'])
  const skipped = PlanTimeline.fromOrThrow(fact, plan).skipped
  const merged = Timeline.fromOrThrow([...fact.history, ...plan].filter((e) => !skipped.has(e.id)))
  let context: BrowserContext
  let profile: string
  const errors: string[] = []

  beforeAll(async () => {
    mkdirSync(output, { recursive: true })
    writeFileSync(pageFile, renderPage(merged, { plan: { fact, events: plan } }))
    profile = mkdtempSync(join(tmpdir(), 'org-history-chromium-'))
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      args: FLAGS,
      viewport: { width: 1280, height: 800 },
    })
    context.on('weberror', (e) => errors.push(e.error().message))
  })

  afterAll(async () => {
    await context?.close()
    if (profile) rmSync(profile, { recursive: true, force: true })
    expect(errors).toEqual([])
  })

  async function open(hash = ''): Promise<Page> {
    const page = await context.newPage()
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()))
    await page.goto(pathToFileURL(pageFile).href + hash)
    await page.locator('#chart .tree').waitFor()
    return page
  }

  const ticks = (page: Page, selector = '.tick') => page.locator(`#ticks ${selector}`).allTextContents()

  it('marks the plan’s stops on the date bar, and hides them with the toggle', async () => {
    const page = await open()
    expect(await ticks(page, '.tick.planned')).toEqual(['2022-01-01 (planned)', '2022-04-01 (planned)'])
    expect(await page.locator('#slider').getAttribute('max')).toBe('5')
    await page.locator('#show-plan').uncheck()
    expect(await ticks(page, '.tick.planned')).toEqual([])
    expect(await ticks(page)).not.toContain('2022-04-01')
    expect(await page.locator('#slider').getAttribute('max')).toBe('4')
    await page.locator('#show-plan').check()
    expect(await ticks(page, '.tick.planned')).toHaveLength(2)
    await page.close()
  })

  it('draws the units the plan changes as planned, and not once the plan is hidden', async () => {
    const page = await open('#2022-01-01')
    expect(await page.locator('#position').textContent()).toMatch(/^planned change 4 of 6/)
    const center = page.locator('#chart [data-unit="tmall-brand-center"]')
    expect(await center.getAttribute('class')).toContain('planned')
    expect(await center.locator('.badge-planned').textContent()).toBe('planned')
    expect(await page.locator('#chart [data-unit="taobao-tmall"]').count()).toBe(0)
    expect(await page.locator('#chart [data-unit="1688"]').getAttribute('class')).not.toContain('planned')
    await page.screenshot({ path: join(output, 'page-plan-2022-01-01.png') })
    await page.locator('#show-plan').uncheck()
    expect(await page.locator('#date').textContent()).toBe('2022-01-01')
    expect(await center.count()).toBe(0)
    expect(await page.locator('#chart .unit.planned').count()).toBe(0)
    await page.close()
  })
})
