import type { EventId, Origin } from '../domain/ids.js'
import { type Inferred, type Source, sourcesOf } from '../events/envelope.js'
import type { Step } from '../timeline/steps.js'
import type { TextOptions } from './labels.js'
import { eventSummary } from './log.js'

/** One event of `org-history log --format json`. @since 0.1.0 */
export interface LogEntryJSON {
  readonly id: EventId
  readonly type: string
  readonly effective: string
  readonly announced: string | null
  readonly recorded: string | null
  readonly reorg: string | null
  /** The one-line summary of the text log, names in the languages asked for. */
  readonly summary: string
  readonly source: readonly Source[]
  readonly note: string | null
  /** How `import` inferred the event, `null` for events written by hand. @since 0.2.0 */
  readonly inferred: Inferred | null
  /** Where the event was read from, when it came from a file. */
  readonly origin: Origin | null
  readonly data: unknown
}

/** The JSON of `org-history log --format json`. @since 0.1.0 */
export interface LogJSON {
  readonly events: readonly LogEntryJSON[]
}

/**
 * Events as JSON for scripts: every field of the envelope (absent ones as `null`, sources always a
 * list), the summary of the text log and the payload as written.
 * @param steps events with the org before and after each (from `replaySteps`)
 * @param options `languages` of the summaries
 * @returns `{ events: [...] }`
 * @example
 * JSON.stringify(logJSON([...replaySteps(history)]))
 * @since 0.1.0
 */
export function logJSON(steps: readonly Step[], options: TextOptions = {}): LogJSON {
  return {
    events: steps.map((step) => {
      const e = step.event
      return {
        id: e.id,
        type: e.type,
        effective: e.effective,
        announced: e.announced ?? null,
        recorded: e.recorded ?? null,
        reorg: e.reorg ?? null,
        summary: eventSummary(step, options),
        source: sourcesOf(e),
        note: e.note ?? null,
        inferred: e.inferred ?? null,
        origin: e.origin ?? null,
        data: e.data,
      }
    }),
  }
}
