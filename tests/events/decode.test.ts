import { isLeft } from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { decodeEvent, type Event, encodeEvent, formatError, unitCreated } from '../../src/index.js'

/** The decoded event, or a failed test naming the errors. */
function decoded(u: unknown): Event {
  const r = decodeEvent(u)
  if (isLeft(r)) throw new Error(`expected the event to decode, got:\n${r.left.map(formatError).join('\n')}`)
  return r.right
}

/** The formatted errors of a value that must not decode. */
function rejected(u: unknown, origin?: { file: string; line: number }): string[] {
  const r = decodeEvent(u, origin)
  if (!isLeft(r)) throw new Error(`expected the event to be rejected, got ${JSON.stringify(r.right)}`)
  return r.left.map(formatError)
}

const wire = (type: string, data: unknown, envelope: Record<string, unknown> = {}) => ({
  id: 'e1',
  type,
  effective: '2022-01-06',
  data,
  ...envelope,
})

describe('the envelope', () => {
  it('normalizes an effective instant to UTC', () => {
    const event = decoded(wire('UnitCreated', { unit: 'a', name: 'A' }, { effective: '2022-01-01T01:00:00+08:00' }))
    expect(event.effective).toBe('2021-12-31T17:00:00Z')
  })

  it('keeps a reduced-precision effective date as written', () => {
    expect(decoded(wire('UnitCreated', { unit: 'a', name: 'A' }, { effective: '2021-03' })).effective).toBe('2021-03')
  })

  it('normalizes recorded, announced and published dates', () => {
    const event = decoded(
      wire(
        'UnitCreated',
        { unit: 'a', name: 'A' },
        {
          recorded: '2021-12-06T17:00:00+08:00',
          announced: '2021-12-06',
          source: { title: 'T', published: '2022-01-06T08:00:00+08:00' },
        },
      ),
    )
    expect([event.recorded, event.announced, event.source]).toEqual([
      '2021-12-06T09:00:00Z',
      '2021-12-06',
      { title: 'T', published: '2022-01-06T00:00:00Z' },
    ])
  })

  it('accepts every optional envelope field', () => {
    const event = decoded(
      wire(
        'UnitCreated',
        { unit: 'a', name: 'A' },
        { reorg: 'r-2022', note: 'n', source: [{ publisher: 'P', url: 'https://example.org' }] },
      ),
    )
    expect(event).toEqual({
      id: 'e1',
      type: 'UnitCreated',
      effective: '2022-01-06',
      reorg: 'r-2022',
      note: 'n',
      source: [{ publisher: 'P', url: 'https://example.org' }],
      data: { unit: 'a', name: 'A' },
    })
  })

  it('keeps the origin on the decoded event', () => {
    const r = decodeEvent(wire('UnitCreated', { unit: 'a', name: 'A' }), { file: 'events/a.ndjson', line: 3 })
    expect(isLeft(r) ? undefined : r.right.origin).toEqual({ file: 'events/a.ndjson', line: 3 })
  })

  it('rejects an unknown field of the envelope', () => {
    expect(rejected(wire('UnitCreated', { unit: 'a', name: 'A' }, { author: 'me' }))).toMatchInlineSnapshot(`
      [
        "UnitCreated (event 'e1'): author: is not a known field; expected only type, effective, data, id, recorded, announced, reorg, source, note, inferred",
      ]
    `)
  })

  it('rejects an unknown event type', () => {
    expect(rejected(wire('UnitCreate', { unit: 'a', name: 'A' }))).toMatchInlineSnapshot(`
      [
        "event 'e1': type: unknown event type "UnitCreate"; did you mean 'UnitCreated'? expected one of UnitCreated, UnitRenamed, UnitMoved, UnitMerged, UnitSplit, UnitDissolved, LeaderAssigned, LeaderRemoved, PersonRegistered, UnitReclassified, UnitAttributesSet, EventRetracted",
      ]
    `)
  })

  it('rejects an event without a type', () => {
    expect(rejected({ id: 'e1', effective: '2022', data: {} })).toMatchInlineSnapshot(`
      [
        "event 'e1': type: is required",
      ]
    `)
  })

  it('rejects an event without effective', () => {
    expect(rejected({ id: 'e1', type: 'UnitCreated', data: { unit: 'a', name: 'A' } })).toMatchInlineSnapshot(`
      [
        "UnitCreated (event 'e1'): effective: is required",
      ]
    `)
  })

  it('rejects an event without data', () => {
    expect(rejected({ id: 'e1', type: 'UnitCreated', effective: '2022' })).toMatchInlineSnapshot(`
      [
        "UnitCreated (event 'e1'): data: is required",
      ]
    `)
  })

  it('rejects data that is not an object', () => {
    expect(rejected(wire('UnitCreated', ['a']))).toMatchInlineSnapshot(`
      [
        "UnitCreated (event 'e1'): data: expected an object with fields unit, name, kind, parent, attributes, got an array",
      ]
    `)
  })

  it('rejects a month that does not exist', () => {
    expect(rejected(wire('UnitCreated', { unit: 'a', name: 'A' }, { effective: '2022-13-01' }))).toMatchInlineSnapshot(`
      [
        "UnitCreated (event 'e1'): effective: expected a date (YYYY, YYYY-MM, YYYY-MM-DD or an RFC 3339 date-time with Z or an offset), got "2022-13-01"",
      ]
    `)
  })

  it('rejects a day that does not exist in its month', () => {
    expect(rejected(wire('UnitCreated', { unit: 'a', name: 'A' }, { effective: '2022-02-30' }))).toMatchInlineSnapshot(`
      [
        "UnitCreated (event 'e1'): effective: expected a date (YYYY, YYYY-MM, YYYY-MM-DD or an RFC 3339 date-time with Z or an offset), got "2022-02-30"",
      ]
    `)
  })

  it('rejects a two-digit year', () => {
    expect(rejected(wire('UnitCreated', { unit: 'a', name: 'A' }, { effective: '22-01-01' }))).toMatchInlineSnapshot(`
      [
        "UnitCreated (event 'e1'): effective: expected a date (YYYY, YYYY-MM, YYYY-MM-DD or an RFC 3339 date-time with Z or an offset), got "22-01-01"",
      ]
    `)
  })

  it('rejects a date-time without an offset', () => {
    expect(
      rejected(wire('UnitCreated', { unit: 'a', name: 'A' }, { effective: '2022-01-01T09:00:00' })),
    ).toMatchInlineSnapshot(`
      [
        "UnitCreated (event 'e1'): effective: expected a date (YYYY, YYYY-MM, YYYY-MM-DD or an RFC 3339 date-time with Z or an offset), got "2022-01-01T09:00:00"",
      ]
    `)
  })

  it('rejects a recorded time that is a date, not an instant', () => {
    expect(rejected(wire('UnitCreated', { unit: 'a', name: 'A' }, { recorded: '2022-01-01' }))).toMatchInlineSnapshot(`
      [
        "UnitCreated (event 'e1'): recorded: expected an RFC 3339 date-time with Z or an offset, got "2022-01-01"",
      ]
    `)
  })

  it('rejects an empty id', () => {
    expect(rejected(wire('UnitCreated', { unit: 'a', name: 'A' }, { id: '' }))).toMatchInlineSnapshot(`
      [
        "UnitCreated: id: expected a non-empty string, got """,
      ]
    `)
  })

  it('rejects an id that is not a string', () => {
    expect(rejected(wire('UnitCreated', { unit: 'a', name: 'A' }, { id: 7 }))).toMatchInlineSnapshot(`
      [
        "UnitCreated: id: expected a non-empty string, got number 7",
      ]
    `)
  })

  it('rejects an unknown field of a source', () => {
    expect(
      rejected(wire('UnitCreated', { unit: 'a', name: 'A' }, { source: { title: 'T', author: 'me' } })),
    ).toMatchInlineSnapshot(`
      [
        "UnitCreated (event 'e1'): source.author: is not a known field; expected only title, publisher, url, published",
      ]
    `)
  })

  it('rejects a value that is not an event object', () => {
    expect([...rejected(null), ...rejected([1]), ...rejected('UnitCreated')]).toMatchInlineSnapshot(`
      [
        "event: expected an event object, got null",
        "event: expected an event object, got an array",
        "event: expected an event object, got "UnitCreated"",
      ]
    `)
  })

  it('reports every wrong field of an event at once', () => {
    expect(
      rejected({ id: 'e1', type: 'UnitCreated', effective: '2022-02-30', extra: 1, data: { unit: '', name: 5 } }),
    ).toMatchInlineSnapshot(`
      [
        "UnitCreated (event 'e1'): extra: is not a known field; expected only type, effective, data, id, recorded, announced, reorg, source, note, inferred",
        "UnitCreated (event 'e1'): effective: expected a date (YYYY, YYYY-MM, YYYY-MM-DD or an RFC 3339 date-time with Z or an offset), got "2022-02-30"",
        "UnitCreated (event 'e1'): data.unit: expected a non-empty string, got """,
        "UnitCreated (event 'e1'): data.name: expected a name: a non-empty string or {"<language tag>": "<non-empty text>", …}, got number 5",
      ]
    `)
  })

  it('prefixes errors with the file and line the event came from', () => {
    expect(rejected(wire('UnitCreated', { name: 'A' }), { file: 'events/a.ndjson', line: 14 })).toMatchInlineSnapshot(`
      [
        "events/a.ndjson:14: UnitCreated (event 'e1'): data.unit: is required",
      ]
    `)
  })
})

