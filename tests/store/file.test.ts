import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { isLeft, isRight } from 'fp-ts/lib/Either.js'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type Event, unitCreated, unitDissolved, unitRenamed } from '../../src/index.js'
import {
  type FileStoreOptions,
  formatVerifyProblem,
  openFileStore,
  openFileStoreOrThrow,
  readHistoryOrThrow,
  verifyFileOrThrow,
} from '../../src/node.js'
import type { StoredEvent } from '../../src/store/port.js'
import { storeContract } from './contract.js'

storeContract('file', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'org-history-'))
  const store = await openFileStoreOrThrow(join(dir, 'history.ndjson'))
  return { store, cleanup: async () => rmSync(dir, { recursive: true, force: true }) }
})

const clock = () => new Date('2024-05-01T10:00:00Z')
const group = unitCreated({ unit: 'group', name: 'Group' }, { id: 'c-group', effective: '2020-01-01' })
const rename = (n: number) =>
  unitRenamed({ unit: 'group', name: `Group ${n}` }, { id: `r-${n}`, effective: `${2020 + n}` })

let dir: string
let file: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'org-history-file-'))
  file = join(dir, 'history.ndjson')
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

async function appendAll(events: readonly Event[], options: FileStoreOptions = {}) {
  const store = await openFileStoreOrThrow(file, { now: clock, ...options })
  const r = await store.append(events, { expectedVersion: 'any' })
  if (isLeft(r)) throw new Error(JSON.stringify(r.left))
  return r.right
}

async function collect(iterable: AsyncIterable<StoredEvent>) {
  const out: StoredEvent[] = []
  for await (const s of iterable) out.push(s)
  return out
}

const lines = () => readFileSync(file, 'utf8').split('\n')

describe('file store: the file', () => {
  it('writes one event a line, id first and data last, ending with a newline', async () => {
    await appendAll([group, rename(1)])
    expect(lines()).toEqual([
      '{"id":"c-group","type":"UnitCreated","effective":"2020-01-01","recorded":"2024-05-01T10:00:00Z","data":{"unit":"group","name":"Group"}}',
      '{"id":"r-1","type":"UnitRenamed","effective":"2021","recorded":"2024-05-01T10:00:00Z","data":{"unit":"group","name":"Group 1"}}',
      '',
    ])
  })

  it('gives stored events the file and line they are on', async () => {
    const r = await appendAll([group, rename(1)])
    expect(r.events.map((s) => s.event.origin)).toEqual([
      { file, line: 1 },
      { file, line: 2 },
    ])
  })

  it('is not created by a refused append, and is created by the first accepted one', async () => {
    const store = await openFileStoreOrThrow(file)
    await store.append([rename(1)], { expectedVersion: 0 })
    expect(existsSync(file)).toBe(false)
    await store.append([group], { expectedVersion: 0 })
    expect(existsSync(file)).toBe(true)
  })

  it('sees what another store appended to the same file since', async () => {
    const a = await openFileStoreOrThrow(file)
    const b = await openFileStoreOrThrow(file)
    await a.append([group], { expectedVersion: 0 })
    expect(isRight(await b.append([rename(1)], { expectedVersion: 1 }))).toBe(true)
    expect(await a.version()).toBe(2)
    expect(isLeft(await a.append([rename(2)], { expectedVersion: 1 }))).toBe(true)
  })

  it('keeps two stores of one file in one process apart, even when they name it two ways', async () => {
    const a = await openFileStoreOrThrow(file)
    const b = await openFileStoreOrThrow(relative(process.cwd(), file))
    await a.append([group], { expectedVersion: 0 })
    const appends = Array.from({ length: 20 }, (_, i) =>
      (i % 2 === 0 ? a : b).append([rename(i + 1)], { expectedVersion: 'any' }),
    )
    expect((await Promise.all(appends)).every(isRight)).toBe(true)
    expect(new Set((await collect(b.read())).map((s) => s.event.id)).size).toBe(21)
    expect(existsSync(`${file}.lock`)).toBe(false)
  })

  it('reads a hand-written file: blank lines, CRLF, no final newline, events without ids', async () => {
    const created = '{"type":"UnitCreated","effective":"2020","data":{"unit":"g","name":"G"}}'
    writeFileSync(file, `${created}\r\n\n{"type":"UnitRenamed","effective":"2021","data":{"unit":"g","name":"H"}}`)
    const store = await openFileStoreOrThrow(file)
    expect(store.torn).toBeNull()
    const ids = (await collect(store.read())).map((s) => s.event.id)
    expect(ids).toEqual(readHistoryOrThrow([file]).map((e) => e.id))
    await store.append([unitRenamed({ unit: 'g', name: 'I' }, { id: 'r-i', effective: '2022' })], {
      expectedVersion: 2,
    })
    expect(lines()[2]).toMatch(/"name":"H"}}$/)
    expect(lines()[3]).toMatch(/^{"id":"r-i"/)
    expect((await collect(store.read())).map((s) => s.event.id)).toEqual([...ids, 'r-i'])
  })

  it('names the file and line of a stored event that a late append would break', async () => {
    await appendAll([group, rename(1), rename(3)])
    const store = await openFileStoreOrThrow(file)
    const dissolved = unitDissolved({ unit: 'group' }, { id: 'd-group', effective: '2022-06-01' })
    const r = await store.append([dissolved], { expectedVersion: 3 })
    expect(isLeft(r) && r.left._tag === 'InvalidAppend' && r.left.errors).toEqual([
      expect.objectContaining({ event: expect.objectContaining({ id: 'r-3', origin: { file, line: 3 } }) }),
    ])
  })

  it('refuses to append to a file with a line that is not an event, naming it', async () => {
    writeFileSync(
      file,
      '{"id":"c-group","type":"UnitCreated","effective":"2020","data":{"unit":"group","name":"G"}}\n{oops\n',
    )
    const store = await openFileStoreOrThrow(file)
    const r = await store.append([rename(1)], { expectedVersion: 'any' })
    expect(isLeft(r) && r.left._tag === 'InvalidAppend' && r.left.errors).toEqual([
      expect.objectContaining({ _tag: 'ParseError', origin: { file, line: 2 } }),
    ])
  })

  it('refuses a .json file: it cannot be appended to line by line', async () => {
    const r = await openFileStore(join(dir, 'history.json'))
    expect(isLeft(r) && r.left._tag).toBe('NotNdjson')
  })

  it('refuses appends when opened read-only', async () => {
    const store = await openFileStoreOrThrow(file, { readOnly: true })
    const r = await store.append([group], { expectedVersion: 0 })
    expect(isLeft(r) && r.left._tag === 'StoreFailure' && r.left.message).toBe(
      `${file}: this store was opened read-only; open it without readOnly to append`,
    )
  })

  it('closes the file when a reader stops early', async () => {
    await appendAll([group, rename(1), rename(2)])
    const store = await openFileStoreOrThrow(file)
    const before = readdirSync('/proc/self/fd').length
    for await (const s of store.read()) if (s.version === 1) break
    expect(readdirSync('/proc/self/fd').length).toBe(before)
  })
})

