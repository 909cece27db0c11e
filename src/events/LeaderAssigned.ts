import type * as t from 'io-ts'
import { build } from './build.js'
import { Bool, closed, Id, nullable, Text } from './codec.js'
import { type EventOf, eventCodec, type MetaInput } from './envelope.js'
import { Mode as ModeCodec } from './mode.js'

/** Payload of {@link LeaderAssigned}. @since 0.1.0 */
export const LeaderAssignedData = closed(
  'LeaderAssigned.data',
  { unit: Id, person: Id },
  { role: Id, title: nullable(Text), acting: Bool, mode: ModeCodec },
)

/**
 * `person` holds `role` (default `head`) in `unit` from `effective`. Mode `replace` (default) ends the current holders of that role first; `add` keeps them. Assigning the same person again updates `acting` (absent: `false`) and `title` (absent: kept; `null`: cleared). Rejected when the unit is unknown or ended.
 * @since 0.1.0
 */
export const LeaderAssigned = eventCodec('LeaderAssigned', LeaderAssignedData)
/** @since 0.1.0 */
export type LeaderAssigned = EventOf<'LeaderAssigned', t.TypeOf<typeof LeaderAssignedData>>

/**
 * Builds a {@link LeaderAssigned} event.
 * @example
 * leaderAssigned({ unit: 'taobao-tmall', person: 'dai-shan' }, { effective: '2022-01-06' })
 * @since 0.1.0
 */
export const leaderAssigned = (data: LeaderAssigned['data'], meta: MetaInput): LeaderAssigned =>
  build('LeaderAssigned', data, meta)
