/**
 * The part of the page's script that draws the org: unit cards with their leaders, details and
 * change marks, nested as a tree that opens and closes, and the list of ended units. A fragment of
 * {@link PAGE_SCRIPT}'s closure (see `script.ts`): it uses `h`, `view`, `nameEl` from there.
 * @since 0.1.0
 */
export const CHART_SCRIPT = `
  /** Each unit's active children, by id (as toJSON lists them); roots under null. */
  function childrenOf(units) {
    const kids = new Map()
    for (const u of units.values()) {
      if (!kids.has(u.parent)) kids.set(u.parent, [])
      kids.get(u.parent).push(u)
    }
    for (const list of kids.values()) list.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    return kids
  }

  function leaderEl(leader, people, how) {
    const person = people.get(leader.person)
    const name = nameEl(person ? person.name : null, leader.person)
    return h('li', { class: 'leader' + (leader.acting ? ' acting' : '') + (how ? ' leader-' + how : '') },
      h('span', { class: 'role' }, leader.title || leader.role), ' ',
      how === 'removed' ? h('del', {}, name) : name,
      leader.acting ? h('span', { class: 'tag' }, 'acting') : null,
      how ? h('span', { class: 'visually-hidden' }, ' (' + how + ')') : null)
  }

  /** The leaders of a unit, with the holdings that started, changed or ended on the date marked. */
  function leadersEl(unit, people, holdings) {
    const changed = holdings.get(unit.id) || []
    const how = (l) => (changed.find((c) => c[1] === l.person && c[2] === l.role) || [])[3]
    const removed = changed.filter((c) => c[3] === 'removed').map((c) => ({ person: c[1], role: c[2], title: null, acting: false }))
    const items = unit.leaders.map((l) => leaderEl(l, people, how(l))).concat(removed.map((l) => leaderEl(l, people, 'removed')))
    return items.length > 0 ? h('ul', { class: 'leaders', 'aria-label': 'Leaders' }, items) : null
  }

  function attributesEl(attributes) {
    const keys = Object.keys(attributes)
    if (keys.length === 0) return null
    const show = (v) => (Array.isArray(v) ? v.map(show).join(' · ') : typeof v === 'string' ? v : JSON.stringify(v))
    return h('details', { class: 'attributes' }, h('summary', {}, 'details'),
      h('dl', {}, keys.map((k) => [h('dt', {}, k), h('dd', {}, show(attributes[k]))])))
  }

  function unitEl(unit, marks, people, holdings) {
    const m = marks.get(unit.id) || []
    const planned = view.planned !== undefined && view.planned.has(unit.id)
    const attrs = { class: (m.length > 0 ? 'unit changed mark-' + m[0] : 'unit') + (planned ? ' planned' : ''), 'data-unit': unit.id, 'data-marks': m.join(' '), title: unit.id + ' · since ' + unit.since }
    return h('div', attrs,
      h('div', { class: 'unit-head' },
        nameEl(unit.name, unit.id),
        unit.kind ? h('span', { class: 'kind' }, unit.kind.replace(/-/g, ' ')) : null,
        m.map((k) => h('span', { class: 'badge badge-' + k }, MARKS[k])),
        planned ? h('span', { class: 'badge badge-planned' }, 'planned') : null),
      leadersEl(unit, people, holdings),
      attributesEl(unit.attributes))
  }

  /**
   * Whether a unit's subtree is shown: as the reader left it, else everything in a small org, and
   * in a large one the top levels and the way down to each change.
   */
  function opener(state, marks) {
    const toChange = new Set()
    for (const id of marks.keys())
      for (let u = state.units.get(id); u && u.parent !== null && !toChange.has(u.parent); u = state.units.get(u.parent))
        toChange.add(u.parent)
    const small = state.units.size <= OPEN_UP_TO
    return (id, depth) => (view.open.has(id) ? view.open.get(id) : view.all !== null ? view.all : small || depth < 1 || toChange.has(id))
  }

  function toggleEl(unit, open, count) {
    const label = (open ? 'Hide the ' : 'Show the ') + count + (count === 1 ? ' unit' : ' units') + ' under ' + pickName(unit.name).text
    return h('button', { type: 'button', class: 'toggle', 'aria-expanded': String(open), 'aria-label': label, 'data-toggle': unit.id },
      open ? '▾' : '▸' + count)
  }

  /** The org as nested lists, only as deep as it is open; built without recursion. */
  function chartEl(state, marks, holdings) {
    const kids = childrenOf(state.units)
    if (state.units.size === 0) return h('p', { class: 'empty' }, 'No active units on this date.')
    const isOpen = opener(state, marks)
    const top = h('ul', { class: 'tree' })
    const stack = (kids.get(null) || []).map((unit) => ({ unit, depth: 0, list: top })).reverse()
    while (stack.length > 0) {
      const { unit, depth, list } = stack.pop()
      const under = kids.get(unit.id) || []
      const open = under.length > 0 && isOpen(unit.id, depth)
      const card = unitEl(unit, marks, state.people, holdings)
      if (under.length > 0) card.querySelector('.unit-head').prepend(toggleEl(unit, open, under.length))
      const li = h('li', {}, card)
      list.append(li)
      if (!open) continue
      const sub = h('ul', { class: 'branch' })
      li.append(sub)
      for (let i = under.length - 1; i >= 0; i--) stack.push({ unit: under[i], depth: depth + 1, list: sub })
    }
    return top
  }

  function endedEl(state, marks) {
    const ended = state.ended.slice(-ENDED_SHOWN).reverse()
    if (ended.length === 0) return null
    const more = state.ended.length - ended.length
    const names = new Map([...ended, ...state.units.values()].map((u) => [u.id, u.name]))
    const items = ended.map((u) => {
      const now = (marks.get(u.id) || []).includes('ended')
      const successors = u.successors.map((s, i) => [i > 0 ? ', ' : '', nameEl(names.get(s), s)])
      return h('li', { class: now ? 'ended-unit changed mark-ended' : 'ended-unit', 'data-unit': u.id },
        nameEl(u.name, u.id), h('span', { class: 'how' }, ' ' + ENDED[u.status] + ' ', successors, ' · ', u.ended),
        now ? h('span', { class: 'badge badge-ended' }, 'ended') : null)
    })
    const open = items.some((li) => li.classList.contains('changed'))
    return h('details', { class: 'ended', open },
      h('summary', {}, h('h3', {}, 'Ended units ', h('span', { class: 'count' }, String(state.ended.length)))), h('ul', {}, items),
      more > 0 ? h('p', { class: 'empty' }, 'and ' + more + ' that ended earlier') : null)
  }
`
