import type * as t from 'io-ts'
import { build } from './build.js'
import { Bool, closed, Id, idMap, NameCodec, nonEmptyArray, Text } from './codec.js'
import { type EventOf, eventCodec, type MetaInput } from './envelope.js'

/** One new unit of a {@link UnitSplit}. @since 0.1.0 */
export const SplitPart = closed('UnitSplit.into[]', { unit: Id, name: NameCodec }, { kind: Text, parent: Id })

/** The new parent of each child of the split unit: an object of child unit id to new unit id. @since 0.2.0 */
export const ChildMapping = idMap('an object of child unit id to new unit id')

/** Payload of {@link UnitSplit}. @since 0.1.0 */
export const UnitSplitData = closed(
  'UnitSplit.data',
  { unit: Id, into: nonEmptyArray(SplitPart) },
  { retain: Bool, children: ChildMapping },
)

/**
 * Creates each unit of `into` (parent defaults to the source's parent). Without `retain` the source
 * ends (status `split`, successors the new units), its leaders' roles end and every active child
 * must be mapped in `children`; with `retain: true` the source continues (a spin-out) and mapped
 * children move.
 * @since 0.1.0
 */
export const UnitSplit = eventCodec('UnitSplit', UnitSplitData)
/** @since 0.1.0 */
export type UnitSplit = EventOf<'UnitSplit', t.TypeOf<typeof UnitSplitData>>

/**
 * Builds a {@link UnitSplit} event.
 * @example
 * unitSplit({ unit: 'c', into: [{ unit: 'd', name: 'D' }, { unit: 'e', name: 'E' }], retain: true }, { effective: '2023' })
 * @since 0.1.0
 */
export const unitSplit = (data: UnitSplit['data'], meta: MetaInput): UnitSplit => build('UnitSplit', data, meta)
