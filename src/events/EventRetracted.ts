import type * as t from 'io-ts'
import { build } from './build.js'
import { closed, Id, Text } from './codec.js'
import { type EventOf, eventCodec, type MetaInput } from './envelope.js'

/** Payload of {@link EventRetracted}. @since 0.1.0 */
export const EventRetractedData = closed('EventRetracted.data', { event: Id }, { reason: Text })

/**
 * A correction: from its `recorded` time on, the target event counts as never recorded. Rejected when the target is unknown or is itself a retraction. `effective` is optional.
 * @since 0.1.0
 */
export const EventRetracted = eventCodec('EventRetracted', EventRetractedData, false) as unknown as t.Type<
  EventRetracted,
  Record<string, unknown>,
  unknown
>
/** @since 0.1.0 */
export type EventRetracted = Omit<EventOf<'EventRetracted', t.TypeOf<typeof EventRetractedData>>, 'effective'> & {
  readonly effective?: string
}

/**
 * Builds a {@link EventRetracted} event.
 * @example
 * eventRetracted({ event: 'wrong-move', reason: 'misread the letter' }, { effective: '2022-01-06', recorded: '2022-01-07T09:00:00Z' })
 * @since 0.1.0
 */
export const eventRetracted = (data: EventRetracted['data'], meta: Partial<MetaInput> = {}): EventRetracted =>
  build('EventRetracted', data, meta)
