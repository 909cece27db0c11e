import { type Either, isLeft, left, right } from 'fp-ts/lib/Either.js'
import { diff } from '../diff/diff.js'
import type { Diff } from '../diff/types.js'
import { parseDate } from '../domain/date.js'
import type { HistoryError } from '../errors/types.js'
import type { Event } from '../events/event.js'
import { countBefore } from './order.js'
import { type AtOptions, HistoryErrors, prepare, rangeError, statesAt } from './replay.js'

/**
 * The diff between the org at two dates of a history (`from` exclusive, `to` inclusive), with the
 * ids of the events effective in between, in valid-time order.
 * @param events the history
 * @param from the earlier date
 * @param to the later date
 * @param options `knownAt`: both dates as recorded by then
 * @example
 * diffBetween(history, '2021-12-31', '2022-01-06')
 * @since 0.1.0
 */
export function diffBetween(
  events: readonly Event[],
  from: string,
  to: string,
  options: AtOptions = {},
): Either<HistoryError[], Diff> {
  const states = statesAt(events, [from, to], options)
  if (isLeft(states)) return left(states.left)
  const reversed = rangeError(from, to)
  if (reversed !== undefined) return left([reversed])
  const [start, end] = [parseDate(from)!.end, parseDate(to)!.end].sort((a, b) => a - b) as [number, number]
  const { ordered } = prepare(events, options.knownAt)
  const ids = ordered.events.slice(countBefore(ordered, start), countBefore(ordered, end)).map((e) => e.id)
  return right(diff(states.right[0]!, states.right[1]!, ids))
}

/** {@link diffBetween} for scripts: throws {@link HistoryErrors}. @since 0.1.0 */
export function diffBetweenOrThrow(events: readonly Event[], from: string, to: string, options?: AtOptions): Diff {
  const result = diffBetween(events, from, to, options)
  if (isLeft(result)) throw new HistoryErrors(result.left)
  return result.right
}
