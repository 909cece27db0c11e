import type { LeaderVersion, PersonVersion, Rectangle, UnitVersion, Versioned } from './unitVersion.js'

/**
 * A SQL identifier, quoted (`"org_history"`), so any name is safe.
 * @param name a schema, table or column name
 * @returns the name in double quotes, inner quotes doubled
 * @example
 * quoteIdent('org "history"') // '"org ""history"""'
 * @since 0.2.0
 */
export function quoteIdent(name: string): string {
  if (name === '' || name.includes('\u0000'))
    throw new Error(`invalid SQL name ${JSON.stringify(name)}: it must be non-empty, without NUL`)
  return `"${name.replaceAll('"', '""')}"`
}

const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' }

/** A field of COPY's text format: backslash, newline, carriage return and tab escaped; `null` as `\N`. */
export function copyField(value: string | null): string {
  return value === null ? '\\N' : value.replace(/[\\\n\r\t]/g, (c) => COPY_ESCAPES[c]!)
}

const bound = (ms: number) => (Number.isFinite(ms) ? new Date(ms).toISOString() : '')

/** A `tstzrange` literal `[from,to)`, an infinite end left empty (unbounded). */
export function rangeText(from: number, to: number): string {
  return `${from === Number.NEGATIVE_INFINITY ? '(' : '['}${bound(from)},${bound(to)})`
}

/** The two ranges of a row: valid time, then transaction time. */
export const rangesOf = (r: Rectangle): [string, string] => [
  rangeText(r.validFrom, r.validTo),
  rangeText(r.recordedFrom, r.recordedTo),
]

/** The columns of each table, in order, and how a version fills them (as text or `null`). */
export const COLUMNS = {
  unit_versions: {
    names: ['unit', 'name', 'kind', 'parent', 'attributes', 'valid', 'recorded'],
    values: ({ value: u, ...r }: Versioned<UnitVersion>): (string | null)[] => [
      u.unit,
      JSON.stringify(u.name),
      u.kind,
      u.parent,
      JSON.stringify(u.attributes),
      ...rangesOf(r),
    ],
  },
  leader_versions: {
    names: ['unit', 'person', 'role', 'title', 'acting', 'since', 'valid', 'recorded'],
    values: ({ value: l, ...r }: Versioned<LeaderVersion>): (string | null)[] => [
      l.unit,
      l.person,
      l.role,
      l.title,
      l.acting ? 't' : 'f',
      l.since,
      ...rangesOf(r),
    ],
  },
  person_versions: {
    names: ['person', 'name', 'aliases', 'valid', 'recorded'],
    values: ({ value: p, ...r }: Versioned<PersonVersion>): (string | null)[] => [
      p.person,
      JSON.stringify(p.name),
      JSON.stringify(p.aliases),
      ...rangesOf(r),
    ],
  },
} as const
