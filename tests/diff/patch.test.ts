import fc from 'fast-check'
import { isLeft } from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import {
  applyJsonPatch,
  formatJsonPatchError,
  type JsonPatch,
  type OrgState,
  parseDate,
  replayOrThrow,
  statesAtOrThrow,
  toJSON,
  toJsonPatch,
  unitAttributesSet,
  unitCreated,
  unitMoved,
} from '../../src/index.js'
import { readHistoryOrThrow } from '../../src/node.js'
import { dateChoiceArb, historyArb, queryDate } from '../support/arbitraries.js'

const history = readHistoryOrThrow(['events/alibaba-2021-2022.ndjson'])
const [before, after] = statesAtOrThrow(history, ['2021-12-31', '2022-01-06']) as [OrgState, OrgState]

function patched(from: OrgState, patch: JsonPatch): unknown {
  const r = applyJsonPatch(toJSON(from), patch)
  if (isLeft(r)) throw new Error(formatJsonPatchError(r.left))
  return r.right
}

/** Through JSON text, as a script would see it: `toEqual` then compares plain data. */
const plain = (v: unknown) => JSON.parse(JSON.stringify(v)) as unknown

describe('toJsonPatch on the seed history', () => {
  const patch = toJsonPatch(before, after)

  it('turns the state of 2021-12-31 into the state of 2022-01-06', () => {
    expect(patched(before, patch)).toEqual(toJSON(after))
  })

  it('survives a round trip through JSON text', () => {
    const r = applyJsonPatch(plain(toJSON(before)), plain(patch) as JsonPatch)
    expect(isLeft(r) ? r.left : r.right).toEqual(plain(toJSON(after)))
  })

  it('never replaces a whole list', () => {
    expect(patch.map((op) => op.path).filter((p) => ['', '/units', '/people', '/ended'].includes(p))).toEqual([])
  })

  it('moves units whose place in the tree changed instead of removing and adding them again', () => {
    const unitPaths = /^\/units\/\d+$/
    const added = patch.filter((op) => op.op === 'add' && unitPaths.test(op.path))
    expect(added.map((op) => (op as { value: { id: string } }).value.id).sort()).toEqual([
      'china-digital-commerce',
      'guangguang',
      'industry-operations-center',
      'live-streaming',
      'overseas-digital-commerce',
      'platform-strategy-center',
      'taobao-tmall',
      'user-operations-center',
    ])
    expect(patch.filter((op) => op.op === 'remove' && unitPaths.test(op.path))).toHaveLength(2)
  })

  it('is the date and the new name only when one unit was renamed', () => {
    const [march, december] = statesAtOrThrow(history, ['2021-03', '2021-12-31']) as [OrgState, OrgState]
    const renamed = toJsonPatch(march, december)
    const i = toJSON(march).units.findIndex((u) => u.id === 'community-ecommerce')
    expect(renamed[0]).toEqual({ op: 'replace', path: '/at', value: '2021-12-31' })
    expect(renamed.length).toBeLessThan(toJSON(march).units.length / 2)
    for (const op of renamed.slice(1)) expect(op.path.startsWith(`/units/${i}/name`)).toBe(true)
    expect(patched(march, renamed)).toEqual(toJSON(december))
  })

  it('is empty between a state and itself', () => {
    expect(toJsonPatch(after, after)).toEqual([])
  })
})

describe('toJsonPatch on keys that need care', () => {
  const events = [
    unitCreated({ unit: 'g', name: 'Group' }, { id: 'e1', effective: '2020' }),
    unitCreated({ unit: '__proto__', name: { en: 'Proto', '~x': 'y' }, parent: 'g' }, { id: 'e2', effective: '2020' }),
    unitCreated({ unit: 'a/b', name: 'Slash', parent: 'g' }, { id: 'e3', effective: '2020' }),
    unitAttributesSet(
      {
        unit: 'a/b',
        attributes: Object.fromEntries([
          ['__proto__', { x: 1 }],
          ['k/1', 1],
          ['~0', [1, 2]],
        ]),
      },
      { id: 'e4', effective: '2021' },
    ),
    unitMoved({ unit: '__proto__', parent: 'a/b' }, { id: 'e5', effective: '2021' }),
  ]
  const [start, end] = statesAtOrThrow(events, ['2020', '2021']) as [OrgState, OrgState]
  const patch = toJsonPatch(start, end)

  it('escapes / as ~1 and ~ as ~0 in keys', () => {
    const paths = patch.map((op) => op.path)
    expect(paths).toContain('/units/1/attributes/k~11')
    expect(paths).toContain('/units/1/attributes/~00')
  })

  it('adds an attribute named __proto__ as an own key', () => {
    const out = patched(start, patch) as ReturnType<typeof toJSON>
    expect(out).toEqual(toJSON(end))
    expect(Object.hasOwn(out.units[1]!.attributes, '__proto__')).toBe(true)
    expect(({} as { x?: unknown }).x).toBeUndefined()
  })
})

describe('toJsonPatch laws', () => {
  const twoStates = fc.tuple(historyArb({ maxEvents: 30 }), dateChoiceArb, dateChoiceArb).map(([events, c1, c2]) => ({
    events,
    dates: [queryDate(events, c1), queryDate(events, c2)].sort((x, y) => parseDate(x)!.end - parseDate(y)!.end),
  }))

  it('turns toJSON(a) into toJSON(b) for any two dates of a generated history', () => {
    fc.assert(
      fc.property(twoStates, ({ events, dates }) => {
        const [a, b] = statesAtOrThrow(events, dates) as [OrgState, OrgState]
        expect(patched(a, toJsonPatch(a, b))).toEqual(toJSON(b))
      }),
      { numRuns: 300 },
    )
  })

  it('turns the later state back into the earlier one too', () => {
    fc.assert(
      fc.property(twoStates, ({ events, dates }) => {
        const [a, b] = statesAtOrThrow(events, dates) as [OrgState, OrgState]
        expect(patched(b, toJsonPatch(b, a))).toEqual(toJSON(a))
      }),
      { numRuns: 200 },
    )
  })

  it('turns the empty org into any org', () => {
    fc.assert(
      fc.property(historyArb({ maxEvents: 20 }), (events) => {
        const [empty, full] = [replayOrThrow([]), replayOrThrow(events)]
        expect(patched(empty, toJsonPatch(empty, full))).toEqual(toJSON(full))
      }),
      { numRuns: 100 },
    )
  })
})
