import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import * as fs from 'node:fs'
import { hostname, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { isLeft, isRight } from 'fp-ts/lib/Either.js'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, onTestFinished } from 'vitest'
import { type Event, personRegistered } from '../../src/index.js'
import { type FileSystem, openFileStoreOrThrow, repairFileOrThrow, verifyFileOrThrow } from '../../src/node.js'
import type { StoredEvent } from '../../src/store/port.js'

const root = resolve(import.meta.dirname, '../..')

/**
 * A child process that appends `count` batches of `size` events to a file, one append each, and
 * prints `ack <version>` when an append has resolved. With `tornAfter`, its file system writes
 * half of the batch after that many and then kills the process (SIGKILL): a crash mid-write.
 */
const CHILD = `
import * as fs from 'node:fs'
import { openFileStoreOrThrow } from ${JSON.stringify(join(root, 'src/node.ts'))}
const [file, tag, count, size, tornAfter] = process.argv.slice(2)
const data = new Set()
let writes = 0
const crashing = {
  ...fs,
  openSync: (p, f, m) => { const fd = fs.openSync(p, f, m); if (p === file) data.add(fd); return fd },
  closeSync: (fd) => { data.delete(fd); fs.closeSync(fd) },
  writeSync: (fd, b, o, l, p) => {
    if (data.has(fd) && ++writes > Number(tornAfter)) {
      fs.writeSync(fd, b, o, Math.floor(l / 2), p)
      process.kill(process.pid, 'SIGKILL')
    }
    return fs.writeSync(fd, b, o, l, p)
  },
}
const store = await openFileStoreOrThrow(file, { hashChain: true, lockTimeoutMs: 60000, fs: tornAfter ? crashing : fs })
const note = 'n'.repeat(400)
for (let i = 0; i < Number(count); i++) {
  const events = Array.from({ length: Number(size) }, (_, j) => ({
    id: tag + '-' + (i * Number(size) + j), type: 'PersonRegistered', effective: '2021', note,
    data: { person: tag, name: tag + ' ' + i },
  }))
  const r = await store.append(events, { expectedVersion: 'any' })
  if (r._tag === 'Left') { console.error(JSON.stringify(r.left)); process.exit(1) }
  console.log('ack ' + r.right.version + ' ' + events[events.length - 1].id)
}
`

let dir: string
let file: string
let childScript: string
beforeAll(() => {
  childScript = join(fs.mkdtempSync(join(tmpdir(), 'org-history-child-')), 'appender.mts')
  fs.writeFileSync(childScript, CHILD)
})
afterAll(() => fs.rmSync(join(childScript, '..'), { recursive: true, force: true }))
beforeEach(() => {
  dir = fs.mkdtempSync(join(tmpdir(), 'org-history-faults-'))
  file = join(dir, 'history.ndjson')
})
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

interface Child {
  readonly process: ChildProcess
  /** The acknowledged appends: version and last event id. */
  readonly acks: { version: number; id: string }[]
  readonly exited: Promise<number | null>
}

function appender(tag: string, count: number, size: number, tornAfter?: number): Child {
  const args = ['--import', 'tsx', childScript, file, tag, String(count), String(size)]
  const child = spawn(process.execPath, tornAfter === undefined ? args : [...args, String(tornAfter)], { cwd: root })
  const acks: { version: number; id: string }[] = []
  let buffered = ''
  child.stdout!.on('data', (chunk: Buffer) => {
    const parts = (buffered + chunk.toString()).split('\n')
    buffered = parts.pop()!
    for (const line of parts) {
      const [, version, id] = line.split(' ')
      acks.push({ version: Number(version), id: id! })
    }
  })
  let stderr = ''
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const exited = new Promise<number | null>((done) =>
    child.on('close', (code) => {
      if (code !== null && code !== 0) console.error(stderr)
      done(code)
    }),
  )
  return { process: child, acks, exited }
}

async function ids(): Promise<string[]> {
  const store = await openFileStoreOrThrow(file)
  const out: string[] = []
  for await (const s of store.read() as AsyncIterable<StoredEvent>) out.push(s.event.id)
  return out
}

const until = async (check: () => boolean) => {
  while (!check()) await new Promise((r) => setTimeout(r, 5))
}

