// The JSON Schema compiled once with ajv (2020-12 dialect), and the decoder's verdict beside it.
import Ajv2020 from 'ajv/dist/2020.js'
import { isLeft } from 'fp-ts/lib/Either.js'
import { type DecodeError, decodeEvent, eventJsonSchema } from '../../src/index.js'

const ajv = new Ajv2020({ allErrors: true })

/** The compiled schema: true when the value is an event by the schema. */
export const validates = ajv.compile(eventJsonSchema())

/** The decoder's errors, or `[]` when the value decodes. */
export function decodeErrors(u: unknown): readonly DecodeError[] {
  const r = decodeEvent(u)
  return isLeft(r) ? r.left : []
}

const DATE_ERROR = /^expected (a date|an RFC 3339 date-time)/

/**
 * The one case the schema's descriptions name where it accepts what decoding rejects and that a
 * JSON value can show: a date of the right form that is not on the calendar (2022-02-30). Returns
 * whether every decode error is that.
 */
export function onlyCalendarErrors(errors: readonly DecodeError[]): boolean {
  return errors.length > 0 && errors.every((e) => DATE_ERROR.test(e.message))
}
