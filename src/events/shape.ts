import type * as t from 'io-ts'

/** A JSON Schema object (draft 2020-12), as the schema generator writes it. @since 0.2.0 */
export type JsonSchema = { readonly [keyword: string]: unknown }

/**
 * What a codec built by this library's combinators looks like, for the schema generator to walk:
 * io-ts's own combinators carry a `_tag` and their parts; these carry a shape.
 */
export type Shape =
  /** A leaf: its JSON Schema is given where the codec is defined (its guard is a function). */
  | { readonly tag: 'leaf'; readonly schema: JsonSchema }
  /** An object with required and optional fields and no others. */
  | { readonly tag: 'closed'; readonly required: t.Props; readonly optional: t.Props }
  | { readonly tag: 'nullable'; readonly of: t.Mixed }
  | { readonly tag: 'array'; readonly of: t.Mixed; readonly minItems: number }
  /** A value or a non-empty list of them. */
  | { readonly tag: 'oneOrMany'; readonly of: t.Mixed }
  /** An object of any keys whose values all have one codec. */
  | { readonly tag: 'record'; readonly of: t.Mixed }
  /** An event: its wire codec (a closed object) and the fields decoding also takes. */
  | { readonly tag: 'event'; readonly wire: t.Mixed; readonly extra: t.Props }

const shapes = new WeakMap<object, Shape>()

/** Records the shape of a codec and returns the codec. */
export function shaped<C extends t.Any>(codec: C, shape: Shape): C {
  shapes.set(codec, shape)
  return codec
}

/** The shape recorded for a codec, if one was. */
export function shapeOf(codec: t.Any): Shape | undefined {
  return shapes.get(codec)
}
