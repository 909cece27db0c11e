import type * as t from 'io-ts'
import { build } from './build.js'
import { Bool, closed, Id } from './codec.js'
import { type EventOf, eventCodec, type MetaInput } from './envelope.js'

/** Payload of {@link UnitDissolved}. @since 0.1.0 */
export const UnitDissolvedData = closed('UnitDissolved.data', { unit: Id }, { cascade: Bool })

/**
 * Ends a unit (status `dissolved`) and its leaders' roles; with `cascade` its whole active subtree ends too. Rejected when the unit is unknown or ended, or has active children without `cascade`.
 * @since 0.1.0
 */
export const UnitDissolved = eventCodec('UnitDissolved', UnitDissolvedData)
/** @since 0.1.0 */
export type UnitDissolved = EventOf<'UnitDissolved', t.TypeOf<typeof UnitDissolvedData>>

/**
 * Builds a {@link UnitDissolved} event.
 * @example
 * unitDissolved({ unit: 'old-team', cascade: true }, { effective: '2023-03' })
 * @since 0.1.0
 */
export const unitDissolved = (data: UnitDissolved['data'], meta: MetaInput): UnitDissolved =>
  build('UnitDissolved', data, meta)
