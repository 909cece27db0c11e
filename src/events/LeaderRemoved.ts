import type * as t from 'io-ts'
import { build } from './build.js'
import { closed, Id } from './codec.js'
import { type EventOf, eventCodec, type MetaInput } from './envelope.js'

/** Payload of {@link LeaderRemoved}. @since 0.1.0 */
export const LeaderRemovedData = closed('LeaderRemoved.data', { unit: Id, person: Id }, { role: Id })

/**
 * Ends the holding of `role` (default `head`) by `person` in `unit`. Rejected when the person does not hold that role there.
 * @since 0.1.0
 */
export const LeaderRemoved = eventCodec('LeaderRemoved', LeaderRemovedData)
/** @since 0.1.0 */
export type LeaderRemoved = EventOf<'LeaderRemoved', t.TypeOf<typeof LeaderRemovedData>>

/**
 * Builds a {@link LeaderRemoved} event.
 * @example
 * leaderRemoved({ unit: 'alimama', person: 'jia-luo' }, { effective: '2023-01' })
 * @since 0.1.0
 */
export const leaderRemoved = (data: LeaderRemoved['data'], meta: MetaInput): LeaderRemoved =>
  build('LeaderRemoved', data, meta)