describe('derived ids', () => {
  const content = { type: 'UnitCreated', effective: '2022-01-01', data: { unit: 'a', name: 'A' } }

  it('derives an id when the event has none', () => {
    expect(decoded(content).id).toMatch(/^ev-[0-9a-z]{11}$/)
  })

  it('derives the same id from the same content twice', () => {
    expect(decoded(content).id).toBe(decoded(structuredClone(content)).id)
  })

  it('derives different ids from different content', () => {
    const other = { ...content, data: { unit: 'b', name: 'A' } }
    expect(decoded(content).id).not.toBe(decoded(other).id)
  })

  it('derives the same id whatever the order of the keys', () => {
    const reordered = { data: { name: 'A', unit: 'a' }, effective: '2022-01-01', type: 'UnitCreated' }
    expect(decoded(reordered).id).toBe(decoded(content).id)
  })

  it('derives the same id from dates written differently for the same instant', () => {
    const a = { ...content, effective: '2022-01-01T01:00:00+08:00' }
    const b = { ...content, effective: '2021-12-31T17:00:00Z' }
    expect(decoded(a).id).toBe(decoded(b).id)
  })

  it('does not let the origin change the id', () => {
    const r = decodeEvent(content, { file: 'a.ndjson', line: 9 })
    expect(isLeft(r) ? undefined : r.right.id).toBe(decoded(content).id)
  })

  it('derives the same id in a constructor as in decoding', () => {
    expect(unitCreated({ unit: 'a', name: 'A' }, { effective: '2022-01-01' }).id).toBe(decoded(content).id)
  })

  it('keeps an explicit id', () => {
    expect(decoded({ ...content, id: 'cdc-created' }).id).toBe('cdc-created')
  })
})

