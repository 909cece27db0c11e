import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  decodeEvent,
  diff,
  diffBetweenOrThrow,
  EVENT_TYPES,
  type Event,
  encodeEvent,
  evolve,
  foldEvents,
  type OrgState,
  parseDate,
  renderDiff,
  renderTree,
  replayOrThrow,
  stateAtOrThrow,
  statesAtOrThrow,
  Timeline,
  toJSON,
  unit,
  unitAttributesSet,
  unitRenamed,
} from '../../src/index.js'
import {
  ATTRIBUTE_KEYS,
  generatedHistoryArb,
  HOSTILE_IDS,
  historyAndDateArb,
  historyAndDatesArb,
  historyArb,
  jsonArb,
  nameArb,
} from '../support/arbitraries.js'

const RUNS = { numRuns: Number(process.env.LAW_RUNS ?? 150) }

/** `foldEvents` and friends return an Either; the laws only use valid histories. */
function rightOf<A>(r: { _tag: 'Left'; left: unknown } | { _tag: 'Right'; right: A }): A {
  if (r._tag === 'Left') throw new Error(`expected Right, got ${JSON.stringify(r.left)}`)
  return r.right
}

/** The events of a history effective by a date (DESIGN §3), in listed order. */
function effectiveBy(history: readonly Event[], date: string): Event[] {
  const end = parseDate(date)!.end
  return history.filter((e) => parseDate(e.effective!)!.start < end)
}

/** Every unit id a state knows (active or ended). */
function unitIds(s: OrgState): string[] {
  const json = toJSON(s)
  return [...json.units.map((u) => u.id), ...json.ended.map((u) => u.id)]
}

/** The path of the first object reachable from `root` that is not frozen, if any. */
function unfrozenPath(root: unknown): string | undefined {
  const seen = new Set<object>()
  const stack: [unknown, string][] = [[root, 'state']]
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const [value, path] = next
    if (typeof value !== 'object' || value === null || seen.has(value)) continue
    seen.add(value)
    if (!Object.isFrozen(value)) return path
    for (const key of Reflect.ownKeys(value))
      stack.push([(value as Record<PropertyKey, unknown>)[key], `${path}.${String(key)}`])
  }
  return undefined
}

/** Re-lists a history: its groups of equal start instants interleaved as `picks` say, each group in order. */
function interleave(history: readonly Event[], picks: readonly number[]): Event[] {
  const groups = new Map<number, Event[]>()
  for (const e of history) {
    const start = parseDate(e.effective!)!.start
    groups.set(start, [...(groups.get(start) ?? []), e])
  }
  const queues = [...groups.values()]
  const out: Event[] = []
  for (let i = 0; out.length < history.length; i++) {
    const open = queues.filter((q) => q.length > 0)
    out.push(open[picks[i % picks.length]! % open.length]!.shift()!)
  }
  return out
}

