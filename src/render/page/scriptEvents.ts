/**
 * The part of the page's script that lists the events of a date, grouped by reorganization, each
 * with its type, summary and numbered sources (links only for http(s) URLs). A fragment of
 * {@link PAGE_SCRIPT}'s closure (see `script.ts`).
 * @since 0.1.0
 */
export const EVENTS_SCRIPT = String.raw`
  function sourceEl(source) {
    const title = source.title || source.url || 'source'
    const safe = typeof source.url === 'string' && /^https?:\/\//i.test(source.url)
    return h('li', { class: 'source' },
      safe ? h('a', { href: source.url, target: '_blank', rel: 'noopener noreferrer' }, h('cite', {}, title)) : h('cite', {}, title),
      source.publisher ? h('span', { class: 'publisher' }, source.publisher) : null,
      source.published ? h('span', { class: 'published' }, source.published) : null)
  }

  function summaryEl(parts) {
    return h('p', { class: 'summary' }, parts.map((p) => (typeof p === 'string' ? p : nameEl(p.name, '?'))))
  }

  /** A source of an event as its number in the group's list of sources. */
  function refEl(source, numbers) {
    const n = numbers.get(JSON.stringify(source))
    const label = [source.publisher, source.title, source.published].filter(Boolean).join(' · ')
    return h('span', { class: 'ref', title: label, 'aria-label': 'source ' + n + ': ' + label }, String(n))
  }

  function eventEl(e, numbers) {
    return h('li', { class: 'event', 'data-event': e.id },
      h('div', { class: 'event-head' }, h('span', { class: 'type type-' + e.type }, e.type), h('code', { class: 'event-id' }, e.id)),
      summaryEl(e.summary),
      e.sources.length > 0 ? h('p', { class: 'refs' }, 'Sources ', e.sources.map((s) => refEl(s, numbers))) : null,
      e.note ? h('details', { class: 'note' }, h('summary', {}, 'note'), h('p', {}, e.note)) : null)
  }

  /** The events of a stop, grouped by reorganization. */
  function eventsEl(stop) {
    const groups = []
    for (const e of pooled(stop.events, data.events)) {
      const last = groups[groups.length - 1]
      if (last && last.reorg === e.reorg) last.events.push(e)
      else groups.push({ reorg: e.reorg, announced: e.announced, events: [e] })
    }
    return groups.map((g) => {
      const numbers = new Map()
      const sources = []
      for (const e of g.events) for (const s of e.sources) {
        const key = JSON.stringify(s)
        if (!numbers.has(key)) numbers.set(key, sources.push(s))
      }
      return h('section', { class: 'reorg' },
        h('h3', {}, g.reorg === null ? 'Events' : ['Reorganization ', h('code', {}, g.reorg)],
          g.announced ? h('span', { class: 'announced' }, 'announced ' + g.announced) : null),
        sources.length > 0 ? h('ol', { class: 'sources', 'aria-label': 'Sources' }, sources.map(sourceEl)) : null,
        h('ol', { class: 'events' }, g.events.map((e) => eventEl(e, numbers))))
    })
  }
`