describe('UnitCreated', () => {
  it('decodes a unit with every field', () => {
    const data = { unit: 'cdc', name: { 'zh-Hant': '中國數字商業板塊', en: 'CDC' }, kind: 'segment', parent: 'g' }
    expect(decoded(wire('UnitCreated', { ...data, attributes: { brands: ['淘寶'] } })).data).toEqual({
      ...data,
      attributes: { brands: ['淘寶'] },
    })
  })

  it('requires data.unit', () => {
    expect(rejected(wire('UnitCreated', { name: 'A' }))).toMatchInlineSnapshot(`
      [
        "UnitCreated (event 'e1'): data.unit: is required",
      ]
    `)
  })

  it('rejects a parent that is not a string', () => {
    expect(rejected(wire('UnitCreated', { unit: 'a', name: 'A', parent: 3 }))).toMatchInlineSnapshot(`
      [
        "UnitCreated (event 'e1'): data.parent: expected a non-empty string, got number 3",
      ]
    `)
  })

  it('rejects a name with an empty text', () => {
    expect(rejected(wire('UnitCreated', { unit: 'a', name: { en: '' } }))).toMatchInlineSnapshot(`
      [
        "UnitCreated (event 'e1'): data.name: expected a name: a non-empty string or {"<language tag>": "<non-empty text>", …}, got an object",
      ]
    `)
  })

  it('rejects an unknown field in data', () => {
    expect(rejected(wire('UnitCreated', { unit: 'a', name: 'A', colour: 'red' }))).toMatchInlineSnapshot(`
      [
        "UnitCreated (event 'e1'): data.colour: is not a known field; expected only unit, name, kind, parent, attributes",
      ]
    `)
  })
})

