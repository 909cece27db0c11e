import { parseDate } from '../domain/date.js'
import { deriveEventId, type EventOf, type MetaInput } from './envelope.js'

const normalized = (text: string | undefined) => (text === undefined ? undefined : (parseDate(text)?.text ?? text))

/**
 * Builds an event in code: dates normalized as decoding does (a date that does not parse is kept
 * and reported by replay), the id derived from the content when none is given — the same id
 * decoding the same event from JSON gives.
 */
export function build<T extends string, D>(type: T, data: D, meta: Partial<MetaInput>): EventOf<T, D> {
  const dates = {
    effective: normalized(meta.effective),
    recorded: normalized(meta.recorded),
    announced: normalized(meta.announced),
  }
  const event: Record<string, unknown> = { ...meta, type, data }
  for (const [key, value] of Object.entries(dates)) if (value !== undefined) event[key] = value
  return (meta.id === undefined ? { ...event, id: deriveEventId(event) } : event) as unknown as EventOf<T, D>
}
