import { type Either, isLeft, left, right } from 'fp-ts/lib/Either.js'
import { instantText, parseDate } from '../domain/date.js'
import type { EventId, Origin } from '../domain/ids.js'
import type { OrgState } from '../domain/state.js'
import type { HistoryError } from '../errors/types.js'
import { decodeEvent, type Event, EventCodec } from '../events/event.js'
import { foldEvents, replay } from '../timeline/replay.js'
import { Timeline } from '../timeline/Timeline.js'

/** How an append is checked. @since 0.1.0 */
export interface ValidateAppendOptions {
  /** The clock that stamps `recorded`; read once per append. Default: `() => new Date()`. */
  readonly now?: () => Date
  /** What a store kept from checking its history before (see {@link AppendBase}), to check appends at the end cheaply. */
  readonly base?: AppendBase
}

/** An append that passed its checks. @since 0.1.0 */
export interface CheckedAppend {
  /** The new events as they are to be stored: normalized, `recorded` stamped where absent, without `origin`. */
  readonly events: readonly Event[]
  /** The state of the history with them, when it was checked from a base: give it to `AppendBase.advance` once stored. */
  readonly state: OrgState | undefined
}

let lastText = ''
let lastStart: number | undefined
/** The first instant of an event's `effective` (`undefined` for a retraction); the last one is remembered, as appends share dates. */
function start(e: Event): number | undefined {
  if (e.type === 'EventRetracted') return undefined
  if (e.effective !== lastText) {
    lastStart = parseDate(e.effective)?.start
    lastText = e.effective
  }
  return lastStart
}

/**
 * What a store keeps of its (valid) history to check the next append without replaying it: the
 * org after every event, the event ids, and the latest effective date. An append of events all
 * dated on or after that date, with new ids and no retraction, cannot change how any stored event
 * applies, so checking it means folding it onto that org: O(new events). Anything else (a late
 * event, a retraction, an error) is checked against the whole history. A sketch of what the
 * Timeline's checkpoints could do for late events too: replay from the checkpoint before the
 * earliest new date.
 * @since 0.1.0
 */
export class AppendBase {
  private constructor(
    /** The number of stored events this base describes. */
    public count: number,
    private state: OrgState,
    private readonly ids: Set<EventId>,
    private lastStart: number,
  ) {}

  /** The base of a history (one replay), or `undefined` when the history is not valid. */
  static of(history: readonly Event[]): AppendBase | undefined {
    const state = replay(history)
    if (isLeft(state)) return undefined
    let last = Number.NEGATIVE_INFINITY
    for (const e of history) last = Math.max(last, start(e) ?? last)
    return new AppendBase(history.length, state.right, new Set(history.map((e) => e.id)), last)
  }

  /** The state after `events`, if they can be checked from this base alone and pass; otherwise `undefined`. */
  check(events: readonly Event[]): OrgState | undefined {
    const ids = new Set<EventId>()
    for (const e of events) {
      const at = start(e)
      if (at === undefined || at < this.lastStart || this.ids.has(e.id) || ids.has(e.id)) return undefined
      ids.add(e.id)
    }
    const next = foldEvents(this.state, events)
    return isLeft(next) ? undefined : next.right
  }

  /** Moves the base past events that were stored, with the state {@link AppendBase.check} gave for them. */
  advance(events: readonly Event[], state: OrgState): void {
    for (const e of events) {
      this.ids.add(e.id)
      this.lastStart = Math.max(this.lastStart, start(e)!)
    }
    this.count += events.length
    this.state = state
  }
}

/** The origin a new event is named by in errors when it has none: its position in the append. */
const inAppend = (index: number): Origin => ({ file: '<append>', line: index + 1 })

function strip(event: Event): Event {
  const { origin: _origin, ...wire } = event
  return wire as Event
}

/** One new event in the form it is stored in, or why it cannot be stored (its wire form does not decode). */
function normalize(event: Event, index: number): Either<HistoryError[], Event> {
  const wire = strip(event)
  const origin = event.origin ?? inAppend(index)
  // Fast path: already a decoded event (normalized dates, only known fields): nothing to convert.
  // Anything else (a hand-made object, a store's `chain` field) goes through the wire decoder.
  if (EventCodec.is(wire)) return right(wire)
  let json: unknown
  try {
    json = JSON.parse(JSON.stringify(wire))
  } catch (cause) {
    const message = `could not be written as JSON: ${String(cause)}`
    return left([{ _tag: 'DecodeError', eventId: event.id, eventType: event.type, origin, path: '', message }])
  }
  const decoded = decodeEvent(json, origin)
  return isLeft(decoded) ? decoded : right(strip(decoded.right))
}

/**
 * Checks an append against the whole history (DESIGN §2–§3) and gives the events as they are to
 * be stored: each new event must decode (so a store never writes what it cannot read back), and
 * the history with them must replay without an error — duplicate ids, rule errors, and events
 * recorded earlier that a late event dated before them would break (`InvalidatedBy`). Events
 * without `recorded` get one timestamp for the whole append (now, UTC). New events without an
 * origin are named `<append>:n` (their position) in errors.
 *
 * Cost: one pass over the new events plus one replay of the whole history; with a `base` that
 * describes the history, an append at the end costs only the new events (see {@link AppendBase}).
 * @param history the stored history, in version order
 * @param events the events to append, in the order given
 * @returns the events to store, or every error of the history with them
 * @example
 * const r = checkAppend(stored, [unitRenamed({ unit: 'g', name: 'G2' }, { effective: '2023' })])
 * @since 0.1.0
 */
export function checkAppend(
  history: readonly Event[],
  events: readonly Event[],
  options: ValidateAppendOptions = {},
): Either<HistoryError[], CheckedAppend> {
  const errors: HistoryError[] = []
  const normalized: Event[] = []
  events.forEach((event, i) => {
    const r = normalize(event, i)
    if (isLeft(r)) errors.push(...r.left)
    else normalized.push(r.right)
  })
  if (errors.length > 0) return left(errors)
  const stamp = events.length === 0 ? '' : instantText((options.now ?? (() => new Date()))().getTime())
  const stored = normalized.map((e) => (e.recorded === undefined ? ({ ...e, recorded: stamp } as Event) : e))
  const base = options.base?.count === history.length ? options.base : undefined
  const state = base?.check(stored)
  if (state !== undefined) return right({ events: stored, state })
  const located = stored.map((e, i) => ({ ...e, origin: events[i]!.origin ?? inAppend(i) }) as Event)
  const timeline = Timeline.from(history.length === 0 ? located : [...history, ...located])
  return isLeft(timeline) ? timeline : right({ events: stored, state: undefined })
}

/**
 * Checks an append against the whole history (see {@link checkAppend}) and gives the events as
 * they are to be stored: normalized, `recorded` stamped (one UTC instant per append) where absent.
 * Every store runs this before it writes anything, so a refused append changes nothing.
 * @param history the stored history, in version order
 * @param events the events to append
 * @param options `now`: the clock (injectable for tests)
 * @returns the events to store, or every error of the history with them
 * @example
 * validateAppend([], [unitCreated({ unit: 'g', name: 'Group' }, { effective: '2020' })], {
 *   now: () => new Date('2024-01-01T00:00:00Z'),
 * }) // Right([{ …, recorded: '2024-01-01T00:00:00Z' }])
 * @since 0.1.0
 */
export function validateAppend(
  history: readonly Event[],
  events: readonly Event[],
  options: ValidateAppendOptions = {},
): Either<HistoryError[], Event[]> {
  const r = checkAppend(history, events, options)
  return isLeft(r) ? r : right([...r.right.events])
}
