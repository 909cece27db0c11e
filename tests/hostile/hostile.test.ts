import { describe, expect, it } from 'vitest'
import {
  activeCount,
  activeUnits,
  ancestors,
  children,
  decodeEvent,
  diffBetweenOrThrow,
  type Event,
  endedUnits,
  foldEvents,
  formatError,
  type HistoryError,
  leadersOf,
  type OrgState,
  parseHistory,
  person,
  renderDiff,
  renderTree,
  replay,
  replayOrThrow,
  rolesOf,
  stateAtOrThrow,
  subtree,
  toJSON,
  unit,
  unitCreated,
  unitDissolved,
  unitMoved,
} from '../../src/index.js'

function eventsOf(text: string, file = 'hostile.ndjson'): Event[] {
  const r = parseHistory(text, file)
  if (r._tag === 'Left') throw new Error(r.left.map(formatError).join('\n'))
  return r.right
}

function errorsOf(text: string, file: string): HistoryError[] {
  const r = parseHistory(text, file)
  if (r._tag === 'Right') throw new Error('expected errors, the text parsed')
  return r.left
}

const ids = (units: readonly { id: string }[]) => units.map((u) => u.id)

const ndjson = (lines: readonly object[]) => `${lines.map((l) => JSON.stringify(l)).join('\n')}\n`

// A history written as JSON text (so hostile keys reach the library as JSON.parse makes them: own
// data properties), whose unit ids, person ids, roles, event ids and attribute keys are all hostile.
const HOSTILE_TEXT = [
  '{"id":"__proto__","type":"UnitCreated","effective":"2021-03","data":{"unit":"__proto__","name":{"zh-Hant":"原型","en":"Proto"}}}',
  '{"id":"constructor","type":"UnitCreated","effective":"2021-03","data":{"unit":"constructor","name":"Constructor","parent":"__proto__"}}',
  '{"id":"hasOwnProperty","type":"UnitCreated","effective":"2021-03","data":{"unit":"hasOwnProperty","name":"Own","parent":"__proto__"}}',
  '{"id":"大淘寶","type":"UnitCreated","effective":"2021-03","data":{"unit":"大淘寶","name":"大淘寶","parent":"__proto__"}}',
  '{"id":"🏢","type":"UnitCreated","effective":"2021-03","data":{"unit":"🏢","name":"🏢 HQ","parent":"constructor"}}',
  '{"id":"toString","type":"UnitRenamed","effective":"2021-06","data":{"unit":"__proto__","name":"Prototype Group"}}',
  '{"id":"valueOf","type":"UnitMoved","effective":"2021-06","data":{"unit":"constructor","parent":"大淘寶"}}',
  '{"id":"isPrototypeOf","type":"UnitMerged","effective":"2022-01-06","data":{"units":["hasOwnProperty","🏢"],"into":"toString","name":"toString","parent":"__proto__"}}',
  '{"id":"🔁","type":"LeaderAssigned","effective":"2022-01-06","data":{"unit":"toString","person":"__proto__","role":"constructor"}}',
  '{"id":"領導","type":"LeaderAssigned","effective":"2022-01-06","data":{"unit":"大淘寶","person":"__proto__"}}',
  '{"id":"__defineGetter__","type":"LeaderAssigned","effective":"2022-01-06","data":{"unit":"大淘寶","person":"constructor","role":"toString","mode":"add"}}',
  '{"id":"propertyIsEnumerable","type":"PersonRegistered","effective":"2022-01-06","data":{"person":"__proto__","name":"戴珊","aliases":["constructor"]}}',
  '{"id":"toLocaleString","type":"UnitAttributesSet","effective":"2022-01-06","data":{"unit":"大淘寶","attributes":{"__proto__":{"polluted":1},"constructor":"c","hasOwnProperty":true,"🏷️":["淘寶","天貓"]}}}',
].join('\n')

