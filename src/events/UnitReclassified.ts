import type * as t from 'io-ts'
import { build } from './build.js'
import { closed, Id, nullable, Text } from './codec.js'
import { type EventOf, eventCodec, type MetaInput } from './envelope.js'

/** Payload of {@link UnitReclassified}. @since 0.2.0 */
export const UnitReclassifiedData = closed('UnitReclassified.data', { unit: Id, kind: nullable(Text) }, {})

/**
 * A new kind for a unit (a department becomes a division); `kind: null` clears it. Rejected when
 * the unit is unknown or ended.
 * @since 0.2.0
 */
export const UnitReclassified = eventCodec('UnitReclassified', UnitReclassifiedData)
/** @since 0.2.0 */
export type UnitReclassified = EventOf<'UnitReclassified', t.TypeOf<typeof UnitReclassifiedData>>

/**
 * Builds a {@link UnitReclassified} event.
 * @example
 * unitReclassified({ unit: 'taobao-tmall', kind: 'business-group' }, { effective: '2022-01-06' })
 * @since 0.2.0
 */
export const unitReclassified = (data: UnitReclassified['data'], meta: MetaInput): UnitReclassified =>
  build('UnitReclassified', data, meta)