describe('file store: a process killed while appending (kill -9)', () => {
  it('keeps every acknowledged event, whenever the kill comes', async () => {
    for (const acked of [3, 11, 25]) {
      const child = appender('k', 10_000, 1 + (acked % 7))
      await until(() => child.acks.length >= acked)
      await new Promise((r) => setTimeout(r, Math.random() * 20))
      child.process.kill('SIGKILL')
      await child.exited
      const last = child.acks[child.acks.length - 1]!
      const store = await openFileStoreOrThrow(file)
      const stored = await ids()
      expect(stored.slice(0, last.version).at(-1)).toBe(last.id)
      expect(new Set(stored).size).toBe(stored.length)
      expect(isRight(await store.timeline())).toBe(true)
      if (store.torn !== null) {
        expect(store.torn).toMatchObject({ file, line: stored.length + 1 })
        await repairFileOrThrow(file)
      }
      expect((await verifyFileOrThrow(file)).problems).toEqual([])
      fs.rmSync(file)
    }
  })

  it('reports the torn append on reopening, keeps the acknowledged events, and repair moves it aside', async () => {
    const child = appender('t', 10, 4, 3)
    expect(await child.exited).toBeNull()
    expect(child.acks.map((a) => a.version)).toEqual([4, 8, 12])
    const store = await openFileStoreOrThrow(file)
    expect(store.torn).toMatchObject({ _tag: 'TornTail', file, line: 13, cause: 'interrupted', pid: child.process.pid })
    expect(await store.version()).toBe(12)
    expect(await ids()).toEqual(Array.from({ length: 12 }, (_, i) => `t-${i}`))
    expect((await verifyFileOrThrow(file)).problems.map((p) => p._tag)).toEqual(['TornTail'])
    const torn = fs.readFileSync(file).subarray(store.torn!.offset)
    const report = await repairFileOrThrow(file)
    expect(fs.readFileSync(report.removed!.sideFile)).toEqual(torn)
    expect(fs.existsSync(`${file}.lock`)).toBe(false)
    const again = await openFileStoreOrThrow(file)
    expect(again.torn).toBeNull()
    const event = personRegistered({ person: 'x', name: 'X' }, { id: 'after', effective: '2022' })
    expect(isRight(await again.append([event], { expectedVersion: 12 }))).toBe(true)
    expect((await verifyFileOrThrow(file)).problems).toEqual([])
  })
})

describe('file store: two processes appending at once', () => {
  // On tmpfs when there is one: this is about the lock, and 2,000 appends synced to a virtual
  // disk (~5 ms each here) would take most of the suite's time.
  it('keeps all 2,000 events of two processes, each once, in whole lines, with the chain intact', async () => {
    if (fs.existsSync('/dev/shm')) file = join(fs.mkdtempSync('/dev/shm/org-history-'), 'history.ndjson')
    onTestFinished(() => fs.rmSync(join(file, '..'), { recursive: true, force: true }))
    const [a, b] = [appender('a', 1000, 1), appender('b', 1000, 1)]
    expect(await Promise.all([a.exited, b.exited])).toEqual([0, 0])
    const stored = await ids()
    expect(stored).toHaveLength(2000)
    expect(new Set(stored).size).toBe(2000)
    for (const tag of ['a', 'b'])
      expect(stored.filter((id) => id.startsWith(`${tag}-`))).toEqual(
        Array.from({ length: 1000 }, (_, i) => `${tag}-${i}`),
      )
    const text = fs.readFileSync(file, 'utf8')
    expect(text.endsWith('\n') && text.split('\n').length).toBe(2001)
    expect((await verifyFileOrThrow(file)).problems).toEqual([])
  })
})

/** A file system that fails one operation on the history file (not its lock) with an error code. */
function failing(target: () => string, op: 'open' | 'write' | 'sync', code: string, partial = false): FileSystem {
  const data = new Set<number>()
  const error = () => Object.assign(new Error(`${code}: injected`), { code })
  return {
    ...fs,
    openSync(path, flags, mode) {
      if (op === 'open' && path === target() && flags !== 'r') throw error()
      const fd = fs.openSync(path, flags, mode)
      if (path === target()) data.add(fd)
      return fd
    },
    closeSync(fd) {
      data.delete(fd)
      fs.closeSync(fd)
    },
    writeSync(fd, buffer, offset, length, position) {
      if (op !== 'write' || !data.has(fd)) return fs.writeSync(fd, buffer, offset, length, position)
      if (partial) fs.writeSync(fd, buffer, offset, Math.floor(length / 2), position)
      throw error()
    },
    fsyncSync(fd) {
      if (op === 'sync' && data.has(fd)) throw error()
      fs.fsyncSync(fd)
    },
    fdatasyncSync(fd) {
      if (op === 'sync' && data.has(fd)) throw error()
      fs.fdatasyncSync(fd)
    },
  }
}