describe('hostile ids and keys', () => {
  const history = eventsOf(HOSTILE_TEXT)
  const state = replayOrThrow(history)

  it('reads hostile event ids from JSON text as ordinary ids', () => {
    expect(history.map((e) => e.id)).toEqual([
      '__proto__',
      'constructor',
      'hasOwnProperty',
      '大淘寶',
      '🏢',
      'toString',
      'valueOf',
      'isPrototypeOf',
      '🔁',
      '領導',
      '__defineGetter__',
      'propertyIsEnumerable',
      'toLocaleString',
    ])
  })

  it('creates and renames units whose ids are __proto__, constructor, hasOwnProperty, CJK and emoji', () => {
    expect(unit(state, '__proto__')?.name).toBe('Prototype Group')
    expect(unit(state, '__proto__')?.names.map((n) => n.name)).toEqual([
      { 'zh-Hant': '原型', en: 'Proto' },
      'Prototype Group',
    ])
    expect(unit(state, '大淘寶')?.parent).toBe('__proto__')
    expect(unit(state, '🏢')?.status).toBe('merged')
  })

  it('knows no unit by a hostile id that was never created', () => {
    expect(unit(state, 'valueOf')).toBeUndefined()
    expect(unit(stateAtOrThrow(history, '2021-01'), '__proto__')).toBeUndefined()
    expect(children(state, 'isPrototypeOf')).toEqual([])
    expect(subtree(state, 'propertyIsEnumerable')).toEqual([])
  })

  it('moves and merges units whose ids are hostile', () => {
    expect(unit(state, 'constructor')?.parent).toBe('大淘寶')
    expect(ids(children(state, '__proto__'))).toEqual(['toString', '大淘寶'])
    expect(ids(children(state, '大淘寶'))).toEqual(['constructor'])
    expect(unit(state, 'toString')?.predecessors).toEqual(['hasOwnProperty', '🏢'])
    expect(unit(state, 'hasOwnProperty')?.successors).toEqual(['toString'])
    expect(ids(subtree(state, '__proto__'))).toEqual(['__proto__', 'toString', '大淘寶', 'constructor'])
  })

  it('assigns leaders whose person ids and roles are hostile and finds them from both sides', () => {
    expect(leadersOf(state, 'toString').map((l) => [l.person, l.role])).toEqual([['__proto__', 'constructor']])
    expect(leadersOf(state, '大淘寶').map((l) => [l.person, l.role])).toEqual([
      ['__proto__', 'head'],
      ['constructor', 'toString'],
    ])
    expect(rolesOf(state, '__proto__').map((r) => [r.unit, r.role])).toEqual([
      ['toString', 'constructor'],
      ['大淘寶', 'head'],
    ])
    expect(rolesOf(state, 'constructor').map((r) => [r.unit, r.role])).toEqual([['大淘寶', 'toString']])
    expect(person(state, '__proto__')?.name).toBe('戴珊')
    expect(rolesOf(state, 'toString')).toEqual([])
  })

  it('stores hostile attribute keys as own data keys without touching the prototype', () => {
    const attributes = unit(state, '大淘寶')!.attributes
    expect(Object.getPrototypeOf(attributes)).toBe(Object.prototype)
    expect(Object.keys(attributes).sort()).toEqual(['__proto__', 'constructor', 'hasOwnProperty', '🏷️'])
    expect(Object.getOwnPropertyDescriptor(attributes, '__proto__')?.value).toEqual({ polluted: 1 })
    expect(Object.getOwnPropertyDescriptor(attributes, 'constructor')?.value).toBe('c')
  })

  it('writes hostile ids and keys as ordinary keys and values in the JSON of a state', () => {
    const text = JSON.stringify(toJSON(state))
    expect(text).toContain('"__proto__":{"polluted":1}')
    expect(text).toContain('"constructor":"c"')
    const parsed = JSON.parse(text) as ReturnType<typeof toJSON>
    expect(ids(parsed.units)).toEqual(['__proto__', 'toString', '大淘寶', 'constructor'])
    expect(ids(parsed.people)).toEqual(['__proto__', 'constructor'])
    expect(ids(parsed.ended)).toEqual(['hasOwnProperty', '🏢'])
    const attributes = parsed.units.find((u) => u.id === '大淘寶')!.attributes
    expect(Object.hasOwn(attributes, '__proto__')).toBe(true)
  })

  it('does not pollute Object.prototype with an attribute {"__proto__": {"polluted": 1}} read from JSON text', () => {
    const d = diffBetweenOrThrow(history, '2021-12', '2022-01-06')
    renderDiff(d, [state])
    renderTree(state)
    JSON.stringify(toJSON(state))
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined()
    expect(Object.hasOwn(Object.prototype, 'polluted')).toBe(false)
  })

  it('renders added hostile attribute keys in a diff like any other new key', () => {
    const text = renderDiff(diffBetweenOrThrow(history, '2021-12', '2022-01-06'), [state])
    expect(text).toContain(
      '* 大淘寶 [大淘寶]: __proto__ {"polluted":1}; constructor "c"; hasOwnProperty true; 🏷️ ["淘寶","天貓"]',
    )
  })

  it('renders removed hostile attribute keys in a diff like any other removed key', () => {
    const removal = eventsOf(
      '{"id":"rm","type":"UnitAttributesSet","effective":"2022-02","data":{"unit":"大淘寶","attributes":{"constructor":null,"__proto__":null}}}',
    )
    const text = renderDiff(diffBetweenOrThrow([...history, ...removal], '2022-01-31', '2022-02'))
    expect(text).toContain('* 大淘寶 [大淘寶]: __proto__ {"polluted":1} → (none); constructor "c" → (none)')
  })

  it('maps a child whose id is __proto__ when a unit splits', () => {
    const split = eventsOf(
      [
        '{"id":"1","type":"UnitCreated","effective":"2020","data":{"unit":"old","name":"Old"}}',
        '{"id":"2","type":"UnitCreated","effective":"2020","data":{"unit":"__proto__","name":"P","parent":"old"}}',
        '{"id":"3","type":"UnitCreated","effective":"2020","data":{"unit":"constructor","name":"C","parent":"old"}}',
        '{"id":"4","type":"UnitSplit","effective":"2021","data":{"unit":"old","into":[{"unit":"new","name":"New"},{"unit":"🏢","name":"B"}],"children":{"__proto__":"new","constructor":"🏢"}}}',
      ].join('\n'),
    )
    const s = replayOrThrow(split)
    expect(unit(s, '__proto__')?.parent).toBe('new')
    expect(unit(s, 'constructor')?.parent).toBe('🏢')
    expect(unit(s, 'old')?.successors).toEqual(['new', '🏢'])
  })

  it('reports a second event with the id __proto__ as a duplicate', () => {
    const twice = eventsOf(
      [
        '{"id":"__proto__","type":"UnitCreated","effective":"2020","data":{"unit":"a","name":"A"}}',
        '{"id":"__proto__","type":"UnitCreated","effective":"2020","data":{"unit":"b","name":"B"}}',
      ].join('\n'),
    )
    const r = replay(twice)
    expect(r._tag === 'Left' ? r.left.map((e) => e._tag) : []).toEqual(['DuplicateEventId'])
  })

  it('retracts an event whose id is constructor', () => {
    const retracted = eventsOf(
      [
        '{"id":"toString","type":"UnitCreated","effective":"2020","data":{"unit":"a","name":"A"}}',
        '{"id":"constructor","type":"UnitRenamed","effective":"2021","data":{"unit":"a","name":"Wrong"}}',
        '{"id":"__proto__","type":"EventRetracted","data":{"event":"constructor"}}',
      ].join('\n'),
    )
    expect(unit(replayOrThrow(retracted), 'a')?.name).toBe('A')
  })
})

