import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type Event, encodeEvent } from '../../src/index.js'
import { historyArb } from '../support/arbitraries.js'
import { decodeErrors, onlyCalendarErrors, validates } from './support.js'

type Json = null | boolean | number | string | Json[] | { [k: string]: Json }

/** Envelope fields a generated history seldom has: citations, dates, notes, the store's chain. */
const extrasArb: fc.Arbitrary<Record<string, Json>> = fc.record(
  {
    recorded: fc.constantFrom('2022-01-06T09:00:00Z', '2022-01-06T17:00:00+08:00', '2022-01-06t09:00:00.5z'),
    announced: fc.constantFrom('2021-12', '2021-12-06', '2021'),
    reorg: fc.constantFrom('alibaba-2021-12', '大淘寶'),
    note: fc.string({ maxLength: 8 }),
    source: fc.oneof(
      fc.record({ title: fc.string(), url: fc.string(), published: fc.constantFrom('2022-01-06', '2022') }),
      fc.array(fc.record({ publisher: fc.constantFrom('紅星資本局', 'x') }, { requiredKeys: [] }), {
        minLength: 1,
        maxLength: 3,
      }),
    ),
    chain: fc.constantFrom('00ff', 'abc'),
  },
  { requiredKeys: [] },
)

const retractionArb: fc.Arbitrary<Record<string, Json>> = fc.record(
  {
    type: fc.constant('EventRetracted'),
    data: fc.record({ event: fc.constantFrom('e1', '__proto__'), reason: fc.string() }, { requiredKeys: ['event'] }),
    effective: fc.constantFrom('2022-01-06', '2022'),
    recorded: fc.constant('2022-01-07T00:00:00Z'),
  },
  { requiredKeys: ['type', 'data'] },
)

/** Valid events on the wire: every type, with and without the optional envelope fields. */
const wireEventArb: fc.Arbitrary<Record<string, Json>> = fc.oneof(
  {
    arbitrary: fc
      .tuple(historyArb({ minEvents: 1, maxEvents: 12 }), fc.nat(), extrasArb, fc.boolean())
      .map(([events, i, extras, withId]) => {
        const { id, ...wire } = JSON.parse(JSON.stringify(encodeEvent(events[i % events.length] as Event)))
        return { ...(withId ? { id } : {}), ...wire, ...extras }
      }),
    weight: 5,
  },
  { arbitrary: retractionArb, weight: 1 },
)

/** Every place in a JSON value, as a list of keys. */
function paths(value: Json, at: readonly (string | number)[] = []): (string | number)[][] {
  const here = [[...at]]
  if (Array.isArray(value)) return [...here, ...value.flatMap((v, i) => paths(v, [...at, i]))]
  if (value !== null && typeof value === 'object')
    return [...here, ...Object.entries(value).flatMap(([k, v]) => paths(v, [...at, k]))]
  return here
}

/** Values of the wrong kind, and dates of the right form that are not on the calendar. */
const WRONG: Json[] = [
  null,
  0,
  1.5,
  -1,
  2,
  true,
  '',
  'x',
  [],
  {},
  ['x'],
  { a: 'b' },
  '2022-02-30',
  '2022-13',
  '2022-01-01T24:00:00Z',
]

type Mutation = { op: 'delete' } | { op: 'set'; value: Json } | { op: 'add'; key: string; value: Json }

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.constant<Mutation>({ op: 'delete' }),
  fc.constantFrom(...WRONG).map((value): Mutation => ({ op: 'set', value })),
  fc
    .tuple(fc.constantFrom('parnet', 'names', 'extra', '__proto__', 'type'), fc.constantFrom(...WRONG))
    .map(([key, value]): Mutation => ({ op: 'add', key, value })),
)

function mutate(event: Json, path: readonly (string | number)[], m: Mutation): Json {
  const copy = JSON.parse(JSON.stringify(event)) as Json
  if (path.length === 0) return m.op === 'set' ? m.value : m.op === 'delete' ? null : copy
  let parent = copy as Record<string | number, Json>
  for (const k of path.slice(0, -1)) parent = parent[k] as Record<string | number, Json>
  const last = path[path.length - 1]!
  if (m.op === 'delete') {
    if (Array.isArray(parent)) parent.splice(last as number, 1)
    else delete parent[last]
  } else if (m.op === 'set') Object.defineProperty(parent, last, { value: m.value, enumerable: true, writable: true })
  else {
    const target = parent[last]
    if (target !== null && typeof target === 'object' && !Array.isArray(target))
      Object.defineProperty(target, m.key, { value: m.value, enumerable: true, writable: true, configurable: true })
  }
  return copy
}

describe('the schema and the decoder agree', () => {
  it('every valid event validates against the schema', () => {
    fc.assert(
      fc.property(wireEventArb, (event) => {
        expect(decodeErrors(event)).toEqual([])
        expect(validates(event), JSON.stringify(validates.errors)).toBe(true)
      }),
      { numRuns: 300 },
    )
  })

  it('a mutated event (unknown field, wrong kind, missing data) validates exactly when it decodes, save bad calendar dates', () => {
    const mutatedArb = wireEventArb.chain((event) =>
      fc.tuple(fc.constant(event as Json), fc.constantFrom(...paths(event)), mutationArb),
    )
    fc.assert(
      fc.property(mutatedArb, ([event, path, m]) => {
        const mutated = mutate(event, path, m)
        const errors = decodeErrors(mutated)
        const valid = validates(mutated)
        if (valid && errors.length > 0) expect(onlyCalendarErrors(errors), JSON.stringify(errors)).toBe(true)
        else expect(valid, `${JSON.stringify(mutated)}\n${JSON.stringify(validates.errors)}`).toBe(errors.length === 0)
      }),
      { numRuns: 1500 },
    )
  })

  it('rejects in both a date that is not on the calendar only in the decoder, as the description says', () => {
    const event = { type: 'UnitCreated', effective: '2022-02-30', data: { unit: 'a', name: 'A' } }
    expect(validates(event)).toBe(true)
    expect(onlyCalendarErrors(decodeErrors(event))).toBe(true)
  })
})
