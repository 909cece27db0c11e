// Run by streaming.test.ts in a child process with --expose-gc: replays 200,000 events with
// replaySteps and prints the heap in use (after a full GC) every 20,000 steps, as JSON.
import { type Event, replaySteps, unitCreated } from '../../src/index.js'

const units = 2_000
const total = 200_000
const history: Event[] = [unitCreated({ unit: 'u0', name: 'Root' }, { id: 'c0', effective: '2000-01-01' })]
for (let i = 1; i < units; i++)
  history.push(
    unitCreated(
      { unit: `u${i}`, name: `U${i}`, parent: `u${Math.floor((i - 1) / 8)}` },
      { id: `c${i}`, effective: '2000-01-01' },
    ),
  )
for (let i = history.length; i < total; i++) {
  const unit = `u${1 + ((i * 7919) % (units - 1))}`
  const effective = `20${String(1 + Math.floor((i / total) * 20)).padStart(2, '0')}-01-01`
  history.push({ id: `e${i}`, type: 'UnitRenamed', effective, data: { unit, name: `N${i}` } })
}

const gc = (globalThis as { gc?: () => void }).gc!
const samples: number[] = []
let steps = 0
for (const _ of replaySteps(history)) {
  if (++steps % 20_000 === 0) {
    gc()
    samples.push(process.memoryUsage().heapUsed)
  }
}
console.log(JSON.stringify({ steps, samples }))