/** JSON text with object keys sorted: equal for equal JSON values whatever their key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
  if (typeof value !== 'object' || value === null) return JSON.stringify(value)
  const keys = Object.keys(value).sort()
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`
}

const prefixPairArb = fc.tuple(historyArb(), fc.nat(), fc.nat()).map(([history, i, j]) => {
  const [a, b] = [i % (history.length + 1), j % (history.length + 1)].sort((x, y) => x - y) as [number, number]
  return { history, a, b }
})

describe('generated histories', () => {
  it('replays every generated history without errors to the tree the model expects', () => {
    fc.assert(
      fc.property(generatedHistoryArb(), ({ events, expected }) => {
        const s = replayOrThrow(events)
        const json = toJSON(s)
        const active = new Map(
          json.units.map((u) => [
            u.id,
            { parent: u.parent, leaders: u.leaders.map((l) => `${l.role}\u0000${l.person}`) },
          ]),
        )
        expect(active).toEqual(expected.active)
        expect(new Set(json.ended.map((u) => u.id))).toEqual(expected.ended)
      }),
      RUNS,
    )
  })
})

describe('replay is a left fold', () => {
  it('replays a ++ b to the state of folding b over the replay of a', () => {
    fc.assert(
      fc.property(historyArb(), fc.nat(), (history, n) => {
        const cut = n % (history.length + 1)
        const [a, b] = [history.slice(0, cut), history.slice(cut)]
        const whole = replayOrThrow(history)
        const folded = rightOf(foldEvents(replayOrThrow(a), b))
        expect(toJSON(folded)).toEqual(toJSON(whole))
        expect(diff(whole, folded).changes).toEqual([])
        expect(diff(folded, whole).changes).toEqual([])
      }),
      RUNS,
    )
  })
})

describe('diff', () => {
  it('finds no change between a state and itself', () => {
    fc.assert(
      fc.property(historyAndDateArb(), ({ history, date }) => {
        const s = stateAtOrThrow(history, date)
        expect(diff(s, s).changes).toEqual([])
        expect(diffBetweenOrThrow(history, date, date).changes).toEqual([])
      }),
      RUNS,
    )
  })

  it('finds no change exactly when two states of one history have the same units', () => {
    fc.assert(
      fc.property(prefixPairArb, ({ history, a, b }) => {
        const before = replayOrThrow(history.slice(0, a))
        const after = replayOrThrow(history.slice(0, b))
        const [jb, ja] = [toJSON(before), toJSON(after)]
        const same = canonical([jb.units, jb.ended]) === canonical([ja.units, ja.ended])
        expect(diff(before, after).changes.length === 0).toBe(same)
      }),
      RUNS,
    )
  })
})

describe('stateAt', () => {
  it('equals the replay of the events effective by the date', () => {
    fc.assert(
      fc.property(historyAndDateArb(), ({ history, date }) => {
        const at = stateAtOrThrow(history, date)
        const replayed = replayOrThrow(effectiveBy(history, date))
        expect(at.at).toBe(parseDate(date)!.text)
        expect({ ...toJSON(at), at: null }).toEqual({ ...toJSON(replayed), at: null })
        expect(diff(replayed, at).changes).toEqual([])
      }),
      RUNS,
    )
  })
})

describe('statesAt', () => {
  it('equals stateAt at each date, in the order the dates are given', () => {
    fc.assert(
      fc.property(historyAndDatesArb(), ({ history, dates }) => {
        const states = statesAtOrThrow(history, dates)
        expect(states.map(toJSON)).toEqual(dates.map((d) => toJSON(stateAtOrThrow(history, d))))
      }),
      RUNS,
    )
  })
})

describe('immutability and structural sharing', () => {
  it('deeply freezes the states of replay, stateAt, statesAt, foldEvents, evolve and a timeline', () => {
    fc.assert(
      fc.property(historyAndDateArb(), fc.nat(), ({ history, date }, n) => {
        const cut = n % (history.length + 1)
        const base = replayOrThrow(history.slice(0, cut))
        const states: Record<string, OrgState> = {
          replay: replayOrThrow(history),
          stateAt: stateAtOrThrow(history, date),
          statesAt: statesAtOrThrow(history, [date, '2099'])[1]!,
          foldEvents: rightOf(foldEvents(base, history.slice(cut))),
          evolve: history.slice(cut).reduce(evolve, base),
          // Checkpoints every 3 events: the state is refolded from a frozen checkpoint it shares nodes with.
          timeline: Timeline.fromOrThrow(history, { checkpointEvery: 3 }).atOrThrow(date),
        }
        for (const [how, s] of Object.entries(states)) expect(unfrozenPath(s), how).toBeUndefined()
      }),
      RUNS,
    )
  })

  it('keeps every other unit and the people the same objects after a rename', () => {
    fc.assert(
      fc.property(historyArb({ minEvents: 1 }), fc.nat(), nameArb, (history, n, name) => {
        const before = replayOrThrow(history)
        const active = toJSON(before).units
        fc.pre(active.length > 0)
        const target = active[n % active.length]!.id
        const after = evolve(before, unitRenamed({ unit: target, name }, { id: 'renamed', effective: '2099' }))
        expect(unit(after, target)?.name).toEqual(name)
        for (const id of unitIds(before)) if (id !== target) expect(unit(after, id), id).toBe(unit(before, id))
        expect(after.people).toBe(before.people)
        expect(after.roots).toBe(before.roots)
      }),
      RUNS,
    )
  })

  it('keeps every other unit the same object after setting attributes', () => {
    const attributes = fc
      .uniqueArray(fc.tuple(fc.constantFrom(...ATTRIBUTE_KEYS), jsonArb), {
        minLength: 1,
        maxLength: 3,
        selector: ([k]) => k,
      })
      .map((entries) => Object.fromEntries(entries))
    fc.assert(
      fc.property(historyArb({ minEvents: 1 }), fc.nat(), attributes, (history, n, attrs) => {
        const before = replayOrThrow(history)
        const active = toJSON(before).units
        fc.pre(active.length > 0)
        const target = active[n % active.length]!.id
        const event = unitAttributesSet({ unit: target, attributes: attrs }, { id: 'attrs', effective: '2099' })
        const after = evolve(before, event)
        for (const [key, value] of Object.entries(attrs))
          expect(Object.getOwnPropertyDescriptor(unit(after, target)!.attributes, key)?.value).toEqual(value)
        for (const id of unitIds(before)) if (id !== target) expect(unit(after, id), id).toBe(unit(before, id))
        expect(after.people).toBe(before.people)
      }),
      RUNS,
    )
  })
})

const FIELD_KEYS = [
  'unit',
  'units',
  'into',
  'name',
  'kind',
  'parent',
  'attributes',
  'children',
  'retain',
  'cascade',
  'person',
  'role',
  'title',
  'acting',
  'mode',
  'aliases',
  'event',
  'reason',
  ...HOSTILE_IDS,
]

const wireDateArb = fc.oneof(
  fc.constantFrom('2022', '2022-01', '2022-01-06', '2022-13', '2022-02-30', '2022-01-01T01:00:00+08:00', '2022-1-1'),
  fc.string(),
  fc.jsonValue(),
)

const typedEventArb = fc.record(
  {
    type: fc.constantFrom<unknown>(...EVENT_TYPES, ...HOSTILE_IDS, 'unitcreated'),
    data: fc.oneof(fc.jsonValue(), fc.dictionary(fc.constantFrom(...FIELD_KEYS), fc.jsonValue(), { maxKeys: 6 })),
    effective: wireDateArb,
    recorded: wireDateArb,
    id: fc.oneof(fc.constantFrom(...HOSTILE_IDS, ''), fc.jsonValue()),
    source: fc.jsonValue(),
  },
  { requiredKeys: ['type'] },
)

/** Every path to a value inside a JSON value. */
function paths(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (typeof value !== 'object' || value === null) return [at]
  const keys: (string | number)[] = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value)
  return [at, ...keys.flatMap((k) => paths((value as Record<string | number, unknown>)[k], [...at, k]))]
}

