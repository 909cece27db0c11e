import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cli } from '../support/cli.js'

const fixtures = 'tests/fixtures/import'
const f = (name: string) => join(fixtures, name)

describe('org-history import', () => {
  it('reads CSV with a BOM, CRLF, quoted commas and newlines, language columns and empty parents', async () => {
    const r = await cli('import', f('org-2024-01-31.csv'))
    expect(r.status).toBe(0)
    const events = r.out.split('\n').map((l) => JSON.parse(l))
    const created = events.filter((e) => e.type === 'UnitCreated').map((e) => e.data)
    expect(created.find((d) => d.unit === 'acme')).toEqual({
      unit: 'acme',
      name: { en: 'Acme', 'zh-Hant': '艾克米' },
      kind: 'company',
    })
    expect(created.find((d) => d.unit === 'ops-west').name.en).toBe('Ops, West')
    expect(created.find((d) => d.unit === 'lab').name.en).toBe('Research\nLab')
  })

  it('infers a merge from people files and writes the history and the review', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'import-'))
    const [out, review] = [join(dir, 'h.ndjson'), join(dir, 'review.md')]
    const args = [
      f('org-2024-01-31.csv'),
      f('org-2024-02-29.csv'),
      '--people',
      f('people-2024-01-31.csv'),
      '--people',
      f('people-2024-02-29.csv'),
    ]
    const r = await cli('import', ...args, '--out', out, '--review', review)
    expect(r.status).toBe(0)
    expect(readFileSync(out, 'utf8')).toContain('"rule":"merge","confidence":0.833')
    expect(readFileSync(review, 'utf8')).toContain('3 of 3 members of ops-west are now in ops-all')
    expect((await cli('validate', out)).status).toBe(0)
  })

  it('takes CJK ids and a date from --date', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'import-'))
    const file = join(dir, 'org.csv')
    writeFileSync(file, 'unit,parent,name\n阿里,,阿里巴巴\n淘寶,阿里,淘寶\n')
    const r = await cli('import', file, '--date', '2022-01-06')
    expect(r.status).toBe(0)
    expect(r.out).toContain('"unit":"淘寶","name":"淘寶","parent":"阿里"')
  })

  it('reports a bad snapshot as file:line, exits 1 and writes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'import-'))
    const file = join(dir, 'org-2024-01-31.csv')
    writeFileSync(file, 'unit,parent,name\na,,A\nb,zz,B\na,,A again\n')
    const out = join(dir, 'h.ndjson')
    const r = await cli('import', file, '--out', out, '--review', join(dir, 'r.md'))
    expect(r.status).toBe(1)
    expect(r.err).toBe(
      [
        `${file}:4: duplicate unit 'a' (first at line 2); each unit is one row`,
        `${file}:3: unit 'b' has parent 'zz', which is not a unit of this snapshot; add it or leave the parent empty for a root`,
        '2 errors; nothing written',
      ].join('\n'),
    )
    expect(existsSync(out)).toBe(false)
    expect(existsSync(join(dir, 'r.md'))).toBe(false)
  })

  it('reports a missing column and a missing date', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'import-'))
    const file = join(dir, 'org.csv')
    writeFileSync(file, 'unit,name\na,A\n')
    expect((await cli('import', file)).err).toContain(`${file}:1: missing column parent; the header has unit, name`)
    writeFileSync(file, 'unit,parent,name\na,,A\n')
    expect((await cli('import', file)).err).toContain(
      `${file}:1: no date: add a date column, give --date, or put YYYY-MM-DD in the file name`,
    )
  })
})
