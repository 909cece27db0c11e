import { describe, expect, it } from 'vitest'
import { displayWidth, padColumns } from '../../src/index.js'

describe('displayWidth', () => {
  it('counts ASCII as one column each', () => {
    expect(displayWidth('Taobao')).toBe(6)
  })

  it('counts CJK ideographs and fullwidth forms as two', () => {
    expect(displayWidth('大淘寶（天貓）')).toBe(14)
  })

  it('counts emoji as two', () => {
    expect(displayWidth('🚀')).toBe(2)
  })

  it('counts combining marks, zero-width characters and controls as nothing', () => {
    expect(displayWidth('e\u0301\u200b\u0007')).toBe(1)
  })
})

describe('padColumns', () => {
  it('pads to a width in columns', () => {
    expect(padColumns('淘寶', 6)).toBe('淘寶  ')
  })

  it('leaves a text that is already wide enough', () => {
    expect(padColumns('淘寶天貓', 6)).toBe('淘寶天貓')
  })
})
