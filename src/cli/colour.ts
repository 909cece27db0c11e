import { styleText } from 'node:util'

/**
 * A way to style a piece of text for the terminal: ANSI colours, or nothing.
 * @example
 * const p = paletteFor({ isTTY: process.stdout.isTTY === true, env: process.env })
 * console.log(p.bold('Units added'))
 * @since 0.1.0
 */
export interface Palette {
  /** Headings. */
  readonly bold: (text: string) => string
  /** Ids, guides, metadata. */
  readonly dim: (text: string) => string
  /** Dates. */
  readonly date: (text: string) => string
  /** Things that begin: units added, leaders assigned. */
  readonly added: (text: string) => string
  /** Things that end: units merged, split or dissolved, leaders removed. */
  readonly removed: (text: string) => string
  /** Things that change in place: renames, moves, attributes. */
  readonly changed: (text: string) => string
  /** Event types and other labels. */
  readonly label: (text: string) => string
}

type Format = Parameters<typeof styleText>[0]

/**
 * Node's own ANSI styles. Whether to colour at all is decided once, by {@link useColour} (a flag,
 * `NO_COLOR`, `FORCE_COLOR`, the terminal), so Node is told not to decide again from the stream.
 */
const style =
  (format: Format) =>
  (text: string): string =>
    text === '' ? text : styleText(format, text, { validateStream: false })

const same = (text: string): string => text

/**
 * The palette without colour: every style returns its text unchanged.
 * @example
 * PLAIN.bold('Units added') // 'Units added'
 * @since 0.1.0
 */
export const PLAIN: Palette = {
  bold: same,
  dim: same,
  date: same,
  added: same,
  removed: same,
  changed: same,
  label: same,
}

/**
 * The ANSI palette (16 basic colours, readable on dark and light backgrounds).
 * @example
 * ANSI.added('+ 大淘寶') // '\u001b[32m+ 大淘寶\u001b[39m'
 * @since 0.1.0
 */
export const ANSI: Palette = {
  bold: style('bold'),
  dim: style('dim'),
  date: style('cyan'),
  added: style('green'),
  removed: style('red'),
  changed: style('yellow'),
  label: style('magenta'),
}

/**
 * What decides whether to colour: is the output a terminal, and the environment.
 * @example
 * const setting: ColourSetting = { isTTY: process.stdout.isTTY === true, env: process.env }
 * @since 0.1.0
 */
export interface ColourSetting {
  readonly isTTY: boolean
  readonly env: Readonly<Record<string, string | undefined>>
}

/**
 * Whether to colour output, as Node itself decides: `FORCE_COLOR` (set and not `0`/`false`) turns
 * colour on, then a non-empty `NO_COLOR` (https://no-color.org) or `TERM=dumb` turns it off, and
 * otherwise only a terminal gets colour.
 * @param setting whether stdout is a TTY, and the environment
 * @returns true when ANSI colours should be written
 * @example
 * useColour({ isTTY: true, env: { NO_COLOR: '1' } }) // false
 * @since 0.1.0
 */
export function useColour({ isTTY, env }: ColourSetting): boolean {
  const force = env.FORCE_COLOR
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false'
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false
  if (env.TERM === 'dumb') return false
  return isTTY
}

/**
 * The palette for a setting: {@link ANSI} when {@link useColour} says so, {@link PLAIN} otherwise.
 * @param setting whether stdout is a TTY, and the environment
 * @returns the palette to style output with
 * @example
 * paletteFor({ isTTY: false, env: {} }) === PLAIN // true
 * @since 0.1.0
 */
export function paletteFor(setting: ColourSetting): Palette {
  return useColour(setting) ? ANSI : PLAIN
}

/**
 * Colours the text of `org-history diff`: headings bold, `+` lines green, `-` lines red, other
 * change lines yellow. Line-based, so it never looks inside names.
 * @param text the output of `renderDiff`
 * @param palette the styles to use
 * @returns the same text with styles
 * @example
 * colourDiff('Units added\n  + 大淘寶', ANSI)
 * @since 0.1.0
 */
export function colourDiff(text: string, palette: Palette): string {
  if (palette === PLAIN) return text
  return text
    .split('\n')
    .map((line, i) => {
      if (i === 0) return palette.bold(line)
      if (line !== '' && !line.startsWith(' ')) return palette.bold(line)
      if (line.startsWith('  + ')) return palette.added(line)
      if (line.startsWith('  - ')) return palette.removed(line)
      return line.startsWith('  ') ? palette.changed(line) : line
    })
    .join('\n')
}

const GUIDES = /^[│├└─ ]+/

/**
 * Colours the text of `org-history at`: the tree's guides dimmed. Only the leading run of box
 * drawing characters is styled, so names are never touched.
 * @param text the output of `renderTree`
 * @param palette the styles to use
 * @returns the same text with styles
 * @example
 * colourTree('A [a]\n└── B [b]', ANSI)
 * @since 0.1.0
 */
export function colourTree(text: string, palette: Palette): string {
  if (palette === PLAIN) return text
  return text
    .split('\n')
    .map((line) => line.replace(GUIDES, (guides) => palette.dim(guides)))
    .join('\n')
}
