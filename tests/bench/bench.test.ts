import { spawnSync } from 'node:child_process'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

// The benchmark's figures are not checked here (timings belong in the benchmark, not in tests):
// only that `npm run bench -- --quick --json` runs and prints the fields scripts rely on.
describe('npm run bench -- --quick --json', () => {
  it('prints one JSON object with every field of the benchmark', { timeout: 300_000 }, () => {
    const root = resolve(import.meta.dirname, '../..')
    const run = spawnSync(
      process.execPath,
      ['--expose-gc', '--max-old-space-size=4096', '--import', 'tsx', 'tests/bench/bench.ts', '--quick', '--json'],
      { cwd: root, encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production' } },
    )
    expect(run.status, run.stderr).toBe(0)
    const figures = JSON.parse(run.stdout)
    const fields = {
      history: ['events', 'units'],
      replay: ['ms', 'mutableBaselineMs', 'ratio'],
      evolve: ['usPerEventSmallOrg', 'usPerEventLargeOrg', 'ratio'],
      stateAt: ['buildMs', 'medianMs', 'p99Ms', 'fullReplayMs', 'ratio'],
      diff: ['ms', 'fullReplayMs', 'ratio'],
      memory: ['timelineBytes', 'eventsBytes', 'ratio'],
      naiveImmer: ['usPerEvent', 'ratioToOurs'],
      convert: ['events', 'ndjsonMs', 'stringifyMs', 'ratio', 'yamlMs', 'yamlReadUsPerEvent'],
      plan: ['historyEvents', 'planEvents', 'sharedMs', 'unsharedMs', 'freshTimelineMs', 'ratio'],
      import: ['snapshots', 'units', 'members', 'ms'],
    }
    for (const [group, keys] of Object.entries(fields))
      for (const key of keys) expect(typeof figures[group]?.[key], `${group}.${key}`).toBe('number')
    expect(figures.history).toEqual({ events: 100_000, units: 2_000 })
    const sql = figures.sql
    if (typeof sql?.skipped === 'string') expect(process.env.CI).not.toBe('true')
    else
      for (const key of ['versionsMs', 'loadMs', 'orgOnMs', 'rows'])
        expect(typeof sql?.[key], `sql.${key}`).toBe('number')
    expect(figures.scaling.events).toEqual([10_000, 100_000])
    expect(figures.scaling.msPerEvent.map((x: unknown) => typeof x)).toEqual(['number', 'number'])
    expect(typeof figures.scaling.ratio).toBe('number')
  })
})