describe('UnitRenamed', () => {
  it('decodes a rename', () => {
    expect(decoded(wire('UnitRenamed', { unit: 'a', name: '淘菜菜' })).data).toEqual({ unit: 'a', name: '淘菜菜' })
  })

  it('requires data.name', () => {
    expect(rejected(wire('UnitRenamed', { unit: 'a' }))).toMatchInlineSnapshot(`
      [
        "UnitRenamed (event 'e1'): data.name: is required",
      ]
    `)
  })

  it('rejects a name that is an empty object', () => {
    expect(rejected(wire('UnitRenamed', { unit: 'a', name: {} }))).toMatchInlineSnapshot(`
      [
        "UnitRenamed (event 'e1'): data.name: expected a name: a non-empty string or {"<language tag>": "<non-empty text>", …}, got an object",
      ]
    `)
  })

  it('rejects an unknown field in data', () => {
    expect(rejected(wire('UnitRenamed', { unit: 'a', name: 'B', from: 'A' }))).toMatchInlineSnapshot(`
      [
        "UnitRenamed (event 'e1'): data.from: is not a known field; expected only unit, name",
      ]
    `)
  })
})

describe('UnitMoved', () => {
  it('decodes a move to the root', () => {
    expect(decoded(wire('UnitMoved', { unit: 'a', parent: null })).data).toEqual({ unit: 'a', parent: null })
  })

  it('requires data.parent, even when it is null', () => {
    expect(rejected(wire('UnitMoved', { unit: 'a' }))).toMatchInlineSnapshot(`
      [
        "UnitMoved (event 'e1'): data.parent: is required",
      ]
    `)
  })

  it('rejects a parent that is not a string', () => {
    expect(rejected(wire('UnitMoved', { unit: 'a', parent: ['g'] }))).toMatchInlineSnapshot(`
      [
        "UnitMoved (event 'e1'): data.parent: expected a non-empty string or null, got an array",
      ]
    `)
  })

  it('rejects an unknown field in data', () => {
    expect(rejected(wire('UnitMoved', { unit: 'a', parent: 'g', from: 'h' }))).toMatchInlineSnapshot(`
      [
        "UnitMoved (event 'e1'): data.from: is not a known field; expected only unit, parent",
      ]
    `)
  })
})

describe('UnitMerged', () => {
  it('decodes a merge into a new unit', () => {
    const data = { units: ['taobao', 'tmall'], into: 'taobao-tmall', name: '大淘寶', kind: 'group', parent: 'cdc' }
    expect(decoded(wire('UnitMerged', data)).data).toEqual(data)
  })

  it('requires data.into', () => {
    expect(rejected(wire('UnitMerged', { units: ['a'] }))).toMatchInlineSnapshot(`
      [
        "UnitMerged (event 'e1'): data.into: is required",
      ]
    `)
  })

  it('rejects an empty list of units', () => {
    expect(rejected(wire('UnitMerged', { units: [], into: 'c' }))).toMatchInlineSnapshot(`
      [
        "UnitMerged (event 'e1'): data.units: expected a non-empty array, got an empty array",
      ]
    `)
  })

  it('rejects a unit id that is not a string', () => {
    expect(rejected(wire('UnitMerged', { units: ['a', 5], into: 'c' }))).toMatchInlineSnapshot(`
      [
        "UnitMerged (event 'e1'): data.units[1]: expected a non-empty string, got number 5",
      ]
    `)
  })

  it('rejects an unknown field in data', () => {
    expect(rejected(wire('UnitMerged', { units: ['a'], into: 'c', leaders: [] }))).toMatchInlineSnapshot(`
      [
        "UnitMerged (event 'e1'): data.leaders: is not a known field; expected only units, into, name, kind, parent",
      ]
    `)
  })
})