describe('a 10,000-deep chain of units', () => {
  const DEPTH = 10_000
  const chain: Event[] = Array.from({ length: DEPTH }, (_, i) =>
    unitCreated(
      { unit: `c${i}`, name: `Level ${i}`, ...(i === 0 ? {} : { parent: `c${i - 1}` }) },
      { id: `e${i}`, effective: '2020-01-01' },
    ),
  )
  let cached: OrgState | undefined
  const full = () => (cached ??= replayOrThrow(chain))

  it('replays without overflowing the stack', () => {
    expect(activeCount(full())).toBe(DEPTH)
    expect(unit(full(), `c${DEPTH - 1}`)?.parent).toBe(`c${DEPTH - 2}`)
  })

  it('gives the state at a date', () => {
    expect(activeCount(stateAtOrThrow(chain, '2020-01-01'))).toBe(DEPTH)
    expect(activeCount(stateAtOrThrow(chain, '2019-12-31'))).toBe(0)
  })

  it('lists the 9,999 ancestors of the deepest unit, nearest first', () => {
    const up = ancestors(full(), `c${DEPTH - 1}`)
    expect(up.length).toBe(DEPTH - 1)
    expect(up[0]?.id).toBe(`c${DEPTH - 2}`)
    expect(up[DEPTH - 2]?.id).toBe('c0')
  })

  it('lists the subtree of the root depth-first', () => {
    const down = subtree(full(), 'c0')
    expect(down.length).toBe(DEPTH)
    expect(down[DEPTH - 1]?.id).toBe(`c${DEPTH - 1}`)
  })

  it('lists every active unit depth-first', () => {
    expect(ids(activeUnits(full()))).toEqual(chain.map((_, i) => `c${i}`))
  })

  it('diffs the date before the chain against the date of the chain', () => {
    const d = diffBetweenOrThrow(chain, '2019-12-31', '2020-01-01')
    expect(d.changes.length).toBe(DEPTH)
    expect(d.changes.every((c) => c.kind === 'unit-added')).toBe(true)
    expect(d.events.length).toBe(DEPTH)
  })

  it('writes the chain as JSON', () => {
    const json = toJSON(full())
    expect(json.units.length).toBe(DEPTH)
    expect(JSON.parse(JSON.stringify(json)).units[DEPTH - 1].parent).toBe(`c${DEPTH - 2}`)
  })

  it('renders the chain as a tree of 10,000 lines whose size grows linearly', () => {
    const text = renderTree(full())
    const lines = text.split('\n')
    expect(lines.length).toBe(DEPTH)
    expect(lines[DEPTH - 1]).toContain(`[c${DEPTH - 1}]`)
    expect(text.length).toBeLessThan(DEPTH * 200)
  })

  it('renders the diff of the whole chain', () => {
    const d = diffBetweenOrThrow(chain, '2019-12-31', '2020-01-01')
    const text = renderDiff(d, [full()])
    expect(text.split('\n').length).toBe(DEPTH + 3)
  })

  it('rejects moving the root under its deepest descendant', () => {
    const move = unitMoved({ unit: 'c0', parent: `c${DEPTH - 1}` }, { id: 'move', effective: '2021' })
    const r = foldEvents(full(), [move])
    expect(r._tag === 'Left' ? r.left.map((e) => e._tag) : []).toEqual(['ParentInSubtree'])
  })

  it('dissolves the whole chain with cascade', () => {
    const dissolve = unitDissolved({ unit: 'c0', cascade: true }, { id: 'dissolve', effective: '2021' })
    const r = foldEvents(full(), [dissolve])
    const s = r._tag === 'Right' ? r.right : full()
    expect(activeCount(s)).toBe(0)
    expect(endedUnits(s).length).toBe(DEPTH)
  })
})

