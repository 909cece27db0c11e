import type * as t from 'io-ts'
import { build } from './build.js'
import { AttributesCodec, closed, Id } from './codec.js'
import { type EventOf, eventCodec, type MetaInput } from './envelope.js'

/** Payload of {@link UnitAttributesSet}. @since 0.1.0 */
export const UnitAttributesSetData = closed('UnitAttributesSet.data', { unit: Id, attributes: AttributesCodec }, {})

/**
 * Merges attributes into a unit; a `null` value deletes the key. Rejected when the unit is unknown or ended.
 * @since 0.1.0
 */
export const UnitAttributesSet = eventCodec('UnitAttributesSet', UnitAttributesSetData)
/** @since 0.1.0 */
export type UnitAttributesSet = EventOf<'UnitAttributesSet', t.TypeOf<typeof UnitAttributesSetData>>

/**
 * Builds a {@link UnitAttributesSet} event.
 * @example
 * unitAttributesSet({ unit: 'taobao-tmall', attributes: { brands: ['淘寶', '天貓'] } }, { effective: '2022-01-06' })
 * @since 0.1.0
 */
export const unitAttributesSet = (data: UnitAttributesSet['data'], meta: MetaInput): UnitAttributesSet =>
  build('UnitAttributesSet', data, meta)