/** A copy of a JSON value with the value at `path` replaced. */
function replaced(value: unknown, path: readonly (string | number)[], by: unknown): unknown {
  if (path.length === 0) return by
  const copy = JSON.parse(JSON.stringify(value)) as Record<string | number, unknown>
  let parent = copy
  for (const k of path.slice(0, -1)) parent = parent[k] as Record<string | number, unknown>
  Object.defineProperty(parent, path[path.length - 1]!, { value: by, enumerable: true, writable: true })
  return copy
}

const isEither = (r: { _tag: string }) => r._tag === 'Left' || r._tag === 'Right'

describe('decodeEvent', () => {
  it('never throws on any JSON value and returns Left or Right', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (u) => {
        expect(isEither(decodeEvent(u))).toBe(true)
      }),
      { numRuns: 200 },
    )
  })

  it('never throws on an object of any event type with random data', () => {
    fc.assert(
      fc.property(typedEventArb, (u) => {
        const r = decodeEvent(u, { file: 'x.ndjson', line: 1 })
        expect(isEither(r)).toBe(true)
        if (r._tag === 'Left') expect(r.left.length).toBeGreaterThan(0)
      }),
      { numRuns: 200 },
    )
  })

  it('never throws on a valid event with one field replaced by any JSON value', () => {
    fc.assert(
      fc.property(historyArb({ minEvents: 1 }), fc.nat(), fc.nat(), fc.jsonValue(), (history, i, j, by) => {
        const wire = JSON.parse(JSON.stringify(encodeEvent(history[i % history.length]!)))
        const all = paths(wire)
        expect(isEither(decodeEvent(replaced(wire, all[j % all.length]!, by)))).toBe(true)
      }),
      { numRuns: 200 },
    )
  })

  it('decodes the JSON text of every generated event back to the same event', () => {
    fc.assert(
      fc.property(historyArb(), (history) => {
        const decoded = history.map((e) => rightOf(decodeEvent(JSON.parse(JSON.stringify(encodeEvent(e))))))
        expect(decoded).toEqual(history)
      }),
      RUNS,
    )
  })
})

describe('valid-time order', () => {
  it('gives the same state when groups of equal dates are listed interleaved, each in its own order', () => {
    fc.assert(
      fc.property(historyArb(), fc.array(fc.nat(), { minLength: 1, maxLength: 40 }), (history, picks) => {
        const shuffled = interleave(history, picks)
        const [original, reordered] = [replayOrThrow(history), replayOrThrow(shuffled)]
        expect(toJSON(reordered)).toEqual(toJSON(original))
        expect(diff(original, reordered).changes).toEqual([])
        expect(diffBetweenOrThrow(shuffled, '2019', '2099').events).toEqual(history.map((e) => e.id))
      }),
      RUNS,
    )
  })
})

describe('rendering', () => {
  it('renders the tree of every generated state', () => {
    fc.assert(
      fc.property(historyAndDateArb(), ({ history, date }) => {
        const s = stateAtOrThrow(history, date)
        expect(typeof renderTree(s)).toBe('string')
        expect(typeof renderTree(s, { languages: ['en', 'zh-Hant'] })).toBe('string')
      }),
      RUNS,
    )
  })

  it('renders the diff between any two states of a generated history', () => {
    fc.assert(
      fc.property(prefixPairArb, ({ history, a, b }) => {
        const before = replayOrThrow(history.slice(0, a))
        const after = replayOrThrow(history.slice(0, b))
        for (const d of [diff(before, after), diff(after, before)]) {
          expect(typeof renderDiff(d, [after, before])).toBe('string')
          expect(typeof renderDiff(d, [], { languages: ['zh'] })).toBe('string')
        }
      }),
      RUNS,
    )
  })
})