describe('NDJSON with a malformed line', () => {
  const good = [
    { id: 'g', type: 'UnitCreated', effective: '2020', data: { unit: 'g', name: 'G' } },
    { id: 'a', type: 'UnitCreated', effective: '2020', data: { unit: 'a', name: 'A', parent: 'g' } },
    { id: 'b', type: 'UnitCreated', effective: '2020', data: { unit: 'b', name: 'B', parent: 'g' } },
    { id: 'c', type: 'UnitCreated', effective: '2021', data: { unit: 'c', name: 'C', parent: 'b' } },
  ]
  const lines = good.map((e) => JSON.stringify(e))
  const broken = [lines[0], lines[1], lines[2]!.slice(0, -1), '', lines[3]]

  it('names the file and line of the malformed line and reports nothing else', () => {
    const errors = errorsOf(broken.join('\n'), 'x.ndjson')
    expect(errors.length).toBe(1)
    expect(errors[0]).toMatchObject({ _tag: 'ParseError', origin: { file: 'x.ndjson', line: 3 } })
    expect(formatError(errors[0]!)).toMatch(/^x\.ndjson:3: /)
  })

  it('reads every other line once the malformed line is fixed', () => {
    const events = eventsOf([...broken.slice(0, 2), lines[2], ...broken.slice(3)].join('\n'), 'x.ndjson')
    expect(events.map((e) => [e.id, e.origin?.line])).toEqual([
      ['g', 1],
      ['a', 2],
      ['b', 3],
      ['c', 5],
    ])
  })

  it('reports a bad event on another line together with the malformed line', () => {
    const bad = JSON.stringify({ ...good[3], colour: 'red' })
    const errors = errorsOf([...broken.slice(0, 4), bad].join('\n'), 'x.ndjson')
    expect(errors.map((e) => [e._tag, 'origin' in e ? e.origin?.line : undefined])).toEqual([
      ['ParseError', 3],
      ['DecodeError', 5],
    ])
  })

  it('counts lines of a file with CRLF line ends', () => {
    const events = eventsOf(`${lines.join('\r\n')}\r\n`, 'x.ndjson')
    expect(events.map((e) => e.origin?.line)).toEqual([1, 2, 3, 4])
  })
})

