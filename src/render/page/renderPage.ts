import type { Event } from '../../events/event.js'
import { roots } from '../../queries/units.js'
import type { Timeline } from '../../timeline/Timeline.js'
import { nameLabel } from '../labels.js'
import { buildPageData, type PageData } from './data.js'
import { escapeHtml, jsonForScript } from './embed.js'
import { withPlanLayer } from './planLayer.js'
import { PAGE_SCRIPT } from './script.js'
import { PAGE_STYLE } from './style.js'

export type { PageData, PageEnded, PageEvent, PageStop } from './data.js'
export type { ChangeMark, HoldingChange } from './marks.js'

/** Options of {@link renderPage}. @since 0.1.0 */
export interface PageOptions {
  /** The page title. Default: the name of the org's root unit, then `— history`. */
  readonly title?: string
  /** Preferred languages of names, e.g. `['en']`. Default: each name's first language with the English one beside it. */
  readonly languages?: readonly string[]
  /**
   * A plan shown as its own layer (DESIGN §8): `timeline` is the history with the plan, `fact` the
   * history alone and `events` the plan's events. Planned stops and units are marked, and a toggle
   * hides the plan. @since 0.2.0
   */
  readonly plan?: { readonly fact: Timeline; readonly events: readonly Event[] }
}

const LEGEND: readonly [string, string][] = [
  ['added', 'added'],
  ['renamed', 'renamed'],
  ['moved', 'moved'],
  ['reclassified', 'reclassified'],
  ['leaders', 'leaders changed'],
  ['attributes', 'details changed'],
  ['ended', 'ended'],
]

/** Nothing but inline styles and scripts: the page loads nothing, and sends nothing anywhere. */
const CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"

function defaultTitle(timeline: Timeline, languages: readonly string[]): string {
  const dates = timeline.changeDates()
  const last = dates[dates.length - 1]
  const top = last === undefined ? [] : roots(timeline.atOrThrow(last))
  return top.length === 0
    ? 'Organization history'
    : `${top.map((u) => nameLabel(u.name, languages)).join(', ')} — history`
}

function metaLine(data: PageData): string {
  const n = data.stops.length
  if (n === 0) return 'No events yet.'
  const span = n === 1 ? data.stops[0]!.date : `${data.stops[0]!.date} – ${data.stops[n - 1]!.date}`
  return `${data.events.length} events · ${n} change ${n === 1 ? 'date' : 'dates'} · ${span}`
}

function body(data: PageData, plan: boolean): string {
  const toggle = plan
    ? `<label class="plan-toggle"><input type="checkbox" id="show-plan" checked> Show the plan <span class="swatch swatch-planned"></span></label>`
    : ''
  const legend = LEGEND.map(([k, label]) => `<li><span class="swatch swatch-${k}"></span>${label}</li>`).join('')
  return `<header class="top">
  <div><h1>${escapeHtml(data.title)}</h1><p class="meta">${escapeHtml(metaLine(data))}</p></div>
  ${toggle}<label class="lang">Names <select id="lang"></select></label>
</header>
<section class="controls" aria-label="Date">
  <div class="when"><output id="date" for="slider"></output><div id="position"></div></div>
  <div class="slider-row">
    <button type="button" class="step" id="prev" aria-label="Previous change">‹ Prev</button>
    <div class="slider">
      <input type="range" id="slider" min="0" max="0" step="1" value="0" aria-label="Change date">
      <div class="ticks" id="ticks"></div>
    </div>
    <button type="button" class="step" id="next" aria-label="Next change">Next ›</button>
  </div>
  <label class="pick">Go to day <input type="date" id="picker"></label>
</section>
<div id="announce" class="visually-hidden" aria-live="polite"></div>
<main class="layout">
  <section class="panel chart-panel" aria-labelledby="chart-title">
    <div class="panel-head"><h2 id="chart-title">Organization <span id="chart-date"></span></h2>
      <ul class="legend" aria-label="Legend">${legend}</ul>
      <div class="tree-tools"><button type="button" class="step small" id="expand">Expand all</button><button type="button" class="step small" id="collapse">Collapse all</button></div></div>
    <div id="chart"><noscript><p class="empty">This page needs JavaScript to draw the chart.</p></noscript></div>
    <div id="ended"></div>
  </section>
  <aside class="panel events-panel" aria-labelledby="events-title">
    <h2 id="events-title">Took effect <span id="events-date"></span></h2>
    <div id="events"></div>
  </aside>
</main>
<footer>Made with org-history · one self-contained file: it loads nothing from the network.</footer>`
}

/**
 * A time-slider page of the history: one self-contained HTML document (inline styles, script and
 * data; no network) with the org chart at each change date, a slider, a day picker and
 * prev/next buttons (and the arrow keys), the units changed on the chosen date highlighted, and
 * the events of that date with their sources. Pure: no Node built-ins, so it runs in a browser too.
 * @param timeline the history, checked
 * @param options the title, and the preferred languages of names
 * @returns the HTML text
 * @example
 * writeFileSync('org.html', renderPage(Timeline.fromOrThrow(history), { title: 'Alibaba 2021–2022' }))
 * @since 0.1.0
 */
export function renderPage(timeline: Timeline, options: PageOptions = {}): string {
  const languages = options.languages ?? []
  const title = options.title ?? defaultTitle(timeline, languages)
  const planned = buildPageData(timeline, title, languages)
  const plan = options.plan
  const data =
    plan === undefined ? planned : withPlanLayer(planned, plan.events, buildPageData(plan.fact, title, languages))
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="generator" content="org-history">
<title>${escapeHtml(data.title)}</title>
<style>${PAGE_STYLE}</style>
</head>
<body>
${body(data, plan !== undefined)}
<script type="application/json" id="org-history-data">${jsonForScript(data)}</script>
<script>${PAGE_SCRIPT}</script>
</body>
</html>
`
}
