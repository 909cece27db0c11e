import type * as t from 'io-ts'
import { build } from './build.js'
import { closed, Id, NameCodec, nonEmptyArray, Text } from './codec.js'
import { type EventOf, eventCodec, type MetaInput } from './envelope.js'

/** Payload of {@link UnitMerged}. @since 0.1.0 */
export const UnitMergedData = closed(
  'UnitMerged.data',
  { units: nonEmptyArray(Id), into: Id },
  { name: NameCodec, kind: Text, parent: Id },
)

/**
 * Ends every unit of `units` (status `merged`, successor `into`), moves their active children under `into` and ends their leaders' roles. An active `into` absorbs them; a new `into` is created (`name` required, `parent` defaults to the first source's parent).
 * @since 0.1.0
 */
export const UnitMerged = eventCodec('UnitMerged', UnitMergedData)
/** @since 0.1.0 */
export type UnitMerged = EventOf<'UnitMerged', t.TypeOf<typeof UnitMergedData>>

/**
 * Builds a {@link UnitMerged} event.
 * @example
 * unitMerged({ units: ['taobao', 'tmall'], into: 'taobao-tmall', name: '大淘寶' }, { effective: '2022-01-06' })
 * @since 0.1.0
 */
export const unitMerged = (data: UnitMerged['data'], meta: MetaInput): UnitMerged => build('UnitMerged', data, meta)
