import { isLeft } from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'
import { closest } from '../domain/closest.js'
import { DATE_FORMS, parseDate } from '../domain/date.js'
import type { Json } from '../domain/state.js'
import { type JsonSchema, shaped } from './shape.js'

/** A short description of a value for error messages. */
export function describe(u: unknown): string {
  if (u === undefined) return 'nothing'
  if (u === null) return 'null'
  if (Array.isArray(u)) return u.length === 0 ? 'an empty array' : 'an array'
  if (typeof u === 'object') return 'an object'
  if (typeof u === 'string') return JSON.stringify(u.length > 40 ? `${u.slice(0, 40)}…` : u)
  return `${typeof u} ${String(u)}`
}

/** A leaf codec: a guard, the phrase for what it expects, and the JSON Schema that says the same. */
function refine<A>(
  name: string,
  guard: (u: unknown) => u is A,
  expected: string,
  schema: JsonSchema,
): t.Type<A, A, unknown> {
  const codec = new t.Type<A, A, unknown>(
    name,
    guard,
    (u, c) => (guard(u) ? t.success(u) : t.failure(u, c, `expected ${expected}, got ${describe(u)}`)),
    t.identity,
  )
  return shaped(codec, { tag: 'leaf', schema })
}

const DAY = '\\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])'
const TIME = '(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d+)?(?:[Zz]|[+-](?:[01]\\d|2[0-3]):[0-5]\\d)'
const INSTANT_PATTERN = `${DAY}[Tt]${TIME}`
const PERIOD_PATTERN = '\\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\\d|3[01]))?)?'

/** A non-empty string: ids of units, people and events. */
export const Id = refine('Id', (u): u is string => typeof u === 'string' && u.length > 0, 'a non-empty string', {
  type: 'string',
  minLength: 1,
})

/** A number from 0 to 1: how sure an inference is. */
export const Confidence = refine(
  'Confidence',
  (u): u is number => typeof u === 'number' && u >= 0 && u <= 1,
  'a number from 0 to 1',
  { type: 'number', minimum: 0, maximum: 1 },
)

/** Any string. */
export const Text = refine('Text', (u): u is string => typeof u === 'string', 'a string', { type: 'string' })

/** A boolean. */
export const Bool = refine('Bool', (u): u is boolean => typeof u === 'boolean', 'true or false', { type: 'boolean' })

/**
 * A date of the wire format: `YYYY`, `YYYY-MM`, `YYYY-MM-DD` or an RFC 3339 date-time with `Z` or an
 * offset. Decoding also checks that the day exists (no 2022-02-30) and normalizes a date-time to UTC
 * (`2022-01-01T01:00:00+08:00` is read as `2021-12-31T17:00:00Z`); reduced-precision dates stay as written.
 */
export const DateText = new t.Type<string, string, unknown>(
  'DateText',
  (u): u is string => typeof u === 'string' && parseDate(u)?.text === u,
  (u, c) => {
    const parsed = typeof u === 'string' ? parseDate(u) : undefined
    return parsed ? t.success(parsed.text) : t.failure(u, c, `expected a date (${DATE_FORMS}), got ${describe(u)}`)
  },
  t.identity,
)
shaped(DateText, { tag: 'leaf', schema: { type: 'string', pattern: `^(?:${PERIOD_PATTERN}|${INSTANT_PATTERN})$` } })

/**
 * An RFC 3339 date-time with `Z` or an offset. Decoding also checks that the day exists and
 * normalizes it to UTC.
 */
export const Instant = new t.Type<string, string, unknown>(
  'Instant',
  (u): u is string => typeof u === 'string' && parseDate(u)?.precision === 'instant' && parseDate(u)?.text === u,
  (u, c) => {
    const parsed = typeof u === 'string' ? parseDate(u) : undefined
    return parsed?.precision === 'instant'
      ? t.success(parsed.text)
      : t.failure(u, c, `expected an RFC 3339 date-time with Z or an offset, got ${describe(u)}`)
  },
  t.identity,
)
shaped(Instant, { tag: 'leaf', schema: { type: 'string', pattern: `^${INSTANT_PATTERN}$` } })

