import type * as t from 'io-ts'
import { build } from './build.js'
import { closed, Id, NameCodec } from './codec.js'
import { type EventOf, eventCodec, type MetaInput } from './envelope.js'

/** Payload of {@link UnitRenamed}. @since 0.1.0 */
export const UnitRenamedData = closed('UnitRenamed.data', { unit: Id, name: NameCodec }, {})

/**
 * A new name for a unit; the old one stays in its name history. Rejected when the unit is unknown or ended.
 * @since 0.1.0
 */
export const UnitRenamed = eventCodec('UnitRenamed', UnitRenamedData)
/** @since 0.1.0 */
export type UnitRenamed = EventOf<'UnitRenamed', t.TypeOf<typeof UnitRenamedData>>

/**
 * Builds a {@link UnitRenamed} event.
 * @example
 * unitRenamed({ unit: 'community-ecommerce', name: '淘菜菜' }, { effective: '2021-09' })
 * @since 0.1.0
 */
export const unitRenamed = (data: UnitRenamed['data'], meta: MetaInput): UnitRenamed => build('UnitRenamed', data, meta)