const event = (n: number): Event =>
  personRegistered(
    { person: 'p', name: `P${n}` },
    { id: `p-${n}`, effective: '2021', recorded: '2021-01-01T00:00:00Z' },
  )

async function seeded(): Promise<Buffer> {
  const store = await openFileStoreOrThrow(file)
  await store.append([event(1), event(2)], { expectedVersion: 0 })
  return fs.readFileSync(file)
}

describe('file store: a full disk or a read-only file', () => {
  it('reports a real full disk (/dev/full) clearly and leaves no lock behind', async () => {
    fs.symlinkSync('/dev/full', file)
    const store = await openFileStoreOrThrow(file)
    const r = await store.append([event(1)], { expectedVersion: 0 })
    expect(isLeft(r) && r.left._tag === 'StoreFailure' && r.left.message).toBe(
      `${file}: cannot write: no space left on device (ENOSPC); nothing was written. Free some space and try again`,
    )
    expect(fs.existsSync(`${file}.lock`)).toBe(false)
  })

  it.each([
    ['a write that fails half-way (disk full)', 'write', 'ENOSPC', true],
    ['a failing fsync', 'sync', 'EIO', false],
    ['a read-only file system', 'open', 'EROFS', false],
  ] as const)('leaves the file byte for byte as it was after %s', async (_, op, code, partial) => {
    const before = await seeded()
    const store = await openFileStoreOrThrow(file, { fs: failing(() => file, op, code, partial) })
    const r = await store.append([event(3), event(4)], { expectedVersion: 2 })
    expect(isLeft(r) && r.left._tag === 'StoreFailure' && r.left.message).toContain(`(${code}); nothing was written`)
    expect(fs.readFileSync(file)).toEqual(before)
    const again = await openFileStoreOrThrow(file)
    expect(again.torn).toBeNull()
    expect(isRight(await again.append([event(3)], { expectedVersion: 2 }))).toBe(true)
  })

  it('says so when a failed append cannot be undone, and the file reads as torn until repaired', async () => {
    const before = await seeded()
    const broken = {
      ...failing(() => file, 'write', 'ENOSPC', true),
      ftruncateSync: () => {
        throw Object.assign(new Error('EIO'), { code: 'EIO' })
      },
    }
    const r = await (await openFileStoreOrThrow(file, { fs: broken })).append([event(3)], { expectedVersion: 2 })
    expect(isLeft(r) && r.left._tag === 'StoreFailure' && r.left.message).toContain(
      `the append could not be undone: run 'org-history repair ${file}'`,
    )
    expect((await openFileStoreOrThrow(file)).torn).toMatchObject({ line: 3, cause: 'interrupted' })
    await repairFileOrThrow(file)
    expect(fs.readFileSync(file)).toEqual(before)
  })

  it('refuses to write a file it may not write, says why, and leaves it as it was', async () => {
    // Tests may run as root, whom file modes do not stop: the refusal comes from the file system
    // layer, as the kernel gives it to anyone else.
    const before = await seeded()
    const store = await openFileStoreOrThrow(file, { fs: failing(() => file, 'open', 'EACCES') })
    const r = await store.append([event(3)], { expectedVersion: 2 })
    expect(isLeft(r) && r.left._tag === 'StoreFailure' && r.left.message).toContain(
      `${file}: cannot open the file for writing: permission denied (EACCES); nothing was written`,
    )
    expect(fs.readFileSync(file)).toEqual(before)
  })
})

describe('file store: the lock', () => {
  const lockOf = (pid: number) =>
    JSON.stringify({ pid, host: hostname(), thread: 0, start: null, since: '2024-05-01T10:00:00Z', intent: null })

  it('takes over the lock of a process that no longer exists', async () => {
    const dead = spawnSync('true').pid
    fs.writeFileSync(`${file}.lock`, lockOf(dead))
    const store = await openFileStoreOrThrow(file, { lockTimeoutMs: 1000 })
    expect(isRight(await store.append([event(1)], { expectedVersion: 0 }))).toBe(true)
    expect(fs.existsSync(`${file}.lock`)).toBe(false)
  })

  it('waits for the lock of a live process, then gives up naming it and the fix', async () => {
    const before = await seeded()
    fs.writeFileSync(`${file}.lock`, lockOf(process.ppid))
    const store = await openFileStoreOrThrow(file, { lockTimeoutMs: 1000 }).catch((e: Error) => e)
    expect(String(store)).toMatch(
      new RegExp(
        `still locked by process ${process.ppid} on .* after 1 s; wait for it and retry, or, if that process no longer exists, delete ${file}\\.lock`,
      ),
    )
    expect(fs.readFileSync(file)).toEqual(before)
  })
})
