import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type Event, unitCreated, unitDissolved, unitMoved, unitRenamed } from '../../src/index.js'
import { cli } from '../support/cli.js'

const group = unitCreated({ unit: 'group', name: 'Group' }, { id: 'c-group', effective: '2020-01-01' })
const renamed = unitRenamed({ unit: 'group', name: 'Group 2' }, { id: 'r-group', effective: '2022-01-01' })
const ndjson = (events: readonly Event[]) => events.map((e) => `${JSON.stringify(e)}\n`).join('')

let dir: string
let history: string
let events: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'org-history-cli-'))
  history = join(dir, 'history.ndjson')
  events = join(dir, 'new.ndjson')
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('org-history append', () => {
  it('appends the events of an events file, stamping recorded, and says how many', async () => {
    writeFileSync(history, ndjson([group]))
    writeFileSync(events, ndjson([renamed]))
    const r = await cli('append', history, events)
    expect(r).toMatchObject({ status: 0, out: `appended 1 event to ${history}: it now has 2 events`, err: '' })
    const line = JSON.parse(readFileSync(history, 'utf8').split('\n')[1]!)
    expect(line).toMatchObject({ id: 'r-group', recorded: expect.stringMatching(/^\d{4}-\d\d-\d\dT[\d:.]+Z$/) })
  })

  describe('re-appending 2,000 events that are already in the history', () => {
    const many = Array.from({ length: 2000 }, (_, i) =>
      unitCreated(
        { unit: `u${i}`, name: `U${i}` },
        { id: `e${i}`, effective: '2020-01-01', recorded: '2020-01-01T00:00:00Z' },
      ),
    )

    it('prints the first 50 errors and the exact count of the others, exits 1 and leaves the file as it was', async () => {
      writeFileSync(history, ndjson(many))
      writeFileSync(events, ndjson(many))
      const before = readFileSync(history)
      const r = await cli('append', history, events)
      const lines = r.err.split('\n')
      expect(r.status).toBe(1)
      expect(lines.length).toBeLessThanOrEqual(52)
      expect(lines.slice(-2)).toEqual(['… and 3,950 more errors (--all to list them)', '4,000 errors'])
      expect(lines[0]).toBe(
        `${events}:1: UnitCreated 'u0' (event 'e0'): event id 'e0' is already used at ${history}:1; give each event its own id`,
      )
      expect(readFileSync(history).equals(before)).toBe(true)
    })

    it('lists every error with --all, none of them blaming an unnamed event', async () => {
      writeFileSync(history, ndjson(many))
      writeFileSync(events, ndjson(many))
      const lines = (await cli('append', history, events, '--all')).err.split('\n')
      expect(lines).toHaveLength(4001)
      expect(lines.filter((l) => l.includes('by ,'))).toEqual([])
      expect(lines[2000]).toBe(
        `${events}:1: UnitCreated 'u0' (event 'e0'): unit 'u0' is already used by a unit (ids are never reused); choose a new id`,
      )
    })
  })

  it('creates the history file when it does not exist yet', async () => {
    writeFileSync(events, ndjson([group, renamed]))
    expect((await cli('append', history, events)).status).toBe(0)
    expect(readFileSync(history, 'utf8').split('\n')).toHaveLength(3)
  })

  it('exits 1 with file:line: message and leaves the file byte for byte when a new event breaks a rule', async () => {
    writeFileSync(history, ndjson([group]))
    const before = readFileSync(history)
    const move = unitMoved({ unit: 'group', parent: 'nowhere' }, { id: 'm-group', effective: '2022-02-01' })
    writeFileSync(events, ndjson([renamed, move]))
    const r = await cli('append', history, events)
    expect(r.status).toBe(1)
    expect(r.err).toBe(
      `${events}:2: UnitMoved 'group' (event 'm-group'): parent 'nowhere' does not exist on 2022-02-01; create it earlier or fix the id\n1 error`,
    )
    expect(readFileSync(history)).toEqual(before)
  })

  it('exits 1 and leaves the file as it was when an events file has a line that is not JSON', async () => {
    writeFileSync(history, ndjson([group]))
    const before = readFileSync(history)
    writeFileSync(events, `${ndjson([renamed])}{"id":\n`)
    const r = await cli('append', history, events)
    expect(r.status).toBe(1)
    expect(r.err).toMatch(new RegExp(`^${events}:2: invalid JSON`))
    expect(readFileSync(history)).toEqual(before)
  })

  it('names the stored event, by its line in the history, that a late event would break', async () => {
    writeFileSync(history, ndjson([group, renamed]))
    writeFileSync(events, ndjson([unitDissolved({ unit: 'group' }, { id: 'd-group', effective: '2021-01-01' })]))
    const r = await cli('append', history, events)
    expect(r.status).toBe(1)
    expect(r.err).toMatch(new RegExp(`^${history}:2: UnitRenamed 'group' \\(event 'r-group'\\): unit 'group' ended`))
  })

  it('refuses with --expect-version when the history has moved on', async () => {
    writeFileSync(history, ndjson([group]))
    writeFileSync(events, ndjson([renamed]))
    const r = await cli('append', history, events, '--expect-version', '0')
    expect(r).toMatchObject({ status: 1, err: expect.stringContaining(`${history}: the history has 1 event, not 0`) })
    expect(readFileSync(history, 'utf8')).toBe(ndjson([group]))
  })

  it('refuses to append after a torn tail, and appends again once repair moved it aside', async () => {
    writeFileSync(history, `${ndjson([group])}{"id":"r-gr`)
    writeFileSync(events, ndjson([renamed]))
    const refused = await cli('append', history, events)
    expect(refused.status).toBe(1)
    expect(refused.err).toBe(
      `${history}:2: the last line is incomplete (11 bytes without a newline that are not JSON: a write was interrupted); they are not part of the history and nothing can be appended after them. Run 'org-history repair ${history}' to move them to a side file`,
    )
    const repaired = await cli('repair', history)
    expect(repaired.status).toBe(0)
    const side = /to (\S+);/.exec(repaired.out)![1]!
    expect(readFileSync(side, 'utf8')).toBe('{"id":"r-gr')
    expect((await cli('append', history, events)).status).toBe(0)
  })

  it('exits 2 on bad usage', async () => {
    expect((await cli('append')).status).toBe(2)
    expect(await cli('append', history)).toMatchObject({
      status: 2,
      err: expect.stringContaining('missing <events-file…>'),
    })
    writeFileSync(events, ndjson([group]))
    expect((await cli('append', history, events, '--expect-version', 'two')).status).toBe(2)
  })
})

