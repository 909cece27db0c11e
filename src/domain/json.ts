import type { Json } from './state.js'

/**
 * Deep equality of two JSON values (object key order does not matter).
 * @since 0.1.0
 */
export function jsonEqual(a: Json | undefined, b: Json | undefined): boolean {
  if (a === b) return true
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false
    return a.every((v, i) => jsonEqual(v, b[i]))
  }
  const ka = Object.keys(a)
  const ob = b as { readonly [key: string]: Json }
  const oa = a as { readonly [key: string]: Json }
  return ka.length === Object.keys(ob).length && ka.every((k) => Object.hasOwn(ob, k) && jsonEqual(oa[k], ob[k]))
}