describe('file store: hash chain', () => {
  it('does not chain by default, so a hand-written file stays plain', async () => {
    await appendAll([group])
    expect(lines()[0]).not.toContain('"chain"')
  })

  it('chains every line when asked, and verify finds the chain intact', async () => {
    await appendAll([group, rename(1), rename(2)], { hashChain: true })
    expect(lines()[0]).toMatch(/^{"chain":"[0-9a-f]{64}","id":"c-group"/)
    const report = await verifyFileOrThrow(file)
    expect(report).toMatchObject({ events: 3, chain: { from: 1, to: 3 }, problems: [] })
  })

  it('continues the chain of a chained file without being asked again', async () => {
    await appendAll([group], { hashChain: true })
    await appendAll([rename(1)])
    expect(lines()[1]).toMatch(/^{"chain":/)
    expect((await verifyFileOrThrow(file)).problems).toEqual([])
  })

  it('reads a chained file as the same events as a plain one (and org-history validate accepts it)', async () => {
    await appendAll([group, rename(1)], { hashChain: true })
    const chained = readHistoryOrThrow([file]).map(({ origin: _o, ...e }) => e)
    writeFileSync(
      file,
      lines()
        .map((l) => l.replace(/^{"chain":"[0-9a-f]{64}",/, '{'))
        .join('\n'),
    )
    expect(readHistoryOrThrow([file]).map(({ origin: _o, ...e }) => e)).toEqual(chained)
  })

  it('lets verify name the first line edited by hand', async () => {
    await appendAll([group, rename(1), rename(2), rename(3), rename(4)], { hashChain: true })
    writeFileSync(file, readFileSync(file, 'utf8').replace('Group 2', 'Group II').replace('Group 3', 'Group III'))
    const problems = (await verifyFileOrThrow(file)).problems
    expect(problems.map((p) => [p._tag, p.line])).toEqual([
      ['ChainBroken', 3],
      ['ChainBroken', 4],
    ])
    expect(formatVerifyProblem(problems[0]!)).toBe(
      `${file}:3: the hash chain breaks here: this line was edited after it was written, or a line just before it was removed or inserted; compare with the file's history (e.g. git log -p)`,
    )
  })

  it('lets verify notice an edit of the last line', async () => {
    await appendAll([group, rename(1)], { hashChain: true })
    writeFileSync(file, readFileSync(file, 'utf8').replace('Group 1', 'Group one'))
    expect((await verifyFileOrThrow(file)).problems.map((p) => [p._tag, p.line])).toEqual([['ChainBroken', 2]])
  })

  it('lets verify notice a removed line where it was', async () => {
    await appendAll([group, rename(1), rename(2), rename(3)], { hashChain: true })
    writeFileSync(
      file,
      lines()
        .filter((_, i) => i !== 1)
        .join('\n'),
    )
    expect((await verifyFileOrThrow(file)).problems.map((p) => [p._tag, p.line])).toEqual([['ChainBroken', 2]])
  })

  it('lets verify notice a line added by hand after chained lines', async () => {
    await appendAll([group], { hashChain: true })
    writeFileSync(file, `${readFileSync(file, 'utf8')}${JSON.stringify(rename(1))}\n`)
    expect((await verifyFileOrThrow(file)).problems.map((p) => [p._tag, p.line])).toEqual([['Unchained', 2]])
  })

  it('lets verify, given the head kept elsewhere, notice lines cut off the end', async () => {
    await appendAll([group, rename(1), rename(2)], { hashChain: true })
    const head = (await verifyFileOrThrow(file)).chain!.head
    writeFileSync(file, `${lines().slice(0, 2).join('\n')}\n`)
    expect((await verifyFileOrThrow(file, { head })).problems.map((p) => [p._tag, p.line])).toEqual([
      ['HeadMismatch', 2],
    ])
  })

  it('covers the lines written before the chain was started', async () => {
    writeFileSync(file, `${JSON.stringify(group)}\n`)
    await appendAll([rename(1), rename(2)], { hashChain: true })
    expect((await verifyFileOrThrow(file)).chain).toMatchObject({ from: 2, to: 3 })
    writeFileSync(file, readFileSync(file, 'utf8').replace('"Group"', '"Group!"'))
    expect((await verifyFileOrThrow(file)).problems.map((p) => [p._tag, p.line])).toEqual([['ChainBroken', 2]])
  })
})
