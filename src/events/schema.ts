import type * as t from 'io-ts'
import { CODEC_DOCS, FIELD_DOCS } from './descriptions.js'
import { EVENT_CODECS, EVENT_TYPES, type EventType } from './event.js'
import { type JsonSchema, type Shape, shapeOf } from './shape.js'

const DOCS = new Map(CODEC_DOCS.map(([codec, name, text]) => [codec, { name: name.replace(/Codec$/, ''), text }]))

const ABOUT = `One event of an org-history history (a line of an NDJSON file, an element of a JSON array, an item of a YAML sequence). \
\`type\` selects the fields of \`data\`. Checked on reading and not by this schema: that a date exists on the calendar \
(2022-02-30 matches the pattern), that attributes are at most 64 levels deep, that event ids are unique within a history, \
and the rules of each event type (units that must exist or be active, cycles, mappings), which each type's description names. \
Decoding normalizes date-times to UTC and derives a missing id from the event's content.`

const TYPE = 'The event type: it selects the fields of `data`.'
const DATA = 'The payload of the event; its fields depend on `type`.'
const CHAIN = "The file store's hash chain, written by the store (never by hand) and checked by `org-history verify`."

/** io-ts's own combinators, as far as an event can use them. */
type IoTs = t.Any & {
  readonly _tag?: string
  readonly value?: unknown
  readonly keys?: object
  readonly types?: readonly t.Any[]
  readonly type?: t.Any
}

/** The JSON Schema of codecs, each documented one once in `$defs` under the name it is exported as. */
class Walker {
  readonly defs: Record<string, JsonSchema> = {}

  of(codec: t.Any): JsonSchema {
    const doc = DOCS.get(codec)
    if (doc === undefined) return this.inline(codec)
    if (!Object.hasOwn(this.defs, doc.name)) {
      this.defs[doc.name] = {}
      this.defs[doc.name] = { description: doc.text, ...this.inline(codec) }
    }
    return { $ref: `#/$defs/${doc.name}` }
  }

  private inline(codec: t.Any): JsonSchema {
    const shape = shapeOf(codec)
    return shape === undefined ? this.ioTs(codec as IoTs) : this.shaped(shape, codec)
  }

  private shaped(shape: Shape, codec: t.Any): JsonSchema {
    switch (shape.tag) {
      case 'leaf':
        return shape.schema
      case 'closed':
        return this.object(shape.required, shape.optional)
      case 'nullable':
        return { anyOf: [this.of(shape.of), { type: 'null' }] }
      case 'array':
        return { type: 'array', ...(shape.minItems > 0 ? { minItems: shape.minItems } : {}), items: this.of(shape.of) }
      case 'oneOrMany':
        return { anyOf: [this.of(shape.of), { type: 'array', minItems: 1, items: this.of(shape.of) }] }
      case 'record':
        return { type: 'object', additionalProperties: this.of(shape.of) }
      case 'event':
        throw new Error(`event codec '${codec.name}' inside another codec: events are only walked by eventJsonSchema`)
    }
  }

  private ioTs(codec: IoTs): JsonSchema {
    switch (codec._tag) {
      case 'LiteralType':
        return { const: codec.value }
      case 'KeyofType':
        return { enum: Object.keys(codec.keys ?? {}) }
      case 'UnionType':
        return { anyOf: (codec.types ?? []).map((c) => this.of(c)) }
      case 'NullType':
        return { type: 'null' }
      case 'StringType':
        return { type: 'string' }
      case 'NumberType':
        return { type: 'number' }
      case 'BooleanType':
        return { type: 'boolean' }
      case 'ArrayType':
      case 'ReadonlyArrayType':
        return { type: 'array', items: this.of(codec.type!) }
      default:
        throw new Error(
          `no JSON Schema for codec '${codec.name}': build it with the combinators of src/events/codec.ts (they record its shape)`,
        )
    }
  }

  object(required: t.Props, optional: t.Props): JsonSchema {
    const properties: Record<string, JsonSchema> = {}
    for (const [k, codec] of [...Object.entries(required), ...Object.entries(optional)]) properties[k] = this.of(codec)
    const names = Object.keys(required)
    return { type: 'object', ...(names.length > 0 ? { required: names } : {}), properties, additionalProperties: false }
  }
}

/** The JSON Schema of one codec, its documented parts in `$defs` (for tests and tools). */
export function codecJsonSchema(codec: t.Any): JsonSchema {
  const walker = new Walker()
  return { ...walker.of(codec), $defs: walker.defs }
}