function isJson(u: unknown, depth = 0): u is Json {
  if (u === null || typeof u === 'string' || typeof u === 'boolean') return true
  if (typeof u === 'number') return Number.isFinite(u)
  if (depth > 64 || typeof u !== 'object') return false
  if (Array.isArray(u)) return u.every((v) => isJson(v, depth + 1))
  const proto = Object.getPrototypeOf(u)
  return (proto === Object.prototype || proto === null) && Object.values(u).every((v) => isJson(v, depth + 1))
}

/** Any JSON value (at most 64 levels deep, which decoding checks). */
export const JsonValue = refine('Json', (u): u is Json => isJson(u), 'a JSON value', {})

function isRecord(u: unknown): u is Record<string, unknown> {
  return typeof u === 'object' && u !== null && !Array.isArray(u)
}

/** A name: a non-empty string, or an object of language tag to non-empty string. */
export const NameCodec = refine(
  'Name',
  (u): u is string | Record<string, string> =>
    (typeof u === 'string' && u.length > 0) ||
    (isRecord(u) && Object.keys(u).length > 0 && Object.values(u).every((v) => typeof v === 'string' && v.length > 0)),
  'a name: a non-empty string or {"<language tag>": "<non-empty text>", …}',
  {
    anyOf: [
      { type: 'string', minLength: 1 },
      { type: 'object', minProperties: 1, additionalProperties: { type: 'string', minLength: 1 } },
    ],
  },
)

/** An object of JSON values (at most 64 levels deep, which decoding checks). */
export const AttributesCodec = refine(
  'Attributes',
  (u): u is Record<string, Json> => isRecord(u) && isJson(u),
  'an object of JSON values',
  { type: 'object' },
)

/** A value or `null`. */
export function nullable<A, O>(codec: t.Type<A, O, unknown>): t.Type<A | null, O | null, unknown> {
  const nullableCodec = new t.Type<A | null, O | null, unknown>(
    `${codec.name} | null`,
    (u): u is A | null => u === null || codec.is(u),
    (u, c) => {
      if (u === null) return t.success(null)
      const r = codec.validate(u, c)
      return isLeft(r)
        ? t.failures(
            r.left.map((e) => ({
              ...e,
              message: e.message?.replace(/^expected (.*), got/, 'expected $1 or null, got'),
            })),
          )
        : r
    },
    (a) => (a === null ? null : codec.encode(a)),
  )
  return shaped(nullableCodec, { tag: 'nullable', of: codec })
}

/** A non-empty array of values. */
export function nonEmptyArray<A, O>(codec: t.Type<A, O, unknown>): t.Type<A[], O[], unknown> {
  const array = new t.Type<A[], O[], unknown>(
    `${codec.name}[]`,
    (u): u is A[] => Array.isArray(u) && u.length > 0 && u.every(codec.is),
    (u, c) => {
      if (!Array.isArray(u) || u.length === 0) return t.failure(u, c, `expected a non-empty array, got ${describe(u)}`)
      const out: A[] = []
      const errors: t.Errors = []
      u.forEach((v, i) => {
        const r = codec.validate(v, t.appendContext(c, String(i), codec, v))
        if (isLeft(r)) errors.push(...r.left)
        else out.push(r.right)
      })
      return errors.length > 0 ? t.failures(errors) : t.success(out)
    },
    (as) => as.map(codec.encode),
  )
  return shaped(array, { tag: 'array', of: codec, minItems: 1 })
}

/** A list (possibly empty) of values. */
export function listOf<A, O>(codec: t.Type<A, O, unknown>, expected: string): t.Type<A[], O[], unknown> {
  const many = nonEmptyArray(codec)
  const list = new t.Type<A[], O[], unknown>(
    `${codec.name}[]`,
    (u): u is A[] => Array.isArray(u) && u.every(codec.is),
    (u, c) =>
      !Array.isArray(u)
        ? t.failure(u, c, `expected ${expected}, got ${describe(u)}`)
        : u.length === 0
          ? t.success([])
          : many.validate(u, c),
    (as) => as.map(codec.encode),
  )
  return shaped(list, { tag: 'array', of: codec, minItems: 0 })
}

