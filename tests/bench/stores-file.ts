/**
 * Throughput of the memory and file stores: appends (one event per append, 100 per append, all at
 * once) and streamed reads, in events per second.
 *
 *   npx tsx tests/bench/stores-file.ts [--events N] [--single N] [--dir DIR] [--json]
 *
 * `--events` (default 100,000) sizes the batched appends and the reads; `--single` (default 1,000)
 * the one-event appends (each one synced to disk by the file store: the disk's sync latency bounds
 * them). `--dir` is where the file store writes (default: the system's temp directory).
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { isLeft } from 'fp-ts/lib/Either.js'
import { createMemoryStore, type Event } from '../../src/index.js'
import { openFileStoreOrThrow } from '../../src/node.js'
import type { EventStore } from '../../src/store/port.js'

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(name)
  return i < 0 ? fallback : Number(process.argv[i + 1]?.replaceAll('_', ''))
}
const EVENTS = option('--events', 100_000)
const SINGLE = option('--single', 1_000)
const dirArg = process.argv.indexOf('--dir')
const BASE = dirArg < 0 ? tmpdir() : process.argv[dirArg + 1]!
const JSON_OUT = process.argv.includes('--json')

const day = (i: number) => new Date(Date.UTC(2000, 0, 1) + Math.floor(i / 50) * 86_400_000).toISOString().slice(0, 10)

/** A history of units under one root, each created and then given attributes, dated in order. */
function events(from: number, count: number): Event[] {
  return Array.from({ length: count }, (_, k): Event => {
    const i = from + k
    const unit = `u${Math.floor(i / 10)}`
    if (i === 0) return { id: 'e0', type: 'UnitCreated', effective: day(0), data: { unit: 'root', name: 'Root' } }
    if (i % 10 === 0)
      return { id: `e${i}`, type: 'UnitCreated', effective: day(i), data: { unit, name: `Unit ${i}`, parent: 'root' } }
    const attributes = { headcount: i, brands: ['a', 'b'], note: 'x'.repeat(40) }
    const u = i < 10 ? 'root' : unit
    return { id: `e${i}`, type: 'UnitAttributesSet', effective: day(i), data: { unit: u, attributes } }
  })
}

async function appendAll(store: EventStore, total: number, batch: number): Promise<number> {
  const start = performance.now()
  for (let from = 0; from < total; from += batch) {
    const r = await store.append(events(from, Math.min(batch, total - from)), { expectedVersion: from })
    if (isLeft(r)) throw new Error(JSON.stringify(r.left).slice(0, 500))
  }
  return total / ((performance.now() - start) / 1000)
}

async function readAll(store: EventStore, expected: number): Promise<number> {
  const start = performance.now()
  let n = 0
  for await (const _ of store.read()) n++
  if (n !== expected) throw new Error(`read ${n} events, expected ${expected}`)
  return n / ((performance.now() - start) / 1000)
}

type Row = { store: string; operation: string; events: number; perSecond: number }
const rows: Row[] = []
const record = (store: string, operation: string, events: number, perSecond: number) => {
  rows.push({ store, operation, events, perSecond: Math.round(perSecond) })
  if (!JSON_OUT)
    console.error(
      `${store.padEnd(7)} ${operation.padEnd(28)} ${String(events).padStart(8)} events  ${Math.round(perSecond).toLocaleString('en').padStart(10)} events/s`,
    )
}

const dir = mkdtempSync(join(BASE, 'org-history-bench-'))
try {
  await appendAll(createMemoryStore(), 5_000, 1) // warm up the JIT
  for (const [operation, total, batch] of [
    ['append, 1 event per append', SINGLE, 1],
    ['append, 100 events per append', EVENTS, 100],
    [`append, ${EVENTS} at once`, EVENTS, EVENTS],
  ] as const) {
    record('memory', operation, total, await appendAll(createMemoryStore(), total, batch))
    const file = join(dir, `${batch}.ndjson`)
    record('file', operation, total, await appendAll(await openFileStoreOrThrow(file), total, batch))
  }
  const memory = createMemoryStore()
  await appendAll(memory, EVENTS, EVENTS)
  record('memory', 'read, streamed', EVENTS, await readAll(memory, EVENTS))
  const file = join(dir, `${EVENTS}.ndjson`)
  record('file', 'read, streamed (a fresh store)', EVENTS, await readAll(await openFileStoreOrThrow(file), EVENTS))
  const opened = await openFileStoreOrThrow(file)
  const start = performance.now()
  await opened.version()
  record('file', 'open + load (version())', EVENTS, EVENTS / ((performance.now() - start) / 1000))
  if (!JSON_OUT) console.error(`file of ${EVENTS} events: ${(statSync(file).size / 2 ** 20).toFixed(1)} MiB in ${BASE}`)
  if (JSON_OUT) console.log(JSON.stringify({ dir: BASE, rows }))
} finally {
  rmSync(dir, { recursive: true, force: true })
}
