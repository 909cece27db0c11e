import { isLeft } from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'
import type { EventId, Origin } from '../domain/ids.js'
import { Confidence, closed, DateText, describe, Id, Instant, oneOrMany, Text } from './codec.js'
import { shaped } from './shape.js'

/** A citation: where a fact comes from. @since 0.1.0 */
export const Source = closed('Source', {}, { title: Text, publisher: Text, url: Text, published: DateText })
/** @since 0.1.0 */
export type Source = t.TypeOf<typeof Source>

/**
 * How an event was inferred, set by `import` on the events it inferred from snapshots (DESIGN §1,
 * §7): the rule that matched (`merge`, `split`, `spin-out`, `id-change`…), how sure it is (0 to 1)
 * and the evidence in words a person can check.
 * @example
 * const inferred: Inferred = { rule: 'merge', confidence: 0.83, evidence: '10 of 12 members of ops-west are now in operations' }
 * @since 0.2.0
 */
export const Inferred = closed('Inferred', { rule: Id, confidence: Confidence }, { evidence: Text })
/** @since 0.2.0 */
export type Inferred = t.TypeOf<typeof Inferred>

const optional = {
  id: Id,
  recorded: Instant,
  announced: DateText,
  reorg: Id,
  source: oneOrMany(Source),
  note: Text,
  inferred: Inferred,
}

/**
 * The fields every event carries besides its `type` and `data` (DESIGN §1).
 * @since 0.1.0
 */
export interface Meta {
  /** Unique within a history; derived from the content when absent on the wire. */
  readonly id: EventId
  /** Valid time: when the change takes effect (normalized date text). */
  readonly effective: string
  /** Transaction time: when the fact entered the record (UTC instant). */
  readonly recorded?: string
  /** When the change was made public (a date), kept as metadata. */
  readonly announced?: string
  /** Groups the events of one reorganization. */
  readonly reorg?: string
  /** One citation or a list of them. */
  readonly source?: Source | readonly Source[]
  /** Free text. */
  readonly note?: string
  /** Set on events `import` inferred: the rule, its confidence and evidence. @since 0.2.0 */
  readonly inferred?: Inferred
  /** Where the event was read from. Not part of the wire format and never written. */
  readonly origin?: Origin
}

/** An event of type `T` with payload `D`. @since 0.1.0 */
export type EventOf<T extends string, D> = Meta & { readonly type: T; readonly data: D }

/**
 * The citations of an event as a list (the wire format allows one or a list).
 * @example
 * sourcesOf(event).map((s) => s.publisher)
 * @since 0.1.0
 */
export function sourcesOf(event: { readonly source?: Source | readonly Source[] }): readonly Source[] {
  const source = event.source
  return source === undefined ? [] : Array.isArray(source) ? source : [source as Source]
}

/** The fields a caller gives when building an event in code (the id may be left to derivation). @since 0.1.0 */
export type MetaInput = Omit<Meta, 'id'> & { readonly id?: EventId }

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined)
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`
  }
  return JSON.stringify(value)
}

function hash53(text: string): number {
  let h1 = 0xdeadbeef
  let h2 = 0x41c6ce57
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i)
    h1 = Math.imul(h1 ^ ch, 2654435761)
    h2 = Math.imul(h2 ^ ch, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return 4294967296 * (2097151 & h2) + (h1 >>> 0)
}

/**
 * The id of an event that has none on the wire: a hash of its canonical content (keys sorted,
 * dates normalized), so re-reading the same file gives the same ids.
 * @since 0.1.0
 */
export function deriveEventId(wire: object): EventId {
  const { id: _id, origin: _origin, ...content } = wire as Record<string, unknown>
  return `ev-${hash53(canonical(content)).toString(36).padStart(11, '0')}`
}

/**
 * The wire field the file store's optional hash chain adds to each line (`org-history/node`,
 * `FileStoreOptions.hashChain`). It is storage, not part of the event: decoding accepts a string
 * there and drops it, so a chained file reads (and derives ids) exactly like an unchained one, and
 * `org-history verify` is what checks it. Not listed among the event's fields in error messages.
 * @since 0.1.0
 */
export const CHAIN_FIELD = 'chain'

/** The value without its chain field; `undefined` when the field is there but not a string. */
function withoutChain(u: unknown): unknown {
  if (typeof u !== 'object' || u === null || !Object.hasOwn(u, CHAIN_FIELD)) return u
  const { [CHAIN_FIELD]: chain, ...body } = u as Record<string, unknown>
  return typeof chain === 'string' ? body : undefined
}

/**
 * The codec of one event type: the envelope of DESIGN §1 around the payload codec. Unknown fields
 * are errors; a missing `id` is derived from the content.
 * @since 0.1.0
 */
export function eventCodec<T extends string, D, DO>(
  type: T,
  data: t.Type<D, DO, unknown>,
  needsEffective = true,
): t.Type<EventOf<T, D>, Record<string, unknown>, unknown> {
  const literal = t.literal(type)
  const wire = needsEffective
    ? closed(type, { type: literal, effective: DateText, data }, optional)
    : closed(type, { type: literal, data }, { ...optional, effective: DateText })
  const codec = new t.Type<EventOf<T, D>, Record<string, unknown>, unknown>(
    type,
    (u): u is EventOf<T, D> => wire.is(u) && typeof (u as { id?: unknown }).id === 'string',
    (u, c) => {
      const body = withoutChain(u)
      if (body === undefined) {
        const chain = (u as Record<string, unknown>)[CHAIN_FIELD]
        const message = `expected the file store's hash chain (a string), got ${describe(chain)}`
        return t.failure(chain, t.appendContext(c, CHAIN_FIELD, t.string, chain), message)
      }
      const r = wire.validate(body, c)
      if (isLeft(r)) return r
      const decoded = r.right as Record<string, unknown>
      return t.success(
        (decoded.id === undefined ? { id: deriveEventId(decoded), ...decoded } : decoded) as unknown as EventOf<T, D>,
      )
    },
    (a) => {
      const { origin: _origin, ...rest } = a
      return wire.encode(rest as never) as Record<string, unknown>
    },
  )
  return shaped(codec, { tag: 'event', wire, extra: { [CHAIN_FIELD]: Text } })
}
