import { parseDate } from '../domain/date.js'
import type { PersonId, UnitId } from '../domain/ids.js'
import type { OrgState, Role } from '../domain/state.js'
import { trieGet } from '../domain/trie.js'
import type { RuleError } from '../errors/types.js'
import type { Event } from '../events/event.js'
import { type Touched, watchChanges } from '../reducer/access.js'
import { applyAll, workingCopy } from './fold.js'
import { type AtOptions, HistoryErrors, prepare } from './replay.js'

/** A period in which a person held a role in a unit. @since 0.1.0 */
export interface Tenure {
  readonly person: PersonId
  readonly unit: UnitId
  readonly role: string
  readonly title: string | null
  /** An interim holding. When an acting holder is confirmed, one tenure ends and the next begins. */
  readonly acting: boolean
  /** When the holding began (normalized date text). */
  readonly from: string
  /** When it ended, or `null` when it is still held at the end of the history. */
  readonly to: string | null
}

const key = (r: Role) => `${r.unit}\u0000${r.role}`

/**
 * Every tenure of every person in a history, in the order they began: concurrent roles included,
 * ended by `LeaderRemoved`, by a `replace` assignment of someone else, or by the end of the unit.
 * One pass over the history that looks only at the people each event changes.
 * @example
 * tenures(history).filter((t) => t.person === 'dai-shan')
 * @since 0.1.0
 */
export function tenures(events: readonly Event[], options: AtOptions = {}): Tenure[] {
  const { ordered, errors } = prepare(events, options.knownAt)
  if (errors.length > 0) throw new HistoryErrors(errors)
  const working = workingCopy(undefined)
  const held = new Map<PersonId, Map<string, { role: Role; tenure: number }>>()
  const out: { -readonly [K in keyof Tenure]: Tenure[K] }[] = []
  const ruleErrors: RuleError[] = []
  ordered.events.forEach((event, i) => {
    const touched: Touched = { units: new Set(), people: new Set() }
    watchChanges(touched, () => applyAll(working, { events: ordered.events, from: i, to: i + 1 }, ruleErrors))
    for (const person of touched.people) {
      const before = held.get(person) ?? new Map<string, { role: Role; tenure: number }>()
      const now = new Map<string, { role: Role; tenure: number }>()
      for (const role of trieGet((working as OrgState).people, person)?.roles ?? []) {
        const was = before.get(key(role))
        before.delete(key(role))
        if (
          was !== undefined &&
          (was.role === role || (was.role.acting === role.acting && was.role.title === role.title))
        ) {
          now.set(key(role), { role, tenure: was.tenure })
          continue
        }
        if (was !== undefined) out[was.tenure]!.to = event.effective
        const from = was === undefined ? role.since : event.effective
        const { unit, role: name, title, acting } = role
        now.set(key(role), { role, tenure: out.push({ person, unit, role: name, title, acting, from, to: null }) - 1 })
      }
      for (const gone of before.values()) out[gone.tenure]!.to = event.effective
      held.set(person, now)
    }
  })
  if (ruleErrors.length > 0) throw new HistoryErrors(ruleErrors)
  return out
}

/** Which tenures {@link heldBy} keeps. @since 0.1.0 */
export interface HeldByOptions {
  readonly unit?: UnitId
  readonly person?: PersonId
  readonly role?: string
  /** Held on this date (the whole day, month or year: at its end). */
  readonly at?: string
  /** Held at some time after `from` (exclusive)… */
  readonly from?: string
  /** …up to `to` (inclusive). */
  readonly to?: string
}

/**
 * The tenures of a unit, a person or a role, on a date or over a period.
 * @example
 * heldBy(tenures(history), { unit: 'taobao-tmall', role: 'head', at: '2022-01-06' }).map((t) => t.person) // ['dai-shan']
 * @since 0.1.0
 */
export function heldBy(all: readonly Tenure[], options: HeldByOptions): Tenure[] {
  const end = (d: string) => parseDate(d)!.end
  const start = (d: string) => parseDate(d)!.start
  const [lo, hi] =
    options.at === undefined
      ? [
          options.from === undefined ? Number.NEGATIVE_INFINITY : end(options.from),
          options.to === undefined ? Number.POSITIVE_INFINITY : end(options.to),
        ]
      : [end(options.at) - 1, end(options.at)]
  return all.filter(
    (t) =>
      (options.unit === undefined || t.unit === options.unit) &&
      (options.person === undefined || t.person === options.person) &&
      (options.role === undefined || t.role === options.role) &&
      start(t.from) < hi &&
      (t.to === null || start(t.to) > lo),
  )
}
