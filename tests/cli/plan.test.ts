import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cli } from '../support/cli.js'

const dir = mkdtempSync(join(tmpdir(), 'org-history-plan-'))
const file = (name: string, events: object[]) => {
  const path = join(dir, name)
  writeFileSync(path, `${events.map((e) => JSON.stringify(e)).join('\n')}\n`)
  return path
}

const recorded = '2022-01-05T00:00:00Z'
const fact = file('fact.ndjson', [
  { id: 'g', type: 'UnitCreated', effective: '2020', data: { unit: 'g', name: 'G' } },
  { id: 'a', type: 'UnitCreated', effective: '2020', data: { unit: 'a', name: 'A', parent: 'g' } },
  { id: 'b', type: 'UnitCreated', effective: '2020', data: { unit: 'b', name: 'B', parent: 'g' } },
  { id: 'c', type: 'UnitCreated', effective: '2020', data: { unit: 'c', name: 'C', parent: 'g' } },
  { id: 'f-a-renamed', type: 'UnitRenamed', effective: '2022-01-10', recorded, data: { unit: 'a', name: 'A2' } },
  {
    id: 'f-b-merged',
    type: 'UnitMerged',
    effective: '2022-01-10',
    recorded,
    data: { units: ['b'], into: 'bb', name: 'BB' },
  },
  { id: 'f-c-head', type: 'LeaderAssigned', effective: '2022-01-10', recorded, data: { unit: 'c', person: 'p1' } },
])
const overlap = { id: 'p-overlap', type: 'UnitRenamed', effective: '2022-02-01', data: { unit: 'a', name: 'A-plan' } }
const invalid = { id: 'p-invalid', type: 'UnitRenamed', effective: '2022-02-01', data: { unit: 'b', name: 'B-plan' } }
const applied = { id: 'p-applied', type: 'LeaderAssigned', effective: '2022-02-01', data: { unit: 'c', person: 'p1' } }
const child = {
  id: 'p-child',
  type: 'UnitCreated',
  effective: '2022-02-01',
  data: { unit: 'n', name: 'N', parent: 'c' },
}
const broken = file('broken.ndjson', [overlap, invalid])
const good = file('good.ndjson', [overlap, applied, child])

describe('--plan', () => {
  it('names the plan event and the fact that broke it, each with file:line, once, and exits 1', async () => {
    const r = await cli('validate', fact, '--plan', broken)
    expect(r.status).toBe(1)
    expect(r.out).toBe('')
    expect(r.err.split('\n')).toEqual([
      `${broken}:2: UnitRenamed 'b' (event 'p-invalid'): unit 'b' ended (merged) on 2022-01-10, by fact UnitMerged 'f-b-merged' (${fact}:6); refer to its successor or date the event earlier, or drop the plan event`,
      '1 error',
    ])
  })

  it('validates a history with a plan that fits it', async () => {
    const r = await cli('validate', fact, '--plan', good)
    expect([r.status, r.out]).toEqual([0, 'valid: 7 events and 3 plan events'])
  })

  it('shows the org under the plan with at, diff and log; without --plan the fact alone', async () => {
    const planned = await cli('at', '2022-03', fact, '--plan', good, '--json')
    const units = JSON.parse(planned.out).units.map((u: { id: string; name: string }) => `${u.id} ${u.name}`)
    expect(units).toEqual(['g G', 'a A-plan', 'bb BB', 'c C', 'n N'])
    const plain = await cli('at', '2022-03', fact, '--json')
    expect(JSON.parse(plain.out).units.map((u: { id: string }) => u.id)).toEqual(['g', 'a', 'bb', 'c'])
    const d = await cli('diff', '2022-01', '2022-02', fact, '--plan', good, '--json')
    expect(JSON.parse(d.out).events).toEqual(['p-overlap', 'p-applied', 'p-child'])
    const log = await cli('log', fact, '--plan', good, '--since', '2022-02', '--json')
    expect(JSON.parse(log.out).events.map((e: { id: string }) => e.id)).toEqual(['p-overlap', 'p-applied', 'p-child'])
  })

  it('reads two plans in the order given', async () => {
    const second = file('second.ndjson', [
      { id: 'q', type: 'UnitRenamed', effective: '2022-02-01', data: { unit: 'a', name: 'A-second' } },
    ])
    const r = await cli('at', '2022-03', fact, '--plan', good, '--plan', second, '--json')
    expect(JSON.parse(r.out).units[1].name).toBe('A-second')
  })
})

