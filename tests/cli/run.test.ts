import { spawnSync } from 'node:child_process'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cli } from '../support/cli.js'

const seed = 'events/alibaba-2021-2022.ndjson'

describe('org-history validate', () => {
  it('says a valid history is valid and exits 0', async () => {
    expect(await cli('validate', seed)).toMatchObject({ status: 0, out: 'valid: 62 events, up to 2022-01-06', err: '' })
  })

  it('lists every error as file:line: message and exits 1', async () => {
    const r = await cli('validate', 'tests/fixtures/invalid-rules.ndjson')
    expect(r.status).toBe(1)
    expect(r.err.split('\n')).toEqual([
      expect.stringMatching(/^tests\/fixtures\/invalid-rules\.ndjson:4: UnitMoved 'lazada'/),
      expect.stringMatching(/^tests\/fixtures\/invalid-rules\.ndjson:5: UnitMoved 'group'/),
      '2 errors',
    ])
  })

  it('reads a directory', async () => {
    expect((await cli('validate', 'events')).status).toBe(0)
  })
})

describe('org-history at', () => {
  it('draws the org as a tree by default', async () => {
    const r = await cli('at', '2022-01-06', seed)
    expect(r.status).toBe(0)
    expect(r.out).toContain('│   ├── 大淘寶 (Taobao & Tmall) [taobao-tmall]  head: 戴珊, CTO: 魯肅, CCO/CRO: 師太')
  })

  it('prints the JSON shape with --format json and --json', async () => {
    const json = JSON.parse((await cli('at', '2022-01-06', seed, '--format', 'json')).out)
    expect(Object.keys(json)).toEqual(['at', 'knownAt', 'units', 'people', 'ended'])
    expect(json.at).toBe('2022-01-06')
    expect((await cli('at', '2022-01-06', seed, '--json')).out).toBe(
      (await cli('at', '2022-01-06', seed, '--format', 'json')).out,
    )
  })

  it('shows names in the language asked for', async () => {
    expect((await cli('at', '2022-01-06', seed, '--lang', 'en')).out).toContain(
      'Taobao & Tmall [taobao-tmall]  head: Trudy Dai',
    )
  })

  it('takes --known-at', async () => {
    expect(JSON.parse((await cli('at', '2022-01-06', seed, '--json', '--known-at', '2022-01-07')).out).knownAt).toBe(
      '2022-01-07',
    )
  })
})

describe('org-history diff', () => {
  it('prints the changes grouped by kind', async () => {
    const r = await cli('diff', '2021-12-31', '2022-01-06', seed)
    expect(r.status).toBe(0)
    expect(r.out.split('\n')[0]).toBe('2021-12-31 → 2022-01-06: 35 changes, 31 events')
    expect(r.out).toContain('  - 淘寶 (Taobao) [taobao] merged into 大淘寶 (Taobao & Tmall)')
  })

  it('prints the JSON shape with --json', async () => {
    const json = JSON.parse((await cli('diff', '2021-12-31', '2022-01-06', seed, '--json')).out)
    expect(Object.keys(json)).toEqual(['from', 'to', 'changes', 'events'])
    expect(json.changes).toHaveLength(35)
  })

  it('says there is nothing to show between a date and itself', async () => {
    expect((await cli('diff', '2022-01-06', '2022-01-06', seed)).out).toBe(
      '2022-01-06 → 2022-01-06: 0 changes, 0 events\n(no changes)',
    )
  })
})

describe('bad usage', () => {
  const usage = async (...argv: string[]) => {
    const r = await cli(...argv)
    expect(r.status).toBe(2)
    expect(r.err.split('\n')).toHaveLength(1)
    return r.err
  }

  it('rejects an unknown command', async () => {
    expect(await usage('bogus', seed)).toMatch(
      /^org-history: unknown command 'bogus'; expected one of validate, at, diff, /,
    )
  })

  it('rejects an unknown flag', async () => {
    expect(await usage('at', '2022', seed, '--colour')).toMatch(/^org-history: Unknown option '--colour'/)
  })

  it('rejects a date that does not parse', async () => {
    expect(await usage('at', '2022-02-30', seed)).toBe(
      "org-history: date '2022-02-30' is not a date (use YYYY, YYYY-MM, YYYY-MM-DD or an RFC 3339 date-time with Z or an offset)",
    )
  })

  it('rejects a missing file', async () => {
    expect(await usage('validate', 'events/nope.ndjson')).toBe(
      'org-history: no such file or directory: events/nope.ndjson',
    )
  })

  it('rejects a format the command does not have', async () => {
    expect(await usage('diff', '2021', '2022', seed, '--format', 'tree')).toBe(
      "org-history: diff has no format 'tree'; expected one of text, json, markdown, patch",
    )
  })

  it('rejects missing arguments', async () => {
    expect(await usage('diff', '2021', seed)).toMatch(/^org-history: (missing arguments|second date)/)
  })

  it('prints help with --help and exits 0', async () => {
    expect(await cli('--help')).toMatchObject({ status: 0 })
    expect((await cli('at', '--help')).out).toMatch(/^Usage: org-history at <date>/)
  })
})

describe('the org-history process', () => {
  const main = resolve(import.meta.dirname, '../../src/cli/main.ts')
  const spawn = (...argv: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', main, ...argv], {
      encoding: 'utf8',
      cwd: resolve(import.meta.dirname, '../..'),
    })

  it('exits 0, 1 and 2 as DESIGN §5 says, with no stack trace', async () => {
    expect(spawn('validate', seed).status).toBe(0)
    const invalid = spawn('validate', 'tests/fixtures/invalid-fields.ndjson')
    expect(invalid.status).toBe(1)
    expect(invalid.stderr).not.toMatch(/\n\s+at /)
    const usage = spawn('at', 'not-a-date', seed)
    expect(usage.status).toBe(2)
    expect(usage.stderr).not.toMatch(/\n\s+at /)
  })
})
