import { CHAIN_FIELD } from '../../events/envelope.js'
import { sha256 } from './fs.js'

/**
 * The hash chain of a history file (off by default). A chained line starts with the chain field,
 * `{"chain":"<64 hex>",…}`, whose value is SHA-256 of the previous line's chain value, a newline,
 * and the line without that field. When the line before has no chain value (line 1, or the first
 * chained line of a file that was not chained before), the SHA-256 of all the bytes before the line
 * stands in for it (of nothing, for line 1), so a chain started on an existing file covers it too. Each value depends on every byte before it: editing, inserting or removing
 * a line breaks the chain at that line, and `verify` names it. (Editing the last line is caught
 * too, since its own content is hashed; removing lines at the end is caught only against a head
 * hash kept elsewhere, `verify --head`.)
 */
const PREFIX = `{"${CHAIN_FIELD}":"`
const HASH_LENGTH = 64
const BODY_AT = PREFIX.length + HASH_LENGTH + 2
const HEX = /^[0-9a-f]{64}$/

/** The chain value of a line: SHA-256 (hex) of the previous value, a newline and the line without its chain field. */
export function chainValue(previous: string, body: string): string {
  return sha256(`${previous}\n${body}`)
}

/** A line of JSON (`{…}`) with the chain field in front, and that field's value. */
export function chainLine(previous: string, json: string): { readonly line: string; readonly chain: string } {
  const chain = chainValue(previous, json)
  return { line: `${PREFIX}${chain}",${json.slice(1)}`, chain }
}

/** The chain value and the rest of a line the store chained; `null` for a line without the field in front. */
export function splitChained(text: string): { readonly chain: string; readonly body: string } | null {
  if (!text.startsWith(PREFIX) || text.slice(BODY_AT - 2, BODY_AT) !== '",') return null
  const chain = text.slice(PREFIX.length, PREFIX.length + HASH_LENGTH)
  return HEX.test(chain) ? { chain, body: `{${text.slice(BODY_AT)}` } : null
}

/** The chain value of a line, when it carries one in front (where the store writes it). */
export const chainOf = (text: string): string | null => splitChained(text)?.chain ?? null