describe('validate --plan --base', () => {
  it('warns of an overlap and notes what is already applied on stderr, and exits 0', async () => {
    const r = await cli('validate', fact, '--plan', good, '--base', '2021-12-01')
    expect(r.status).toBe(0)
    expect(r.err.split('\n')).toEqual([
      `${good}:1: warning: UnitRenamed 'a' (event 'p-overlap'): UnitRenamed 'f-a-renamed' (${fact}:5), recorded after the plan was drafted, also changes the name of 'a'; check that the plan still says what you mean`,
      `${good}:2: note: LeaderAssigned 'c' (event 'p-applied'): already applied by LeaderAssigned 'f-c-head' (${fact}:7); it can be dropped from the plan`,
    ])
    expect(r.out).toBe(
      'valid: 7 events and 3 plan events; 0 errors, 1 warning, 1 note against the facts recorded after 2021-12-01',
    )
  })

  it('reports a plan event that no longer applies as an error, and exits 1', async () => {
    const r = await cli('validate', fact, '--plan', broken, '--base', '2021-12-01')
    expect(r.status).toBe(1)
    expect(r.err.split('\n')).toEqual([
      expect.stringMatching(
        new RegExp(
          `^${broken}:2: UnitRenamed 'b' \\(event 'p-invalid'\\): .* by fact UnitMerged 'f-b-merged' \\(${fact}:6\\)`,
        ),
      ),
      expect.stringMatching(/^.*:1: warning: UnitRenamed 'a'/),
      '1 error, 1 warning, 0 notes against the facts recorded after 2021-12-01',
    ])
  })

  it('says nothing of facts recorded before the plan was drafted', async () => {
    const r = await cli('validate', fact, '--plan', good, '--base', '2022-01-06')
    expect([r.status, r.err]).toEqual([0, ''])
  })

  it('needs --plan for --base', async () => {
    const r = await cli('validate', fact, '--base', '2021-12-01')
    expect([r.status, r.err]).toEqual([2, 'org-history: --base needs --plan: the plan drafted at that time'])
  })
})

describe('compare', () => {
  it('lists what the plan would still change, then each plan event’s status with counts', async () => {
    const r = await cli('compare', '2022-02-01', fact, '--plan', good)
    expect(r.status).toBe(0)
    expect(r.out).toContain('Units added\n  + N [n] under C\n')
    expect(r.out).toContain('Units renamed\n  ~ [a] A2 → A-plan')
    expect(r.out).toContain(`Plan events on 2022-02-01: 1 realized, 1 diverged, 1 missed`)
  })

  it('gives JSON with at, left, right, changes and plan', async () => {
    const r = await cli('compare', '2022-02-01', fact, '--plan', good, '--json')
    const json = JSON.parse(r.out)
    expect(Object.keys(json)).toEqual(['at', 'left', 'right', 'changes', 'plan'])
    expect([json.at, json.left, json.right]).toEqual(['2022-02-01', 'fact', good])
    expect(json.plan).toEqual([
      { event: 'p-overlap', status: 'diverged', by: 'f-a-renamed' },
      { event: 'p-applied', status: 'realized' },
      { event: 'p-child', status: 'missed' },
    ])
  })

  it('compares two plans without statuses, units only in the first removed', async () => {
    const other = file('other.ndjson', [overlap])
    const r = await cli('compare', '2022-02-01', fact, '--plan', good, '--plan', other, '--json')
    const json = JSON.parse(r.out)
    expect([json.left, json.right, json.plan]).toEqual([good, other, undefined])
    expect(json.changes).toEqual([{ kind: 'unit-removed', unit: 'n' }])
  })

  it('writes Markdown with a table of statuses', async () => {
    const r = await cli('compare', '2022-02-01', fact, '--plan', good, '--format', 'markdown')
    expect(r.out).toContain("| diverged | `p-overlap` | UnitRenamed 'a' | `f-a-renamed` |")
  })

  it('needs one plan or two', async () => {
    const r = await cli('compare', '2022-02-01', fact)
    expect([r.status, r.err]).toEqual([
      2,
      'org-history: compare needs one plan (--plan A) or two (--plan A --plan B), got 0',
    ])
  })
})

it('keeps the fixture files readable', () => {
  expect(readFileSync(fact, 'utf8').split('\n').length).toBe(8)
})
