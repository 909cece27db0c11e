import { CHART_SCRIPT } from './scriptChart.js'
import { CONTROLS_SCRIPT } from './scriptControls.js'
import { EVENTS_SCRIPT } from './scriptEvents.js'
import { PLAN_SCRIPT } from './scriptPlan.js'

const CORE_SCRIPT = `
  let data = JSON.parse(document.getElementById('org-history-data').textContent)
  const $ = (id) => document.getElementById(id)
  let stops = data.stops
  const MARKS = { added: 'added', renamed: 'renamed', moved: 'moved', reclassified: 'reclassified', leaders: 'leaders changed', attributes: 'details changed', ended: 'ended' }
  const ENDED = { merged: 'merged into', split: 'split into', dissolved: 'dissolved' }
  const view = { stop: stops.length - 1, day: null, languages: data.languages.slice(), open: new Map(), all: null }
  /** Orgs up to this many units open fully; larger ones open the top and the way to each change. */
  const OPEN_UP_TO = 200
  /** The ended units listed: the latest ones. */
  const ENDED_SHOWN = 200
  /** Up to this many stops, each has a labelled tick under the slider. */
  const MAX_TICKS = 12

  /** An element with attributes and children; strings become text nodes. */
  function h(tag, attrs, ...children) {
    const el = document.createElement(tag)
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue
      if (key === 'class') el.className = value
      else el.setAttribute(key, value === true ? '' : String(value))
    }
    for (const child of children.flat(Infinity))
      if (child !== null && child !== undefined && child !== false) el.append(child instanceof Node ? child : String(child))
    return el
  }

  const own = (o, key) => Object.prototype.hasOwnProperty.call(o, key)
  const family = (tag) => tag.split('-')[0].toLowerCase()

  /** The text of a name to show, its language, and the English name beside it (DESIGN: nameLabel). */
  function pickName(name) {
    if (typeof name === 'string') return { text: name, tag: null, en: null }
    const tags = Object.keys(name)
    for (const wanted of view.languages) {
      const tag = own(name, wanted) ? wanted : tags.find((t) => family(t) === family(wanted))
      if (tag !== undefined) return { text: name[tag], tag, en: null }
    }
    if (tags.length === 0) return { text: '', tag: null, en: null }
    const en = view.languages.length === 0 && own(name, 'en') && name.en !== name[tags[0]] ? name.en : null
    return { text: name[tags[0]], tag: tags[0], en }
  }

  function nameEl(name, fallback) {
    if (name === null || name === undefined) return h('span', { class: 'name' }, h('span', { class: 'primary' }, fallback))
    const n = pickName(name)
    return h('span', { class: 'name' }, h('span', { class: 'primary', lang: n.tag }, n.text || fallback),
      n.en ? h('span', { class: 'en', lang: 'en' }, n.en) : null)
  }

  const pooled = (indexes, pool) => indexes.map((i) => pool[i])

  /** The org after stop k: every stop up to it applied in order (see PageStop). */
  function stateAt(k) {
    const state = { units: new Map(), people: new Map(), ended: [] }
    for (const stop of stops.slice(0, k + 1)) {
      for (const u of pooled(stop.units, data.units)) state.units.set(u.id, u)
      for (const e of pooled(stop.ended, data.ended)) {
        state.units.delete(e.id)
        state.ended.push(e)
      }
      for (const p of pooled(stop.people, data.people)) state.people.set(p.id, p)
    }
    return state
  }
`

/**
 * The page's script: plain JavaScript, inlined into the page as text (no framework, no network,
 * no `eval`). It reads the JSON of `#org-history-data` (see `PageData`) and draws the chart, the
 * slider and the events; every text from the data goes into the DOM as a text node or an attribute
 * value, never as HTML. Kept as a string, not a function's `toString()`, so no bundler or coverage
 * tool can change what the page runs. Written in four parts, one closure: this file (data, names,
 * the org at a stop), `scriptChart.ts`, `scriptEvents.ts` and `scriptControls.ts`.
 * @example
 * `<script>${PAGE_SCRIPT}</script>`
 * @since 0.1.0
 */
export const PAGE_SCRIPT = `'use strict'
;(() => {
${CORE_SCRIPT}
${CHART_SCRIPT}
${EVENTS_SCRIPT}
${CONTROLS_SCRIPT}
${PLAN_SCRIPT}
  setUp()
  setUpPlan()
})()
`
