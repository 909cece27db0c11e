import { describe, expect, it } from 'vitest'
import { readHistoryOrThrow } from '../src/node.js'
import { diffBetweenOrThrow, stateAtOrThrow, unit } from '../src/index.js'

describe('the seed history', () => {
  it('replays to the org after the 2022-01 reorganization', () => {
    const history = readHistoryOrThrow(['events'])
    const after = stateAtOrThrow(history, '2022-01-06')
    expect(unit(after, 'taobao-tmall')?.parent).toBe('china-digital-commerce')
    expect(diffBetweenOrThrow(history, '2021-12-31', '2022-01-06').changes.length).toBeGreaterThan(0)
  })
})
