import { type Either, isLeft, left } from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'
import { closest } from '../domain/closest.js'
import type { Origin } from '../domain/ids.js'
import { describe } from './codec.js'
import { EventRetracted } from './EventRetracted.js'
import { LeaderAssigned } from './LeaderAssigned.js'
import { LeaderRemoved } from './LeaderRemoved.js'
import { PersonRegistered } from './PersonRegistered.js'
import { UnitAttributesSet } from './UnitAttributesSet.js'
import { UnitCreated } from './UnitCreated.js'
import { UnitDissolved } from './UnitDissolved.js'
import { UnitMerged } from './UnitMerged.js'
import { UnitMoved } from './UnitMoved.js'
import { UnitReclassified } from './UnitReclassified.js'
import { UnitRenamed } from './UnitRenamed.js'
import { UnitSplit } from './UnitSplit.js'

/** The codec of each event type, by type name. @since 0.1.0 */
export const EVENT_CODECS = {
  UnitCreated,
  UnitRenamed,
  UnitMoved,
  UnitMerged,
  UnitSplit,
  UnitDissolved,
  LeaderAssigned,
  LeaderRemoved,
  PersonRegistered,
  UnitReclassified,
  UnitAttributesSet,
  EventRetracted,
} as const

/** The name of an event type. @since 0.1.0 */
export type EventType = keyof typeof EVENT_CODECS

/** Every event of DESIGN §2. @since 0.1.0 */
export type Event = t.TypeOf<(typeof EVENT_CODECS)[EventType]>

/** The event of a given type. @since 0.1.0 */
export type EventOfType<T extends EventType> = Extract<Event, { type: T }>

/** The event types, in the order of DESIGN §2. @since 0.1.0 */
export const EVENT_TYPES = Object.keys(EVENT_CODECS) as EventType[]

const isEventType = (u: unknown): u is EventType => typeof u === 'string' && Object.hasOwn(EVENT_CODECS, u)

/**
 * The codec of any event: dispatches on `type`, so an error names the field of the event that is
 * wrong rather than listing every type it is not.
 * @since 0.1.0
 */
export const EventCodec = new t.Type<Event, Record<string, unknown>, unknown>(
  'Event',
  (u): u is Event =>
    typeof u === 'object' &&
    u !== null &&
    isEventType((u as { type?: unknown }).type) &&
    EVENT_CODECS[(u as { type: EventType }).type].is(u),
  (u, c) => {
    if (typeof u !== 'object' || u === null || Array.isArray(u))
      return t.failure(u, c, `expected an event object, got ${describe(u)}`)
    const type = (u as { type?: unknown }).type
    if (!isEventType(type)) {
      const context = [...c, { key: 'type', type: t.string, actual: type }]
      const near = typeof type === 'string' ? closest(type, EVENT_TYPES) : []
      const hint = near.length > 0 ? `did you mean '${near[0]}'? ` : ''
      const message =
        type === undefined
          ? 'is required'
          : `unknown event type ${describe(type)}; ${hint}expected one of ${EVENT_TYPES.join(', ')}`
      return t.failures([{ value: type, context, message }])
    }
    return (EVENT_CODECS[type] as t.Type<Event, unknown, unknown>).validate(u, c)
  },
  (a) => (EVENT_CODECS[a.type] as t.Type<Event, Record<string, unknown>, unknown>).encode(a),
)

/** A field of an event that did not decode. @since 0.1.0 */
export interface DecodeError {
  readonly _tag: 'DecodeError'
  /** The event's id or type as far as they could be read. */
  readonly eventId: string | null
  readonly eventType: string | null
  readonly origin: Origin | null
  /** Dotted path of the field, e.g. `data.parent` (empty for the whole event). */
  readonly path: string
  readonly message: string
}

function toDecodeErrors(u: unknown, errors: t.Errors, origin: Origin | null): DecodeError[] {
  const raw = (typeof u === 'object' && u !== null ? u : {}) as Record<string, unknown>
  const eventId = typeof raw.id === 'string' && raw.id !== '' ? raw.id : null
  const eventType = isEventType(raw.type) ? raw.type : null
  const seen = new Set<string>()
  const out: DecodeError[] = []
  for (const e of errors) {
    const path = e.context
      .map((entry) => entry.key)
      .filter((k) => k !== '')
      .reduce((p, k) => (/^\d+$/.test(k) ? `${p}[${k}]` : p === '' ? k : `${p}.${k}`), '')
    const last = e.context[e.context.length - 1]
    const message = e.message ?? `expected ${last?.type.name ?? 'a value'}, got ${describe(e.value)}`
    const key = `${path}\u0000${message}`
    if (seen.has(key)) continue
    seen.add(key)
    out.push({ _tag: 'DecodeError', eventId, eventType, origin, path, message })
  }
  return out
}

/**
 * Decodes one event of the wire format. Never throws: any JSON value gives a `Right` event or a
 * `Left` list of errors naming each field that is wrong and why.
 * @param u a parsed JSON value
 * @param origin where it was read from, kept on the event and in its errors
 * @example
 * decodeEvent({ type: 'UnitCreated', effective: '2022-01-01', data: { unit: 'a', name: 'A' } })
 * @since 0.1.0
 */
export function decodeEvent(u: unknown, origin?: Origin): Either<DecodeError[], Event> {
  let r: t.Validation<Event>
  try {
    r = EventCodec.decode(u)
  } catch (cause) {
    return left(
      toDecodeErrors(u, [{ value: u, context: [], message: `could not be read: ${String(cause)}` }], origin ?? null),
    )
  }
  if (isLeft(r)) return left(toDecodeErrors(u, r.left, origin ?? null))
  return origin === undefined ? r : { _tag: 'Right', right: { ...r.right, origin } }
}

/**
 * The wire form of an event (what a file stores): without its origin.
 * @since 0.1.0
 */
export function encodeEvent(event: Event): Record<string, unknown> {
  return EventCodec.encode(event)
}