describe('UnitSplit', () => {
  it('decodes a split with every field', () => {
    const data = {
      unit: 'a',
      into: [
        { unit: 'b', name: 'B', kind: 'team', parent: 'g' },
        { unit: 'c', name: 'C' },
      ],
      retain: false,
      children: { a1: 'b' },
    }
    expect(decoded(wire('UnitSplit', data)).data).toEqual(data)
  })

  it('requires data.into', () => {
    expect(rejected(wire('UnitSplit', { unit: 'a' }))).toMatchInlineSnapshot(`
      [
        "UnitSplit (event 'e1'): data.into: is required",
      ]
    `)
  })

  it('requires a name for each new unit', () => {
    expect(
      rejected(wire('UnitSplit', { unit: 'a', into: [{ unit: 'b', name: 'B' }, { unit: 'c' }] })),
    ).toMatchInlineSnapshot(`
      [
        "UnitSplit (event 'e1'): data.into[1].name: is required",
      ]
    `)
  })

  it('rejects a child mapping to something other than an id', () => {
    expect(
      rejected(wire('UnitSplit', { unit: 'a', into: [{ unit: 'b', name: 'B' }], children: { a1: 3 } })),
    ).toMatchInlineSnapshot(`
      [
        "UnitSplit (event 'e1'): data.children: expected an object of child unit id to new unit id, got an object",
      ]
    `)
  })

  it('rejects an unknown field in a new unit', () => {
    expect(
      rejected(wire('UnitSplit', { unit: 'a', into: [{ unit: 'b', name: 'B', leader: 'p' }] })),
    ).toMatchInlineSnapshot(`
      [
        "UnitSplit (event 'e1'): data.into[0].leader: is not a known field; expected only unit, name, kind, parent",
      ]
    `)
  })

  it('rejects an unknown field in data', () => {
    expect(
      rejected(wire('UnitSplit', { unit: 'a', into: [{ unit: 'b', name: 'B' }], keep: true })),
    ).toMatchInlineSnapshot(`
      [
        "UnitSplit (event 'e1'): data.keep: is not a known field; expected only unit, into, retain, children",
      ]
    `)
  })
})

describe('UnitDissolved', () => {
  it('decodes a cascading dissolution', () => {
    expect(decoded(wire('UnitDissolved', { unit: 'a', cascade: true })).data).toEqual({ unit: 'a', cascade: true })
  })

  it('requires data.unit', () => {
    expect(rejected(wire('UnitDissolved', {}))).toMatchInlineSnapshot(`
      [
        "UnitDissolved (event 'e1'): data.unit: is required",
      ]
    `)
  })

  it('rejects a cascade that is not a boolean', () => {
    expect(rejected(wire('UnitDissolved', { unit: 'a', cascade: 'yes' }))).toMatchInlineSnapshot(`
      [
        "UnitDissolved (event 'e1'): data.cascade: expected true or false, got "yes"",
      ]
    `)
  })

  it('rejects an unknown field in data', () => {
    expect(rejected(wire('UnitDissolved', { unit: 'a', reason: 'x' }))).toMatchInlineSnapshot(`
      [
        "UnitDissolved (event 'e1'): data.reason: is not a known field; expected only unit, cascade",
      ]
    `)
  })
})

describe('LeaderAssigned', () => {
  it('decodes an assignment with every field', () => {
    const data = { unit: 'a', person: 'p', role: 'cto', title: 'CTO', acting: true, mode: 'add' }
    expect(decoded(wire('LeaderAssigned', data)).data).toEqual(data)
  })

  it('requires data.person', () => {
    expect(rejected(wire('LeaderAssigned', { unit: 'a' }))).toMatchInlineSnapshot(`
      [
        "LeaderAssigned (event 'e1'): data.person: is required",
      ]
    `)
  })

  it('rejects a mode other than replace or add', () => {
    expect(rejected(wire('LeaderAssigned', { unit: 'a', person: 'p', mode: 'swap' }))).toMatchInlineSnapshot(`
      [
        "LeaderAssigned (event 'e1'): data.mode: expected "replace" | "add", got "swap"",
      ]
    `)
  })

  it('rejects acting that is not a boolean', () => {
    expect(rejected(wire('LeaderAssigned', { unit: 'a', person: 'p', acting: 'yes' }))).toMatchInlineSnapshot(`
      [
        "LeaderAssigned (event 'e1'): data.acting: expected true or false, got "yes"",
      ]
    `)
  })

  it('rejects an unknown field in data', () => {
    expect(rejected(wire('LeaderAssigned', { unit: 'a', person: 'p', since: '2022' }))).toMatchInlineSnapshot(`
      [
        "LeaderAssigned (event 'e1'): data.since: is not a known field; expected only unit, person, role, title, acting, mode",
      ]
    `)
  })
})

