/** How precise a date is: a whole year, month or day, or an exact instant. @since 0.1.0 */
export type Precision = 'year' | 'month' | 'day' | 'instant'

/**
 * A parsed date of the wire format: `YYYY`, `YYYY-MM`, `YYYY-MM-DD` (UTC periods) or an RFC 3339
 * date-time with `Z` or an offset (an instant).
 * @since 0.1.0
 */
export interface OrgDate {
  /** Normalized text: periods as written, instants in UTC (`2021-12-31T17:00:00Z`). */
  readonly text: string
  readonly precision: Precision
  /** First instant, in milliseconds since the epoch. */
  readonly start: number
  /** First instant after the period (for an instant: `start + 1`). */
  readonly end: number
}

const PERIOD = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|([+-])(\d{2}):(\d{2}))$/

/** What the date forms are, for error messages. @since 0.1.0 */
export const DATE_FORMS = 'YYYY, YYYY-MM, YYYY-MM-DD or an RFC 3339 date-time with Z or an offset'

function utc(year: number, month: number, day: number, h = 0, m = 0, s = 0, ms = 0): number {
  const d = new Date(0)
  d.setUTCFullYear(year, month - 1, day)
  d.setUTCHours(h, m, s, ms)
  return d.getTime()
}

function validDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false
  const d = new Date(utc(year, month, day))
  return d.getUTCDate() === day && d.getUTCMonth() === month - 1
}

function parsePeriod(m: RegExpExecArray, text: string): OrgDate | undefined {
  const year = Number(m[1])
  if (m[2] === undefined) return { text, precision: 'year', start: utc(year, 1, 1), end: utc(year + 1, 1, 1) }
  const month = Number(m[2])
  if (m[3] === undefined) {
    if (month < 1 || month > 12) return undefined
    return { text, precision: 'month', start: utc(year, month, 1), end: utc(year, month + 1, 1) }
  }
  const day = Number(m[3])
  if (!validDay(year, month, day)) return undefined
  return { text, precision: 'day', start: utc(year, month, day), end: utc(year, month, day + 1) }
}

function parseInstant(m: RegExpExecArray): OrgDate | undefined {
  const [year, month, day, h, min, s] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i]))
  if (!validDay(year!, month!, day!) || h! > 23 || min! > 59 || s! > 59) return undefined
  const ms = m[7] === undefined ? 0 : Math.floor(Number(`0${m[7]}`) * 1000)
  let offset = 0
  if (m[9] !== undefined) {
    const oh = Number(m[10])
    const om = Number(m[11])
    if (oh > 23 || om > 59) return undefined
    offset = (m[9] === '-' ? -1 : 1) * (oh * 60 + om) * 60_000
  }
  const start = utc(year!, month!, day!, h, min, s, ms) - offset
  return { text: instantText(start), precision: 'instant', start, end: start + 1 }
}

/**
 * The normalized text of an instant: ISO 8601 in UTC, milliseconds only when not zero.
 * @since 0.1.0
 */
export function instantText(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z')
}

/**
 * Parses a date of the wire format.
 * @param text `2022`, `2022-01`, `2022-01-06` or `2022-01-06T09:00:00+08:00`
 * @returns the parsed date, or `undefined` when the text is not one of the forms
 * @example
 * parseDate('2022-01-01T01:00:00+08:00')?.text // '2021-12-31T17:00:00Z'
 * @since 0.1.0
 */
export function parseDate(text: string): OrgDate | undefined {
  const period = PERIOD.exec(text)
  if (period) return parsePeriod(period, text)
  const instant = INSTANT.exec(text)
  return instant ? parseInstant(instant) : undefined
}

/**
 * The calendar day (UTC) of an instant, as `YYYY-MM-DD`.
 * @since 0.1.0
 */
export function dayText(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10)
}
