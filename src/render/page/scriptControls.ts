/**
 * The part of the page's script that ties it together: `render` for the chosen stop or day, the
 * slider, prev/next, arrow keys, the day picker, the `#date` in the address, the language picker
 * and the tree's open/close buttons. A fragment of {@link PAGE_SCRIPT}'s closure (see `script.ts`).
 * @since 0.1.0
 */
export const CONTROLS_SCRIPT = String.raw`
  const plural = (n, word) => n + ' ' + word + (n === 1 ? '' : 's')

  function render() {
    const stop = stops[view.stop]
    const date = view.day || (stop ? stop.date : '')
    const exact = stop !== undefined && view.day === null
    $('date').textContent = date
    $('slider').value = String(Math.max(0, view.stop))
    $('slider').setAttribute('aria-valuetext', date)
    $('prev').disabled = view.stop < 0 || (view.stop === 0 && view.day === null)
    $('next').disabled = view.stop >= stops.length - 1
    $('picker').value = /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : ''
    for (const tick of document.querySelectorAll('.tick')) tick.classList.toggle('current', Number(tick.dataset.stop) === view.stop)
    const changed = exact ? stop.marks.length : 0
    const events = exact ? stop.events.length : 0
    $('position').textContent = stop === undefined ? 'before the first recorded change'
      : exact ? (plannedStop(view.stop) ? 'planned ' : '') + 'change ' + (view.stop + 1) + ' of ' + stops.length + ' · ' + plural(events, 'event') + ' · ' + plural(changed, 'unit') + ' changed'
      : 'no change on this day · as changed on ' + stop.date
    const on = date.length === 10 ? 'on ' : date.length < 10 ? 'in ' : 'at '
    $('chart-date').textContent = on + date
    $('events-date').textContent = on + date
    const marks = new Map(exact ? stop.marks : [])
    const holdings = new Map()
    for (const c of exact ? stop.holdings : []) holdings.set(c[0], (holdings.get(c[0]) || []).concat([c]))
    const state = stateAt(view.stop)
    view.planned = plannedUnits(view.stop)
    $('chart').replaceChildren(stop ? chartEl(state, marks, holdings) : h('p', { class: 'empty' }, 'Nothing is recorded before ' + stops[0].date + '.'))
    $('ended').replaceChildren(stop ? endedEl(state, marks) || '' : '')
    $('events').replaceChildren(...(exact ? eventsEl(stop) : [h('p', { class: 'empty' },
      'Nothing took effect on ' + date + '.', stop ? [' ', h('button', { type: 'button', class: 'link', id: 'show-last' }, 'Show the changes of ' + stop.date)] : null)]))
    if (!exact && stop) $('show-last').addEventListener('click', () => go(view.stop))
    $('announce').textContent = date + ': ' + $('position').textContent
    const hash = '#' + encodeURIComponent(date)
    if (location.hash !== hash) history.replaceState(null, '', hash)
  }

  function go(index) {
    view.stop = Math.max(0, Math.min(stops.length - 1, index))
    view.day = null
    render()
    showChanges()
  }

  /** Brings the first changed unit up when it is off screen or low on it, so the changes are in view. */
  function showChanges() {
    const first = document.querySelector('#chart .changed')
    if (!first) return
    const top = first.getBoundingClientRect().top
    const controls = document.querySelector('.controls').getBoundingClientRect().bottom
    if (top < controls || top > window.innerHeight * 0.55) first.scrollIntoView({ block: 'start' })
  }

  /** Shows a calendar day: the org after the last change that took effect by its end. */
  function pickDay(day) {
    const exact = stops.findIndex((s) => s.date === day)
    if (exact >= 0) return go(exact)
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day)
    if (!m) return
    const end = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + 1)
    let index = -1
    while (index + 1 < stops.length && stops[index + 1].start < end) index++
    view.stop = index
    view.day = day
    render()
  }

  function fromHash(hash) {
    let wanted = ''
    try {
      wanted = decodeURIComponent((typeof hash === 'string' ? hash : location.hash).slice(1))
    } catch {
      return
    }
    if (wanted !== '') pickDay(wanted)
  }

  function step(delta) {
    if (view.day !== null && delta < 0) return go(view.stop)
    go(view.stop + delta)
  }

  /** Every stop gets a labelled tick when there are few; otherwise a handful spread evenly. */
  function tickIndexes() {
    const n = stops.length
    if (n <= MAX_TICKS) return stops.map((_, i) => i)
    const spread = Array.from({ length: 7 }, (_, k) => Math.round((k * (n - 1)) / 6))
    return [...new Set([...spread, ...plannedStops().slice(0, MAX_TICKS)])].sort((a, b) => a - b)
  }

  /** The slider's range and its labelled ticks for the current stops (planned ones marked). */
  function drawTicks() {
    $('slider').max = String(stops.length - 1)
    $('ticks').replaceChildren(...tickIndexes().map((i) => h('button', {
      type: 'button', class: plannedStop(i) ? 'tick planned' : 'tick', tabindex: '-1', 'data-stop': i,
      style: 'left: ' + (stops.length === 1 ? 0 : (100 * i) / (stops.length - 1)) + '%',
    }, h('span', { title: plannedStop(i) ? 'planned' : null }, stops[i].date,
      plannedStop(i) ? h('span', { class: 'visually-hidden' }, ' (planned)') : null))))
  }

  function setUp() {
    if (stops.length === 0) {
      $('chart').replaceChildren(h('p', { class: 'empty' }, 'This history has no events yet.'))
      document.querySelector('.controls').hidden = true
      return
    }
    const slider = $('slider')
    slider.addEventListener('input', () => go(Number(slider.value)))
    $('prev').addEventListener('click', () => step(-1))
    $('next').addEventListener('click', () => step(1))
    $('picker').addEventListener('change', (e) => e.target.value && pickDay(e.target.value))
    $('picker').min = new Date(stops[0].start).toISOString().slice(0, 10)
    drawTicks()
    $('ticks').addEventListener('click', (e) => { const t = e.target.closest('.tick'); if (t) go(Number(t.dataset.stop)) })
    document.addEventListener('keydown', (e) => {
      if (e.altKey || e.ctrlKey || e.metaKey || /^(INPUT|SELECT|TEXTAREA)$/.test(e.target.tagName)) return
      const moves = { ArrowLeft: () => step(-1), ArrowRight: () => step(1), Home: () => go(0), End: () => go(stops.length - 1) }
      if (own(moves, e.key)) { e.preventDefault(); moves[e.key]() }
    })
    $('chart').addEventListener('click', (e) => {
      const toggle = e.target.closest('[data-toggle]')
      if (!toggle) return
      view.open.set(toggle.dataset.toggle, toggle.getAttribute('aria-expanded') !== 'true')
      render()
      const again = [...document.querySelectorAll('[data-toggle]')].find((t) => t.dataset.toggle === toggle.dataset.toggle)
      if (again) again.focus()
    })
    for (const [id, all] of [['expand', true], ['collapse', false]])
      $(id).addEventListener('click', () => { view.open.clear(); view.all = all; render() })
    const lang = $('lang')
    const tags = data.tags.slice()
    for (const t of view.languages) if (!tags.includes(t)) tags.push(t)
    lang.replaceChildren(h('option', { value: '' }, 'original + English'), ...tags.map((t) => h('option', { value: t }, t)))
    lang.value = view.languages[0] || ''
    lang.addEventListener('change', () => { view.languages = lang.value ? [lang.value] : []; render() })
    window.addEventListener('hashchange', () => fromHash())
    const controls = document.querySelector('.controls')
    const fit = () => document.documentElement.style.setProperty('--controls-height', controls.offsetHeight + 'px')
    new ResizeObserver(fit).observe(controls)
    const wanted = location.hash
    render()
    if (wanted !== '') fromHash(wanted)
  }
`
