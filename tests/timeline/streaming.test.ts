import { spawnSync } from 'node:child_process'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

describe('replaySteps', () => {
  it('keeps memory flat over a 200,000-event replay', () => {
    const child = spawnSync(
      process.execPath,
      ['--expose-gc', '--import', 'tsx', resolve(import.meta.dirname, 'streaming-child.ts')],
      {
        encoding: 'utf8',
        cwd: resolve(import.meta.dirname, '../..'),
      },
    )
    expect(child.stderr).toBe('')
    const { steps, samples } = JSON.parse(child.stdout) as { steps: number; samples: number[] }
    expect(steps).toBe(200_000)
    // Each step's state shares all but a few nodes with the one before; keeping them all would
    // hold well over 100 MB. The heap between the first and the last sample grows by the name
    // history of the units (every rename adds one entry), a few MB at most.
    const growth = samples[samples.length - 1]! - samples[0]!
    expect(growth).toBeLessThan(40 * 1024 * 1024)
  })
})
