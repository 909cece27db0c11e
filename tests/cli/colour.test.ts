import { describe, expect, it } from 'vitest'
import { ANSI, colourDiff, colourTree, PLAIN, paletteFor, useColour } from '../../src/cli/colour.js'

describe('useColour', () => {
  it('colours a terminal', () => {
    expect(useColour({ isTTY: true, env: {} })).toBe(true)
  })

  it('does not colour a pipe or a file', () => {
    expect(useColour({ isTTY: false, env: {} })).toBe(false)
  })

  it('respects NO_COLOR on a terminal', () => {
    expect(useColour({ isTTY: true, env: { NO_COLOR: '1' } })).toBe(false)
  })

  it('ignores an empty NO_COLOR, as no-color.org says', () => {
    expect(useColour({ isTTY: true, env: { NO_COLOR: '' } })).toBe(true)
  })

  it('does not colour TERM=dumb', () => {
    expect(useColour({ isTTY: true, env: { TERM: 'dumb' } })).toBe(false)
  })

  it('colours a pipe when FORCE_COLOR is set, as Node does', () => {
    expect(useColour({ isTTY: false, env: { FORCE_COLOR: '1' } })).toBe(true)
  })

  it('turns colour off with FORCE_COLOR=0', () => {
    expect(useColour({ isTTY: true, env: { FORCE_COLOR: '0' } })).toBe(false)
  })

  it('gives the plain palette when there is no colour', () => {
    expect(paletteFor({ isTTY: false, env: {} })).toBe(PLAIN)
  })
})

describe('colourDiff', () => {
  const text = '2021 → 2022: 2 changes, 1 event\n\nUnits added\n  + A [a] under G\n  - B [b] merged into A'

  it('leaves the text alone without colour', () => {
    expect(colourDiff(text, PLAIN)).toBe(text)
  })

  it('makes headings bold, additions green and ends red', () => {
    expect(colourDiff(text, ANSI).split('\n')).toEqual([
      '\u001b[1m2021 → 2022: 2 changes, 1 event\u001b[22m',
      '',
      '\u001b[1mUnits added\u001b[22m',
      '\u001b[32m  + A [a] under G\u001b[39m',
      '\u001b[31m  - B [b] merged into A\u001b[39m',
    ])
  })
})

describe('colourTree', () => {
  it('dims only the guides, never the names', () => {
    expect(colourTree('G [g]\n├── │A [a]\n│   └── B [b]', ANSI).split('\n')).toEqual([
      'G [g]',
      '\u001b[2m├── │\u001b[22mA [a]',
      '\u001b[2m│   └── \u001b[22mB [b]',
    ])
  })
})
