import { deriveEventId, type EventOf, type MetaInput } from './envelope.js'

/** Builds an event in code, deriving its id from its content when none is given. */
export function build<T extends string, D>(type: T, data: D, meta: MetaInput): EventOf<T, D> {
  const event = { ...meta, type, data }
  return (meta.id === undefined ? { ...event, id: deriveEventId(event) } : event) as EventOf<T, D>
}