interface Envelope {
  readonly required: readonly string[]
  readonly fields: t.Props
  readonly data: t.Any
}

function envelopeOf(type: EventType): Envelope {
  const event = shapeOf(EVENT_CODECS[type])
  const wire = event?.tag === 'event' ? shapeOf(event.wire) : undefined
  if (event?.tag !== 'event' || wire?.tag !== 'closed')
    throw new Error(`event type '${type}' has no JSON Schema: build its codec with eventCodec (src/events/envelope.ts)`)
  const { type: _type, data, ...required } = wire.required
  if (data === undefined) throw new Error(`event type '${type}' has no data field`)
  return { required: Object.keys(required), fields: { ...required, ...wire.optional, ...event.extra }, data }
}

/** The fields of every envelope; a field must have one codec in every event type. */
function commonFields(envelopes: readonly Envelope[]): t.Props {
  const fields: Record<string, t.Any> = {}
  for (const envelope of envelopes)
    for (const [k, codec] of Object.entries(envelope.fields)) {
      if (fields[k] !== undefined && fields[k] !== codec)
        throw new Error(`envelope field '${k}' has different codecs in different event types`)
      fields[k] = codec
    }
  return fields
}

/**
 * The JSON Schema (draft 2020-12) of one event of the wire format, generated from the io-ts codecs:
 * the envelope with every field, one branch per event type chosen by `type` (`if`/`then`, so an
 * editor reports only the fields of the type written), closed objects, and descriptions taken from
 * the codecs' TSDoc, including what a schema cannot check (dates on the calendar, the rules of
 * each event type). Every event that decodes validates against it.
 * @returns a fresh schema object, ready for `JSON.stringify`
 * @example
 * const schema = eventJsonSchema()
 * Object.keys(schema.$defs as object).includes('UnitCreated') // true
 * @since 0.2.0
 */
export function eventJsonSchema(): JsonSchema {
  const walker = new Walker()
  const envelopes = EVENT_TYPES.map(envelopeOf)
  const fields = commonFields(envelopes)
  const everywhere = Object.keys(fields).filter((k) => envelopes.every((e) => e.required.includes(k)))
  const properties: Record<string, JsonSchema> = { type: { description: TYPE, enum: [...EVENT_TYPES] } }
  for (const [k, codec] of Object.entries(fields)) {
    const doc = k === 'chain' ? CHAIN : FIELD_DOCS[k]
    properties[k] = { ...(doc === undefined ? {} : { description: doc }), ...walker.of(codec) }
  }
  properties.data = { description: DATA, type: 'object' }
  const branches = EVENT_TYPES.map((type, i) => {
    const envelope = envelopes[i]!
    const own = envelope.required.filter((k) => !everywhere.includes(k))
    const doc = DOCS.get(EVENT_CODECS[type])
    walker.defs[type] = {
      ...(doc === undefined ? {} : { description: doc.text }),
      type: 'object',
      ...(own.length > 0 ? { required: own } : {}),
      properties: { data: walker.of(envelope.data) },
    }
    return {
      if: { type: 'object', properties: { type: { const: type } }, required: ['type'] },
      // biome-ignore lint/suspicious/noThenProperty: the keyword of JSON Schema, in a plain data object
      then: { $ref: `#/$defs/${type}` },
    }
  })
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'org-history event',
    description: ABOUT,
    type: 'object',
    required: ['type', ...everywhere, 'data'],
    properties,
    additionalProperties: false,
    allOf: branches,
    $defs: walker.defs,
  }
}

/**
 * The JSON Schema (draft 2020-12) of a whole history file as editors see it: a sequence (a YAML
 * sequence or a JSON array) of events, each checked against {@link eventJsonSchema}. This is the
 * schema to name in a YAML history's `# yaml-language-server: $schema=…` line or in VS Code's
 * `json.schemas` setting.
 * @returns a fresh schema object, ready for `JSON.stringify`
 * @example
 * historyJsonSchema().type // 'array'
 * @since 0.2.0
 */
export function historyJsonSchema(): JsonSchema {
  const { $schema, $defs, title: _title, description: _description, ...event } = eventJsonSchema()
  return {
    $schema,
    title: 'org-history history',
    description: 'A history: a sequence of events (a YAML sequence or a JSON array), each an org-history event.',
    type: 'array',
    items: { $ref: '#/$defs/Event' },
    $defs: {
      ...($defs as Record<string, JsonSchema>),
      Event: { title: 'org-history event', description: ABOUT, ...event },
    },
  }
}