describe('LeaderRemoved', () => {
  it('decodes a removal of a role', () => {
    expect(decoded(wire('LeaderRemoved', { unit: 'a', person: 'p', role: 'cto' })).data).toEqual({
      unit: 'a',
      person: 'p',
      role: 'cto',
    })
  })

  it('requires data.unit', () => {
    expect(rejected(wire('LeaderRemoved', { person: 'p' }))).toMatchInlineSnapshot(`
      [
        "LeaderRemoved (event 'e1'): data.unit: is required",
      ]
    `)
  })

  it('rejects an empty role', () => {
    expect(rejected(wire('LeaderRemoved', { unit: 'a', person: 'p', role: '' }))).toMatchInlineSnapshot(`
      [
        "LeaderRemoved (event 'e1'): data.role: expected a non-empty string, got """,
      ]
    `)
  })

  it('rejects an unknown field in data', () => {
    expect(rejected(wire('LeaderRemoved', { unit: 'a', person: 'p', title: 'CEO' }))).toMatchInlineSnapshot(`
      [
        "LeaderRemoved (event 'e1'): data.title: is not a known field; expected only unit, person, role",
      ]
    `)
  })
})

describe('PersonRegistered', () => {
  it('decodes a person with aliases', () => {
    const data = { person: 'dai-shan', name: { 'zh-Hant': '戴珊', en: 'Trudy Dai' }, aliases: ['Dai Shan'] }
    expect(decoded(wire('PersonRegistered', data)).data).toEqual(data)
  })

  it('decodes aliases that are names: strings or language maps', () => {
    const data = { person: 'dai-shan', name: '戴珊', aliases: [{ en: 'Trudy Dai' }, 'Dai Shan'] }
    expect(decoded(wire('PersonRegistered', data)).data).toEqual(data)
  })

  it('rejects an alias that is not a name, naming its place in the list', () => {
    expect(
      rejected(wire('PersonRegistered', { person: 'p', name: 'P', aliases: ['Pat', { en: '' }] })),
    ).toMatchInlineSnapshot(`
        [
          "PersonRegistered (event 'e1'): data.aliases[1]: expected a name: a non-empty string or {"<language tag>": "<non-empty text>", …}, got an object",
        ]
      `)
  })

  it('requires data.name', () => {
    expect(rejected(wire('PersonRegistered', { person: 'p' }))).toMatchInlineSnapshot(`
      [
        "PersonRegistered (event 'e1'): data.name: is required",
      ]
    `)
  })

  it('rejects aliases that are not a list', () => {
    expect(rejected(wire('PersonRegistered', { person: 'p', name: 'P', aliases: 'Pat' }))).toMatchInlineSnapshot(`
      [
        "PersonRegistered (event 'e1'): data.aliases: expected a list of names, got "Pat"",
      ]
    `)
  })

  it('rejects an unknown field in data', () => {
    expect(rejected(wire('PersonRegistered', { person: 'p', name: 'P', born: 1970 }))).toMatchInlineSnapshot(`
      [
        "PersonRegistered (event 'e1'): data.born: is not a known field; expected only person, name, aliases",
      ]
    `)
  })
})

describe('UnitReclassified', () => {
  it('decodes a new kind', () => {
    expect(decoded(wire('UnitReclassified', { unit: 'a', kind: 'division' })).data).toEqual({
      unit: 'a',
      kind: 'division',
    })
  })

  it('decodes a null kind, which clears it', () => {
    expect(decoded(wire('UnitReclassified', { unit: 'a', kind: null })).data).toEqual({ unit: 'a', kind: null })
  })

  it('requires data.kind, so a forgotten kind is not read as a cleared one', () => {
    expect(rejected(wire('UnitReclassified', { unit: 'a' }))).toMatchInlineSnapshot(`
      [
        "UnitReclassified (event 'e1'): data.kind: is required",
      ]
    `)
  })

  it('rejects a kind that is not a string', () => {
    expect(rejected(wire('UnitReclassified', { unit: 'a', kind: 3 }))).toMatchInlineSnapshot(`
      [
        "UnitReclassified (event 'e1'): data.kind: expected a string or null, got number 3",
      ]
    `)
  })

  it('rejects an unknown field in data', () => {
    expect(rejected(wire('UnitReclassified', { unit: 'a', kind: 'x', knd: 'y' }))).toMatchInlineSnapshot(`
      [
        "UnitReclassified (event 'e1'): data.knd: is not a known field; did you mean 'kind'? expected only unit, kind",
      ]
    `)
  })
})

