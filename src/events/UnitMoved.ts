import type * as t from 'io-ts'
import { build } from './build.js'
import { closed, Id, nullable } from './codec.js'
import { type EventOf, eventCodec, type MetaInput } from './envelope.js'

/** Payload of {@link UnitMoved}. @since 0.1.0 */
export const UnitMovedData = closed('UnitMoved.data', { unit: Id, parent: nullable(Id) }, {})

/**
 * Reparents a unit with its whole subtree (`parent: null` makes it a root). Rejected when the unit or parent is unknown or ended, or the parent is the unit or inside its subtree.
 * @since 0.1.0
 */
export const UnitMoved = eventCodec('UnitMoved', UnitMovedData)
/** @since 0.1.0 */
export type UnitMoved = EventOf<'UnitMoved', t.TypeOf<typeof UnitMovedData>>

/**
 * Builds a {@link UnitMoved} event.
 * @example
 * unitMoved({ unit: 'lazada', parent: 'overseas-digital-commerce' }, { effective: '2022-01-01' })
 * @since 0.1.0
 */
export const unitMoved = (data: UnitMoved['data'], meta: MetaInput): UnitMoved => build('UnitMoved', data, meta)