describe('a JSON array history', () => {
  const text = [
    '[',
    '',
    '',
    '',
    '',
    '',
    '  {"id":"g","type":"UnitCreated","effective":"2020","data":{"unit":"g","name":"G ] [ } {"}},',
    '  {"id":"a","type":"UnitCreated","effective":"2020",',
    '   "data":{"unit":"a","name":"say \\"[\\" \\\\","parent":"g"}},',
    '',
    '  {',
    '    "id":"b","type":"UnitAttributesSet","effective":"2021","data":{"unit":"a","attributes":{"list":[1,[2,{"x":"]"}]]}}',
    '  }, {"id":"c","type":"UnitRenamed","effective":"2021","data":{"unit":"a","name":"A2"}}',
    ']',
  ].join('\n')

  it('gives each event the line its element starts on, the first on line 7', () => {
    const events = eventsOf(text, 'h.json')
    expect(events.map((e) => [e.id, e.origin])).toEqual([
      ['g', { file: 'h.json', line: 7 }],
      ['a', { file: 'h.json', line: 8 }],
      ['b', { file: 'h.json', line: 11 }],
      ['c', { file: 'h.json', line: 13 }],
    ])
    expect(unit(replayOrThrow(events), 'a')?.names[0]?.name).toBe('say "[" \\')
  })

  it('names the line of a bad event inside the array', () => {
    const bad = text.replace('"type":"UnitRenamed"', '"type":"UnitRenamed","colour":"red"')
    expect(errorsOf(bad, 'h.json').map((e) => ('origin' in e ? e.origin?.line : undefined))).toEqual([13])
  })

  it('names the line of a syntax error inside the array', () => {
    const bad = text.replace('"parent":"g"}}', '"parent":}}')
    const errors = errorsOf(bad, 'h.json')
    expect(errors.map((e) => [e._tag, 'origin' in e ? e.origin?.line : undefined])).toEqual([['ParseError', 9]])
  })
})

describe('unknown fields', () => {
  const event = { id: 'x', type: 'UnitCreated', effective: '2020', data: { unit: 'x', name: 'X' } }

  it('rejects an unknown field in data, naming it', () => {
    const r = decodeEvent({ ...event, data: { ...event.data, colour: 'red' } })
    expect(r._tag).toBe('Left')
    const errors = r._tag === 'Left' ? r.left : []
    expect(errors.map((e) => e.path)).toEqual(['data.colour'])
    expect(formatError(errors[0]!)).toContain('data.colour')
    expect(formatError(errors[0]!)).toContain('unit, name, kind, parent, attributes')
  })

  it('rejects an unknown field in the envelope, naming it', () => {
    const r = decodeEvent({ ...event, author: 'me' })
    expect(r._tag).toBe('Left')
    const errors = r._tag === 'Left' ? r.left : []
    expect(errors.map((e) => e.path)).toEqual(['author'])
    expect(formatError(errors[0]!)).toContain('author')
  })

  it('rejects a data field named __proto__ read from JSON text, naming the file and line', () => {
    const text = ndjson([event]).replace('"name":"X"', '"name":"X","__proto__":{"polluted":1}')
    const errors = errorsOf(`\n${text}`, 'x.ndjson')
    expect(errors.map((e) => ('path' in e ? e.path : ''))).toEqual(['data.__proto__'])
    expect(formatError(errors[0]!)).toMatch(/^x\.ndjson:2: .*data\.__proto__/)
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined()
  })
})
