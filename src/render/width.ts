import { eastAsianWidth } from 'get-east-asian-width'

const ZERO = /^[\p{Mn}\p{Me}\p{Cf}]$/u

/**
 * The number of terminal columns a text takes: wide and fullwidth characters (CJK, most emoji:
 * Unicode's East Asian Width, read from a maintained table) take two, ambiguous ones one,
 * combining marks and zero-width characters none, control characters none.
 * @param text plain text (no ANSI escapes)
 * @returns its width in columns
 * @example
 * displayWidth('大淘寶 Taobao') // 13
 * @since 0.1.0
 */
export function displayWidth(text: string): number {
  let width = 0
  for (const ch of text) {
    const cp = ch.codePointAt(0)!
    if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) continue
    if (cp < 0x300) width += 1
    else if (ZERO.test(ch)) continue
    else width += eastAsianWidth(cp)
  }
  return width
}

/**
 * Pads a text with spaces on the right to a width in terminal columns (see {@link displayWidth}).
 * @param text plain text
 * @param width the columns it should take
 * @returns the text, padded when narrower
 * @example
 * padColumns('淘寶', 6) // '淘寶  '
 * @since 0.1.0
 */
export function padColumns(text: string, width: number): string {
  const w = displayWidth(text)
  return w >= width ? text : text + ' '.repeat(width - w)
}
