/**
 * Append and read throughput of the PostgreSQL store, in events per second, against a throwaway
 * server this script starts (tests/support/postgres.ts) and stops.
 *
 *   npx tsx tests/bench/stores-postgres.ts [--events N] [--batch N] [--single N]
 *
 * - append, growing history: `--events` events (default 50,000) appended `--batch` (default
 *   1,000) per append to one history, each append checked against the whole history before it;
 * - append, new histories: the same events, one new history per `--batch` events: the cost of the
 *   store itself (transaction, lock, insert) with little history to check against;
 * - append, one event each: `--single` appends (default 500) of one event — a transaction's
 *   round trips;
 * - read: the whole history streamed, by a store that has not seen it before.
 */
import { isLeft } from 'fp-ts/lib/Either.js'
import { type Event, leaderAssigned, personRegistered, unitCreated } from '../../src/index.js'
import { migrate, PostgresStore } from '../../src/postgres.js'
import { postgresBin, startPostgres } from '../support/postgres.js'

function option(flag: string, fallback: number): number {
  const i = process.argv.indexOf(flag)
  if (i < 0) return fallback
  const n = Number(process.argv[i + 1]?.replaceAll('_', ''))
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${flag} expects a positive integer, got ${process.argv[i + 1]}`)
  return n
}

/** A valid history of `n` events: units under one root, people, and leaders assigned. */
function history(n: number): Event[] {
  const events: Event[] = [unitCreated({ unit: 'root', name: 'Root' }, { id: 'root', effective: '2000' })]
  for (let i = 1; events.length < n; i++) {
    const year = String(2001 + Math.floor(i / 10_000)).padStart(4, '0')
    const kind = i % 3
    if (kind === 0)
      events.push(unitCreated({ unit: `u${i}`, name: `Unit ${i}`, parent: 'root' }, { id: `e${i}`, effective: year }))
    else if (kind === 1)
      events.push(personRegistered({ person: `p${i}`, name: { en: `Person ${i}` } }, { id: `e${i}`, effective: year }))
    else
      events.push(
        leaderAssigned({ unit: 'root', person: `p${i - 1}`, role: `r${i % 50}` }, { id: `e${i}`, effective: year }),
      )
  }
  return events
}

const rate = (events: number, ms: number) => `${Math.round((events / ms) * 1000).toLocaleString('en')} events/s`

async function main(): Promise<void> {
  const total = option('--events', 50_000)
  const batch = option('--batch', 1_000)
  const single = option('--single', 500)
  if (postgresBin() === undefined) throw new Error('PostgreSQL server binaries not found: apt-get install postgresql')
  const server = await startPostgres()
  const pool = server.pool({ max: 4 })
  pool.on('error', () => undefined)
  try {
    await migrate(pool)
    const events = history(total)
    console.log(`PostgreSQL ${server.version}, ${total.toLocaleString('en')} events, node ${process.version}`)

    const store = new PostgresStore(pool, { history: 'bench' })
    let t = performance.now()
    for (let from = 0; from < total; from += batch) {
      const r = await store.append(events.slice(from, from + batch), { expectedVersion: from })
      if (isLeft(r)) throw new Error(JSON.stringify(r.left).slice(0, 500))
    }
    console.log(`append, ${batch} per append, growing history: ${rate(total, performance.now() - t)}`)

    // Each new history starts with the root unit the other events refer to.
    const slices = []
    for (let from = 0; from < total; from += batch)
      slices.push(from === 0 ? events.slice(0, batch) : [events[0]!, ...events.slice(from + 1, from + batch)])
    t = performance.now()
    for (const [i, slice] of slices.entries()) {
      const r = await new PostgresStore(pool, { history: `bench-${i}` }).append(slice, { expectedVersion: 0 })
      if (isLeft(r)) throw new Error(JSON.stringify(r.left).slice(0, 500))
    }
    console.log(`append, ${batch} per append, new histories:   ${rate(total, performance.now() - t)}`)

    const singles = new PostgresStore(pool, { history: 'bench-single' })
    t = performance.now()
    for (let i = 0; i < single; i++) {
      const r = await singles.append([events[i]!], { expectedVersion: i })
      if (isLeft(r)) throw new Error(JSON.stringify(r.left).slice(0, 500))
    }
    console.log(`append, 1 per append:                        ${rate(single, performance.now() - t)}`)

    const reader = new PostgresStore(pool, { history: 'bench' })
    t = performance.now()
    let read = 0
    for await (const _ of reader.read()) read++
    if (read !== total) throw new Error(`read ${read} events, expected ${total}`)
    console.log(`read, streamed:                             ${rate(total, performance.now() - t)}`)
  } finally {
    await pool.end()
    server.stop()
  }
}

await main()
