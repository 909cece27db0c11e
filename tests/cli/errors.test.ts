import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cli } from '../support/cli.js'

const seed = 'events/alibaba-2021-2022.ndjson'
const dir = mkdtempSync(join(tmpdir(), 'org-history-errors-'))
const emptyFile = join(dir, 'empty.ndjson')
writeFileSync(emptyFile, '\n\n')
const emptyDir = join(dir, 'nothing')
mkdirSync(emptyDir)
writeFileSync(join(emptyDir, 'notes.txt'), 'not a history')

/** Runs a command that must fail with one line on stderr, no output and exit 2; the line. */
const usage = async (...argv: string[]) => {
  const r = await cli(...argv)
  expect({ status: r.status, out: r.out, lines: r.err.split('\n').length }).toEqual({ status: 2, out: '', lines: 1 })
  return r.err
}

describe('bad input', () => {
  it('rejects an unknown command, naming the commands there are', async () => {
    expect(await usage('logg', seed)).toMatch(
      /^org-history: unknown command 'logg'; expected one of validate, at, diff, log, lineage\b/,
    )
  })

  it('rejects an unknown flag', async () => {
    expect(await usage('log', seed, '--colour')).toMatch(/^org-history: Unknown option '--colour'/)
  })

  it('rejects a missing file', async () => {
    expect(await usage('log', 'events/none.ndjson')).toBe('org-history: no such file or directory: events/none.ndjson')
  })

  it('rejects a date that does not parse, naming the flag', async () => {
    expect(await usage('log', seed, '--until', '2022-02-30')).toMatch(
      /^org-history: --until '2022-02-30' is not a date/,
    )
  })

  it('rejects a unit the history does not have, suggesting the closest ids', async () => {
    expect(await usage('log', seed, '--unit', 'tmal')).toBe(
      "org-history: no unit 'tmal' in the history; did you mean 'tmall'?",
    )
  })

  it('rejects a person the history does not have, suggesting the closest ids', async () => {
    expect(await usage('log', seed, '--person', 'daishan')).toBe(
      "org-history: no person 'daishan' in the history; did you mean 'dai-shan'?",
    )
  })

  it('rejects a reorg the history does not have, suggesting the closest', async () => {
    expect(await usage('log', seed, '--reorg', 'alibaba-2022-1')).toBe(
      "org-history: no reorg 'alibaba-2022-1' in the history; did you mean 'alibaba-2022-01' or 'alibaba-2021-12'?",
    )
  })

  it('rejects a history without events', async () => {
    expect(await usage('validate', emptyFile)).toBe(`org-history: no events in ${emptyFile}: the history is empty`)
  })

  it('rejects a directory without history files', async () => {
    expect(await usage('at', '2022', emptyDir)).toBe(
      `org-history: no history files (.ndjson, .jsonl, .json, .yaml, .yml) in ${emptyDir}`,
    )
  })

  it('asks for the unit of lineage', async () => {
    expect(await usage('lineage')).toBe("org-history: missing <unit>; see 'org-history lineage --help'")
  })

  it('reports an invalid history as file:line errors with exit 1, from every command', async () => {
    for (const argv of [['log'], ['lineage', 'group'], ['at', '2024'], ['diff', '2020', '2024'], ['validate']]) {
      const r = await cli(...argv, 'tests/fixtures/invalid-rules.ndjson')
      expect({ status: r.status, out: r.out, last: r.err.split('\n').at(-1) }).toEqual({
        status: 1,
        out: '',
        last: '2 errors',
      })
    }
  })
})
