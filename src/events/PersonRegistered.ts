import type * as t from 'io-ts'
import { build } from './build.js'
import { closed, Id, listOf, NameCodec } from './codec.js'
import { type EventOf, eventCodec, type MetaInput } from './envelope.js'

/** Payload of {@link PersonRegistered}. @since 0.1.0 */
export const PersonRegisteredData = closed(
  'PersonRegistered.data',
  { person: Id, name: NameCodec },
  { aliases: listOf(NameCodec, 'a list of names') },
)

/**
 * Sets the display name and aliases (each a name, like `name`) of a person (an upsert). People need not be registered to be assigned.
 * @since 0.1.0
 */
export const PersonRegistered = eventCodec('PersonRegistered', PersonRegisteredData)
/** @since 0.1.0 */
export type PersonRegistered = EventOf<'PersonRegistered', t.TypeOf<typeof PersonRegisteredData>>

/**
 * Builds a {@link PersonRegistered} event.
 * @example
 * personRegistered({ person: 'dai-shan', name: { 'zh-Hant': '戴珊', en: 'Trudy Dai' } }, { effective: '2021-12-06' })
 * @since 0.1.0
 */
export const personRegistered = (data: PersonRegistered['data'], meta: MetaInput): PersonRegistered =>
  build('PersonRegistered', data, meta)