describe('inferred', () => {
  const inferred = { rule: 'merge', confidence: 0.83, evidence: '10 of 12 members of ops-west are now in operations' }

  it('decodes the rule, confidence and evidence of an inferred event', () => {
    const event = decoded(wire('UnitMerged', { units: ['a'], into: 'b' }, { inferred }))
    expect(event.inferred).toEqual(inferred)
  })

  it('accepts the bounds 0 and 1 and no evidence', () => {
    for (const confidence of [0, 1])
      expect(decoded(wire('UnitDissolved', { unit: 'a' }, { inferred: { rule: 'r', confidence } })).inferred).toEqual({
        rule: 'r',
        confidence,
      })
  })

  it('rejects a confidence outside 0 to 1, naming the field', () => {
    expect(
      rejected(wire('UnitMerged', { units: ['a'], into: 'b' }, { inferred: { rule: 'merge', confidence: 2 } })),
    ).toMatchInlineSnapshot(`
        [
          "UnitMerged (event 'e1'): inferred.confidence: expected a number from 0 to 1, got number 2",
        ]
      `)
  })

  it('requires a rule and rejects unknown fields of inferred', () => {
    expect(
      rejected(wire('UnitDissolved', { unit: 'a' }, { inferred: { confidence: 0.5, score: 1 } })),
    ).toMatchInlineSnapshot(`
        [
          "UnitDissolved (event 'e1'): inferred.score: is not a known field; expected only rule, confidence, evidence",
          "UnitDissolved (event 'e1'): inferred.rule: is required",
        ]
      `)
  })

  it('writes inferred back as it was read', () => {
    const raw = wire('UnitMerged', { units: ['a'], into: 'b' }, { inferred })
    expect(encodeEvent(decoded(raw))).toEqual(raw)
  })
})

describe('UnitAttributesSet', () => {
  it('decodes attributes with JSON values and nulls', () => {
    const data = { unit: 'a', attributes: { brands: ['淘寶', '天貓'], size: { staff: 3 }, old: null } }
    expect(decoded(wire('UnitAttributesSet', data)).data).toEqual(data)
  })

  it('requires data.attributes', () => {
    expect(rejected(wire('UnitAttributesSet', { unit: 'a' }))).toMatchInlineSnapshot(`
      [
        "UnitAttributesSet (event 'e1'): data.attributes: is required",
      ]
    `)
  })

  it('rejects attributes that are not an object', () => {
    expect(rejected(wire('UnitAttributesSet', { unit: 'a', attributes: ['x'] }))).toMatchInlineSnapshot(`
      [
        "UnitAttributesSet (event 'e1'): data.attributes: expected an object of JSON values, got an array",
      ]
    `)
  })

  it('rejects an attribute value that is not JSON', () => {
    expect(rejected(wire('UnitAttributesSet', { unit: 'a', attributes: { n: Number.NaN } }))).toMatchInlineSnapshot(`
      [
        "UnitAttributesSet (event 'e1'): data.attributes: expected an object of JSON values, got an object",
      ]
    `)
  })

  it('rejects an unknown field in data', () => {
    expect(rejected(wire('UnitAttributesSet', { unit: 'a', attributes: {}, merge: true }))).toMatchInlineSnapshot(`
      [
        "UnitAttributesSet (event 'e1'): data.merge: is not a known field; expected only unit, attributes",
      ]
    `)
  })
})

describe('EventRetracted', () => {
  it('decodes a retraction without effective', () => {
    const event = decoded({ id: 'r1', type: 'EventRetracted', data: { event: 'e1', reason: 'misread' } })
    expect(event).toEqual({ id: 'r1', type: 'EventRetracted', data: { event: 'e1', reason: 'misread' } })
  })

  it('decodes a retraction with an effective date', () => {
    expect(decoded(wire('EventRetracted', { event: 'e0' })).effective).toBe('2022-01-06')
  })

  it('requires data.event', () => {
    expect(rejected({ id: 'r1', type: 'EventRetracted', data: { reason: 'x' } })).toMatchInlineSnapshot(`
      [
        "EventRetracted (event 'r1'): data.event: is required",
      ]
    `)
  })

  it('rejects an empty event id', () => {
    expect(rejected({ id: 'r1', type: 'EventRetracted', data: { event: '' } })).toMatchInlineSnapshot(`
      [
        "EventRetracted (event 'r1'): data.event: expected a non-empty string, got """,
      ]
    `)
  })

  it('rejects an unknown field in data', () => {
    expect(rejected({ id: 'r1', type: 'EventRetracted', data: { event: 'e1', by: 'me' } })).toMatchInlineSnapshot(`
      [
        "EventRetracted (event 'r1'): data.by: is not a known field; expected only event, reason",
      ]
    `)
  })
})
