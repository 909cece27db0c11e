import fc from 'fast-check'
import { isRight } from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import {
  createMemoryStore,
  type Event,
  eventRetracted,
  Timeline,
  unitCreated,
  unitDissolved,
  unitMoved,
  unitRenamed,
} from '../../src/index.js'
import { validateAppend } from '../../src/store/validateAppend.js'
import { storeContract } from './contract.js'

storeContract('memory', async () => ({ store: createMemoryStore(), cleanup: async () => {} }))

const group = unitCreated({ unit: 'group', name: 'Group' }, { id: 'c-group', effective: '2020-01-01' })
const renamed = unitRenamed({ unit: 'group', name: 'Group 2' }, { id: 'r-group', effective: '2021-01-01' })

describe('memory store', () => {
  it('stamps recorded from the clock it is given', async () => {
    const store = createMemoryStore({ now: () => new Date('2024-05-01T10:00:00.250+02:00') })
    const r = await store.append([group], { expectedVersion: 0 })
    expect(isRight(r) && r.right.events[0]!.event.recorded).toBe('2024-05-01T08:00:00.250Z')
  })

  it('reads the clock once per append', async () => {
    let calls = 0
    const store = createMemoryStore({ now: () => new Date(Date.UTC(2024, 0, 1, 0, 0, ++calls)) })
    await store.append([group, renamed], { expectedVersion: 0 })
    expect(calls).toBe(1)
  })

  it('freezes the events it stores', async () => {
    const store = createMemoryStore()
    await store.append([group], { expectedVersion: 0 })
    for await (const { event } of store.read()) {
      expect(Object.isFrozen(event)).toBe(true)
      expect(Object.isFrozen(event.data)).toBe(true)
    }
  })

  it('refuses to work after it is closed', async () => {
    const store = createMemoryStore()
    await store.close()
    await expect(store.version()).rejects.toThrow('this memory store is closed')
  })
})

describe('validateAppend', () => {
  it('names a new event without an origin by its position in the append', () => {
    const bad = unitRenamed({ unit: 'ghost', name: 'G' }, { id: 'r-ghost', effective: '2021-01-01' })
    const r = validateAppend([group], [renamed, bad])
    expect(r._tag === 'Left' && r.left.map((e) => ('event' in e ? e.event.origin : null))).toEqual([
      { file: '<append>', line: 2 },
    ])
  })

  it('normalizes an event written by hand as decoding would', () => {
    const wire = { ...group, effective: '2020-01-01T08:00:00+08:00' }
    const r = validateAppend([], [wire], { now: () => new Date(0) })
    expect(r._tag === 'Right' && r.right[0]).toMatchObject({
      effective: '2020-01-01T00:00:00Z',
      recorded: '1970-01-01T00:00:00Z',
    })
  })

  it('gives the stored events without origins', () => {
    const r = validateAppend([], [{ ...group, origin: { file: 'a.ndjson', line: 3 } }])
    expect(r._tag === 'Right' && 'origin' in r.right[0]!).toBe(false)
  })
})

/** Random appends, valid or not: events on three units at random dates (so some come late), retractions, reused ids. */
const appends = fc.array(
  fc.array(
    fc.record({
      kind: fc.constantFrom('create', 'create', 'rename', 'move', 'dissolve', 'retract'),
      unit: fc.nat(2),
      other: fc.nat(2),
      year: fc.integer({ min: 2000, max: 2004 }),
      reuse: fc.boolean(),
    }),
    { minLength: 1, maxLength: 4 },
  ),
  { maxLength: 12 },
)

describe('memory store: checking appends at the end without a replay', () => {
  it('accepts exactly the appends that keep the whole history valid', async () => {
    await fc.assert(
      fc.asyncProperty(appends, async (batches) => {
        const store = createMemoryStore()
        const accepted: Event[] = []
        let n = 0
        for (const [b, batch] of batches.entries()) {
          const recorded = `2024-01-01T00:00:${String(b).padStart(2, '0')}Z`
          const events = batch.map(({ kind, unit, other, year, reuse }): Event => {
            const meta = { id: reuse && n > 0 ? `e${n - 1}` : `e${n++}`, effective: `${year}`, recorded }
            const u = `u${unit}`
            if (kind === 'create')
              return unitCreated({ unit: u, name: u, ...(other < unit ? { parent: `u${other}` } : {}) }, meta)
            if (kind === 'rename') return unitRenamed({ unit: u, name: `${u}'` }, meta)
            if (kind === 'move') return unitMoved({ unit: u, parent: `u${other}` }, meta)
            if (kind === 'dissolve') return unitDissolved({ unit: u }, meta)
            return eventRetracted({ event: `e${other}` }, { id: meta.id, recorded })
          })
          const valid = isRight(Timeline.from([...accepted, ...events]))
          const r = await store.append(events, { expectedVersion: 'any' })
          expect(isRight(r)).toBe(valid)
          if (valid) accepted.push(...events)
        }
      }),
      { numRuns: 200 },
    )
  })
})
