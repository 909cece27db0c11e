import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import * as t from 'io-ts'
import { describe, expect, it } from 'vitest'
import { collectDocs } from '../../scripts/descriptions.js'
import { CODEC_DOCS, FIELD_DOCS } from '../../src/events/descriptions.js'
import { codecJsonSchema } from '../../src/events/schema.js'
import { shapeOf } from '../../src/events/shape.js'
import { EVENT_CODECS, EVENT_TYPES, eventJsonSchema, parseJsonValues } from '../../src/index.js'
import { decodeErrors, onlyCalendarErrors, validates } from './support.js'

type Schema = Record<string, unknown>
const schema = eventJsonSchema()
const defs = schema.$defs as Record<string, Schema>
const resolve = (s: Schema): Schema => (typeof s.$ref === 'string' ? defs[s.$ref.replace('#/$defs/', '')]! : s)

/** The shape of an event type's data codec, found by walking its codecs as the generator does. */
function dataShape(type: (typeof EVENT_TYPES)[number]): { required: t.Props; optional: t.Props } {
  const event = shapeOf(EVENT_CODECS[type])
  const wire = event?.tag === 'event' ? shapeOf(event.wire) : undefined
  const data = wire?.tag === 'closed' ? shapeOf(wire.required.data!) : undefined
  if (data?.tag !== 'closed') throw new Error(`${type}: not built with eventCodec and closed`)
  return data
}

describe('the schema of one event', () => {
  it('is a draft 2020-12 schema of a closed object', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema')
    expect(schema.additionalProperties).toBe(false)
  })

  it.each(EVENT_TYPES)('has a branch for %s selected by its type, with the fields of its data codec', (type) => {
    const branches = schema.allOf as { if: Schema; then: Schema }[]
    const branch = branches.find((b) => JSON.stringify(b.if).includes(`{"const":"${type}"}`))!
    const data = resolve((resolve(branch.then).properties as Record<string, Schema>).data!)
    const fields = dataShape(type)
    expect(data.additionalProperties).toBe(false)
    expect(Object.keys(data.properties as object).sort()).toEqual(
      [...Object.keys(fields.required), ...Object.keys(fields.optional)].sort(),
    )
    expect(data.required ?? []).toEqual(Object.keys(fields.required))
    expect(resolve(branch.then).description).toMatch(/\w/)
  })

  it('lists the envelope fields of every event, each with a description', () => {
    const properties = schema.properties as Record<string, Schema>
    expect(Object.keys(properties).sort()).toEqual(
      [
        'type',
        'id',
        'effective',
        'recorded',
        'announced',
        'reorg',
        'source',
        'note',
        'inferred',
        'chain',
        'data',
      ].sort(),
    )
    for (const [k, p] of Object.entries(properties)) expect(p.description, k).toMatch(/\w/)
  })

  it('says what it cannot check in its description', () => {
    expect(schema.description).toMatch(/calendar/)
    expect(schema.description).toMatch(/rules of each event type/)
    expect(defs.UnitMoved!.description).toMatch(/Rejected when/)
  })

  it('refuses a codec whose shape it does not know, naming it', () => {
    const opaque = new t.Type<string>('Opaque', t.string.is, t.string.validate, t.identity)
    expect(() => codecJsonSchema(opaque)).toThrow(
      "no JSON Schema for codec 'Opaque': build it with the combinators of src/events/codec.ts (they record its shape)",
    )
  })

  it('takes its descriptions from the TSDoc of the codecs (npm run descriptions writes them)', async () => {
    const docs = await collectDocs()
    expect(CODEC_DOCS.map(([, name, text]) => [name, text])).toEqual(docs.codecs.map(([, name, text]) => [name, text]))
    expect(FIELD_DOCS).toEqual(docs.fields)
  })
})

describe('the schema and the decoder agree on real histories', () => {
  const values = (file: string) => parseJsonValues(readFileSync(file, 'utf8'), file).values.map((v) => v.value)

  it('accepts every event under events/', () => {
    const files = readdirSync('events').filter((f) => /\.(ndjson|jsonl|json|ya?ml)$/.test(f))
    const events = files.flatMap((f) => values(join('events', f)))
    expect(events.length).toBeGreaterThan(50)
    for (const e of events) expect(validates(e), JSON.stringify(validates.errors)).toBe(true)
  })

  it.each(readdirSync('tests/fixtures').filter((f) => /\.(ndjson|json|ya?ml)$/.test(f)))(
    'accepts exactly the events of tests/fixtures/%s that decode',
    (file) => {
      const events = values(join('tests/fixtures', file))
      expect(events.length).toBeGreaterThan(0)
      for (const e of events) {
        const errors = decodeErrors(e)
        expect(validates(e), JSON.stringify(e)).toBe(errors.length === 0 || onlyCalendarErrors(errors))
      }
    },
  )
})