/** A value or a non-empty list of them. */
export function oneOrMany<A, O>(codec: t.Type<A, O, unknown>): t.Type<A | A[], O | O[], unknown> {
  const many = nonEmptyArray(codec)
  const either = new t.Type<A | A[], O | O[], unknown>(
    `${codec.name} | ${codec.name}[]`,
    (u): u is A | A[] => codec.is(u) || many.is(u),
    (u, c) => (Array.isArray(u) ? many.validate(u, c) : codec.validate(u, c)),
    (a) => (Array.isArray(a) ? many.encode(a) : codec.encode(a as A)),
  )
  return shaped(either, { tag: 'oneOrMany', of: codec })
}

/** An object of any keys whose values are all non-empty strings (ids). */
export function idMap(expected: string): t.Type<Record<string, string>, Record<string, string>, unknown> {
  const is = (u: unknown): u is Record<string, string> =>
    isRecord(u) && Object.values(u).every((v) => typeof v === 'string' && v.length > 0)
  const map = new t.Type<Record<string, string>, Record<string, string>, unknown>(
    'IdMap',
    is,
    (u, c) => (is(u) ? t.success(u) : t.failure(u, c, `expected ${expected}, got ${describe(u)}`)),
    t.identity,
  )
  return shaped(map, { tag: 'record', of: Id })
}

function unknownField(field: string, known: ReadonlySet<string>): string {
  const near = closest(field, known)
  const hint = near.length > 0 ? `did you mean '${near[0]}'? ` : ''
  return `is not a known field; ${hint}expected only ${[...known].join(', ')}`
}

type Decoded<P extends t.Props> = { [K in keyof P]: t.TypeOf<P[K]> }
type Encoded<P extends t.Props> = { [K in keyof P]: t.OutputOf<P[K]> }

/** A closed object type: required and optional fields; any other field is an error. */
export type Closed<R extends t.Props, O extends t.Props> = t.Type<
  Decoded<R> & Partial<Decoded<O>>,
  Encoded<R> & Partial<Encoded<O>>,
  unknown
>

/**
 * An object codec with required and optional fields that rejects unknown fields (io-ts's `strict`
 * drops them silently; a history must not lose what was written).
 */
export function closed<R extends t.Props, O extends t.Props>(name: string, required: R, optional: O): Closed<R, O> {
  const known = new Set([...Object.keys(required), ...Object.keys(optional)])
  const expected = [...known].join(', ')
  const fields = (a: Record<string, unknown>, each: (k: string, codec: t.Mixed, v: unknown) => unknown) => {
    const out: Record<string, unknown> = {}
    for (const [k, codec] of [...Object.entries(required), ...Object.entries(optional)]) {
      if (Object.hasOwn(a, k) && a[k] !== undefined)
        Object.defineProperty(out, k, {
          value: each(k, codec, a[k]),
          enumerable: true,
          writable: true,
          configurable: true,
        })
    }
    return out
  }
  const is = (u: unknown): u is Decoded<R> & Partial<Decoded<O>> =>
    isRecord(u) &&
    Object.keys(u).every((k) => known.has(k)) &&
    Object.entries(required).every(([k, codec]) => codec.is(u[k])) &&
    Object.entries(optional).every(([k, codec]) => u[k] === undefined || codec.is(u[k]))
  const codec = new t.Type(
    name,
    is,
    (u, c) => {
      if (!isRecord(u)) return t.failure(u, c, `expected an object with fields ${expected}, got ${describe(u)}`)
      const errors: t.Errors = []
      for (const k of Object.keys(u)) {
        if (!known.has(k))
          errors.push({
            value: u[k],
            context: [...c, { key: k, type: t.never, actual: u[k] }],
            message: unknownField(k, known),
          })
      }
      for (const k of Object.keys(required)) {
        if (!Object.hasOwn(u, k) || u[k] === undefined)
          errors.push({
            value: undefined,
            context: [...c, { key: k, type: required[k]!, actual: undefined }],
            message: 'is required',
          })
      }
      const out = fields(u, (k, codec, v) => {
        const r = codec.validate(v, t.appendContext(c, k, codec, v))
        if (isLeft(r)) errors.push(...r.left)
        else return r.right
      })
      return errors.length > 0 ? t.failures(errors) : t.success(out as Decoded<R> & Partial<Decoded<O>>)
    },
    (a) => fields(a, (_k, codec, v) => codec.encode(v)) as Encoded<R> & Partial<Encoded<O>>,
  )
  return shaped(codec, { tag: 'closed', required, optional })
}
