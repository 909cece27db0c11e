import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readCsvVersions } from '../../src/import/read/versions.js'
import type { Snapshot } from '../../src/import/snapshot.js'
import { type Event, importSnapshotsOrThrow, stateAtOrThrow, toJSON } from '../../src/index.js'
import { cli } from '../support/cli.js'

// An effective-dated export as SAP OM (BEGDA/ENDDA) or Workday give it: a row per version.
const table = [
  'unit,parent,name,kind,head,from,to',
  'group,,Group,company,ceo,2020-01-01,9999-12-31',
  'ops,group,Operations,department,,2020-01-01,2021-06-30',
  'ops,group,Operations & Supply,division,,2021-07-01,',
  'west,ops,West,,,2020-01-01,2021-12-31',
  'labs,group,Labs,,,2021-03-15,',
].join('\r\n')

const snapshots = () => readCsvVersions(table, 'hr-units.csv') as Snapshot[]
const history = (): Event[] => importSnapshotsOrThrow(snapshots()).events as Event[]
const unitsOn = (day: string) =>
  toJSON(stateAtOrThrow(history(), day)).units.map((u) => `${u.id}:${JSON.stringify(u.name)}:${u.kind}`)

describe('effective-dated tables (--versions)', () => {
  it('reads one snapshot per day on which a version starts or ends', () => {
    expect(snapshots().map((s) => `${s.date} ${s.units.map((u) => u.id).join(',')}`)).toEqual([
      '2020-01-01 group,ops,west',
      '2021-03-15 group,ops,west,labs',
      '2021-07-01 group,ops,west,labs',
      '2022-01-01 group,ops,labs',
    ])
  })

  it('makes each change take effect on its exact date', () => {
    expect(unitsOn('2021-06-30')).toContain('ops:"Operations":department')
    expect(unitsOn('2021-07-01')).toContain('ops:"Operations & Supply":division')
    expect(unitsOn('2021-03-14').some((u) => u.startsWith('labs:'))).toBe(false)
    expect(unitsOn('2021-03-15').some((u) => u.startsWith('labs:'))).toBe(true)
  })

  it('dissolves a unit the day after its last version ends', () => {
    const gone = history().find((e) => e.type === 'UnitDissolved')
    expect(gone).toMatchObject({ effective: '2022-01-01', data: { unit: 'west' } })
    expect(toJSON(stateAtOrThrow(history(), '2022-01-01')).ended.map((u) => u.id)).toEqual(['west'])
  })

  it('reports overlapping versions, bad dates and a missing column with their lines', () => {
    const bad = [
      'unit,parent,name,from,to',
      'a,,A,2020-01-01,2020-12-31',
      'a,,A2,2020-06-01,',
      'b,,B,2020-02-30,',
      'c,,C,2021-01-01,2020-01-01',
    ].join('\n')
    expect(
      (readCsvVersions(bad, 'v.csv') as { message: string; origin: { line: number } }[]).map(
        (e) => `${e.origin.line}: ${e.message}`,
      ),
    ).toEqual([
      "4: from '2020-02-30' is not a date; use YYYY-MM-DD",
      '5: to 2020-01-01 is before from 2021-01-01; swap them',
      "3: this version of 'a' starts on 2020-06-01, while the one of line 2 is still valid; end that one the day before",
    ])
    expect(readCsvVersions('unit,parent,name\na,,A', 'v.csv')).toMatchObject([
      { origin: { file: 'v.csv', line: 1 }, message: 'missing column from; the header has unit, parent, name' },
    ])
  })

  it('imports with org-history import --versions and writes nothing on an error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'versions-'))
    const [good, bad, out] = [join(dir, 'hr-units.csv'), join(dir, 'bad.csv'), join(dir, 'h.ndjson')]
    writeFileSync(good, table)
    const r = await cli('import', good, '--versions', '--out', out)
    expect(r.status).toBe(0)
    expect(
      readFileSync(out, 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).effective),
    ).toContain('2022-01-01')
    writeFileSync(bad, 'unit,parent,name,from\na,,A,someday\n')
    const failed = await cli('import', bad, '--versions', '--out', join(dir, 'none.ndjson'))
    expect(failed.status).toBe(1)
    expect(failed.err).toContain(`${bad}:2: from 'someday' is not a date`)
    expect(() => readFileSync(join(dir, 'none.ndjson'))).toThrow()
  })
})
