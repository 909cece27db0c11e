import type * as t from 'io-ts'
import { build } from './build.js'
import { AttributesCodec, closed, Id, NameCodec, Text } from './codec.js'
import { type EventOf, eventCodec, type MetaInput } from './envelope.js'

/** Payload of {@link UnitCreated}. @since 0.1.0 */
export const UnitCreatedData = closed(
  'UnitCreated.data',
  { unit: Id, name: NameCodec },
  { kind: Text, parent: Id, attributes: AttributesCodec },
)

/**
 * A new active unit; without `parent` it is a root. Rejected when the id was ever used, or the
 * parent is unknown or ended.
 * @since 0.1.0
 */
export const UnitCreated = eventCodec('UnitCreated', UnitCreatedData)
/** @since 0.1.0 */
export type UnitCreated = EventOf<'UnitCreated', t.TypeOf<typeof UnitCreatedData>>

/**
 * Builds a {@link UnitCreated} event.
 * @example
 * unitCreated({ unit: 'cdc', name: '中國數字商業板塊', parent: 'alibaba-group' }, { effective: '2022-01-01' })
 * @since 0.1.0
 */
export const unitCreated = (data: UnitCreated['data'], meta: MetaInput): UnitCreated => build('UnitCreated', data, meta)
