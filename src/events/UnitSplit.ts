import * as t from 'io-ts'
import { build } from './build.js'
import { Bool, closed, describe, Id, NameCodec, nonEmptyArray, Text } from './codec.js'
import { type EventOf, eventCodec, type MetaInput } from './envelope.js'

/** One new unit of a {@link UnitSplit}. @since 0.1.0 */
export const SplitPart = closed('UnitSplit.into[]', { unit: Id, name: NameCodec }, { kind: Text, parent: Id })

const isChildMapping = (u: unknown): u is Record<string, string> =>
  typeof u === 'object' &&
  u !== null &&
  !Array.isArray(u) &&
  Object.values(u).every((v) => typeof v === 'string' && v.length > 0)

const ChildMapping = new t.Type<Record<string, string>, Record<string, string>, unknown>(
  'ChildMapping',
  isChildMapping,
  (u, c) =>
    isChildMapping(u)
      ? t.success(u)
      : t.failure(u, c, `expected an object of child unit id to new unit id, got ${describe(u)}`),
  t.identity,
)

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
