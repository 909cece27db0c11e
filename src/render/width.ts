/** East Asian wide and fullwidth ranges (Unicode 15, UAX #11), as [first, last] code points. */
const WIDE: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f],
  [0x231a, 0x231b],
  [0x2329, 0x232a],
  [0x23e9, 0x23ec],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xa960, 0xa97f],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe10, 0xfe19],
  [0xfe30, 0xfe6f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x16fe0, 0x18d08],
  [0x1b000, 0x1b2ff],
  [0x1f300, 0x1f64f],
  [0x1f680, 0x1f6ff],
  [0x1f900, 0x1f9ff],
  [0x1fa70, 0x1faff],
  [0x20000, 0x3fffd],
]

const ZERO = /^[\p{Mn}\p{Me}\p{Cf}]$/u
const PICTOGRAPHIC = /^\p{Extended_Pictographic}$/u

function isWide(cp: number): boolean {
  let lo = 0
  let hi = WIDE.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1
    const [first, last] = WIDE[mid]!
    if (cp < first) hi = mid - 1
    else if (cp > last) lo = mid + 1
    else return true
  }
  return false
}

/**
 * The number of terminal columns a text takes: CJK and emoji take two, combining marks and
 * zero-width characters none, control characters none.
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
    else width += isWide(cp) || (cp >= 0x1f000 && PICTOGRAPHIC.test(ch)) ? 2 : 1
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