describe('org-history verify and repair', () => {
  it('verify reports an intact hash chain with its head, after append --chain', async () => {
    writeFileSync(events, ndjson([group, renamed]))
    await cli('append', history, events, '--chain')
    const r = await cli('verify', history)
    expect(r.status).toBe(0)
    expect(r.out).toMatch(
      new RegExp(`^${history}: 2 events, no torn tail; hash chain intact from line 1 to line 2; head [0-9a-f]{64}$`),
    )
  })

  it('org-history validate accepts a chained file', async () => {
    writeFileSync(events, ndjson([group, renamed]))
    await cli('append', history, events, '--chain')
    expect(await cli('validate', history)).toMatchObject({ status: 0, out: 'valid: 2 events, up to 2022-01-01' })
  })

  it('verify names the first line edited by hand and exits 1', async () => {
    writeFileSync(events, ndjson([group, renamed]))
    await cli('append', history, events, '--chain')
    writeFileSync(history, readFileSync(history, 'utf8').replace('"Group"', '"Groupe"'))
    const r = await cli('verify', history)
    expect(r.status).toBe(1)
    expect(r.err.split('\n')).toEqual([
      expect.stringMatching(new RegExp(`^${history}:1: the hash chain breaks here`)),
      '1 problem',
    ])
  })

  it('verify says that a file without a chain proves nothing about its lines', async () => {
    writeFileSync(history, ndjson([group]))
    expect((await cli('verify', history)).out).toContain('no hash chain, so nothing proves the lines were not edited')
  })

  it('verify with --head notices that lines were cut off the end', async () => {
    writeFileSync(events, ndjson([group, renamed]))
    await cli('append', history, events, '--chain')
    const head = /head ([0-9a-f]{64})/.exec((await cli('verify', history)).out)![1]!
    writeFileSync(history, readFileSync(history, 'utf8').split('\n')[0]!)
    expect((await cli('verify', history, '--head', head)).status).toBe(1)
  })

  it('repair leaves a file without a torn tail as it is', async () => {
    writeFileSync(history, ndjson([group]))
    expect(await cli('repair', history)).toMatchObject({
      status: 0,
      out: `${history}: no torn tail; nothing to repair`,
    })
    expect(readFileSync(history, 'utf8')).toBe(ndjson([group]))
    expect(existsSync(`${history}.lock`)).toBe(false)
  })
})
