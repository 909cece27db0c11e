import { describe, expect, it } from 'vitest'
import { cli } from '../support/cli.js'

describe('org-history sql', () => {
  it('prints one transaction that replaces the schema, with the rows of the history', async () => {
    const { status, out, err } = await cli('sql', 'events/')
    expect(err).toBe('')
    expect(status).toBe(0)
    const lines = out.split('\n')
    expect(lines.filter((l) => l === 'BEGIN;' || l === 'COMMIT;')).toEqual(['BEGIN;', 'COMMIT;'])
    expect(out).toContain('DROP SCHEMA IF EXISTS "org_history" CASCADE;')
    expect(lines).toContain('taobao-tmall\tdai-shan\thead\t\\N\tf\t2022-01-06\t[2022-01-06T00:00:00.000Z,)\t(,)')
  })

  it('fills the schema given with --schema, quoted', async () => {
    const { status, out } = await cli('sql', 'events/', '--schema', 'a "b"')
    expect(status).toBe(0)
    expect(out).toContain('CREATE SCHEMA "a ""b""";')
    expect(out).not.toContain('"org_history"')
  })

  it('refuses an empty --schema as a usage error', async () => {
    const { status, err } = await cli('sql', 'events/', '--schema', '')
    expect(status).toBe(2)
    expect(err).toMatchInlineSnapshot(
      `"org-history: --schema expects a non-empty schema name; see 'org-history sql --help'"`,
    )
  })

  it('reports an invalid history and prints no script', async () => {
    const { status, out, err } = await cli('sql', 'tests/fixtures/invalid-rules.ndjson')
    expect(status).toBe(1)
    expect(out).toBe('')
    expect(err).toContain('tests/fixtures/invalid-rules.ndjson:')
  })
})
