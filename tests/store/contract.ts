/**
 * The promises every EventStore keeps (src/store/port.ts), as one suite that each store runs:
 * `storeContract('memory', open)`. `open` gives a new, empty store and a way to remove it.
 * Imports only vitest, src/ and Node built-ins, so any store (memory, file, PostgreSQL) can call it.
 */
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { isLeft, isRight } from 'fp-ts/lib/Either.js'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  type Event,
  encodeEvent,
  leaderAssigned,
  parseDate,
  personRegistered,
  unitCreated,
  unitDissolved,
  unitMoved,
  unitReclassified,
  unitRenamed,
} from '../../src/index.js'
import type { AppendError, Appended, EventStore, StoredEvent } from '../../src/store/port.js'

const group = unitCreated({ unit: 'group', name: 'Group' }, { id: 'c-group', effective: '2020-01-01' })
const commerce = unitCreated(
  { unit: 'commerce', name: 'Commerce', parent: 'group' },
  { id: 'c-commerce', effective: '2020-06-01', recorded: '2020-06-02T08:00:00Z' },
)
const renamed = unitRenamed(
  { unit: 'commerce', name: 'Digital Commerce' },
  { id: 'r-commerce', effective: '2022-01-01' },
)

/** A full garbage collection, to measure what is still held (the flag can be set while running). */
function collector(): () => void {
  setFlagsFromString('--expose-gc')
  return runInNewContext('gc') as () => void
}

async function collect(iterable: AsyncIterable<StoredEvent>): Promise<StoredEvent[]> {
  const out: StoredEvent[] = []
  for await (const stored of iterable) out.push(stored)
  return out
}

/** The wire form of what was stored (without origin or anything a store adds for itself). */
const wire = (stored: readonly StoredEvent[]) => stored.map((s) => encodeEvent(s.event))

function appended(r: Awaited<ReturnType<EventStore['append']>>): Appended {
  if (isLeft(r)) throw new Error(`expected the append to succeed, got ${JSON.stringify(r.left)}`)
  return r.right
}

function refused(r: Awaited<ReturnType<EventStore['append']>>): AppendError {
  if (isRight(r)) throw new Error(`expected the append to be refused, got version ${r.right.version}`)
  return r.left
}

/** Many small valid events, as plain wire objects (cheaper to make than with the builders). */
function people(from: number, count: number): Event[] {
  const padding = 'x'.repeat(120)
  return Array.from(
    { length: count },
    (_, i): Event => ({
      id: `p-${from + i}`,
      type: 'PersonRegistered',
      effective: '2021-01-01',
      recorded: '2021-01-01T00:00:00Z',
      data: { person: 'p', name: `Person ${from + i} ${padding}` },
    }),
  )
}

/**
 * Registers the contract suite of an EventStore.
 * @param name shown in the test names
 * @param open a new, empty store, and how to remove what it made
 */
export function storeContract(
  name: string,
  open: () => Promise<{ store: EventStore; cleanup: () => Promise<void> }>,
): void {
  describe(`${name} store: the EventStore contract`, () => {
    let store: EventStore
    let cleanup: () => Promise<void>

    beforeEach(async () => {
      ;({ store, cleanup } = await open())
    })

    afterEach(async () => {
      await store.close()
      await cleanup()
    })

    it('starts empty: version 0 and nothing to read', async () => {
      expect(await store.version()).toBe(0)
      expect(await collect(store.read())).toEqual([])
    })

    it('reads back the appended events in order, numbered from version 1', async () => {
      appended(await store.append([group, commerce], { expectedVersion: 0 }))
      appended(await store.append([renamed], { expectedVersion: 2 }))
      const stored = await collect(store.read())
      expect(stored.map((s) => s.version)).toEqual([1, 2, 3])
      expect(wire(stored).map((e) => e.id)).toEqual(['c-group', 'c-commerce', 'r-commerce'])
      const { recorded: _recorded, ...rest } = encodeEvent(group)
      expect(wire(stored)[0]).toMatchObject(rest)
      expect(wire(stored)[1]).toEqual(encodeEvent(commerce))
    })

    it('keeps aliases that are language maps, UnitReclassified and inferred as written', async () => {
      const kept: Event[] = [
        group,
        personRegistered(
          { person: 'dai-shan', name: '戴珊', aliases: [{ en: 'Trudy Dai' }, 'Dai Shan'] },
          { id: 'p-dai', effective: '2021-12-06', recorded: '2021-12-06T09:00:00Z' },
        ),
        unitReclassified(
          { unit: 'group', kind: 'holding' },
          {
            id: 'k-group',
            effective: '2022-01-01',
            recorded: '2022-01-01T00:00:00Z',
            inferred: { rule: 'reclassify', confidence: 0.5, evidence: 'the kind column changed' },
          },
        ),
      ]
      appended(await store.append(kept, { expectedVersion: 0 }))
      expect(wire(await collect(store.read())).slice(1)).toEqual(kept.slice(1).map(encodeEvent))
    })

    it('returns the new version and the events as stored from an append', async () => {
      const r = appended(await store.append([group, commerce], { expectedVersion: 0 }))
      expect(r.version).toBe(2)
      expect(r.events.map((s) => s.version)).toEqual([1, 2])
      expect(r.events.map((s) => encodeEvent(s.event))).toEqual(wire(await collect(store.read())))
    })

    it('stamps recorded on events without it: one UTC instant for the whole append, at append time', async () => {
      const before = Math.floor(Date.now() / 1000) * 1000
      const moved = unitRenamed({ unit: 'group', name: 'Group 2' }, { id: 'r-group', effective: '2021-01-01' })
      const r = appended(await store.append([group, moved], { expectedVersion: 0 }))
      const after = Date.now()
      const stamps = r.events.map((s) => s.event.recorded)
      expect(stamps[0]).toBe(stamps[1])
      const parsed = parseDate(stamps[0]!)
      expect(parsed).toMatchObject({ precision: 'instant', text: stamps[0] })
      expect(parsed!.start).toBeGreaterThanOrEqual(before)
      expect(parsed!.start).toBeLessThanOrEqual(after)
      expect((await collect(store.read())).map((s) => s.event.recorded)).toEqual(stamps)
    })

    it('keeps the recorded time an event already has', async () => {
      appended(await store.append([group, commerce], { expectedVersion: 0 }))
      expect((await collect(store.read()))[1]!.event.recorded).toBe('2020-06-02T08:00:00Z')
    })

    it('counts the stored events as its version', async () => {
      appended(await store.append([group], { expectedVersion: 0 }))
      appended(await store.append([commerce, renamed], { expectedVersion: 1 }))
      expect(await store.version()).toBe(3)
    })

    it('refuses an append with a stale expected version, naming both versions, and stores nothing', async () => {
      appended(await store.append([group], { expectedVersion: 0 }))
      const error = refused(await store.append([commerce], { expectedVersion: 0 }))
      expect(error).toEqual({ _tag: 'VersionConflict', expected: 0, actual: 1 })
      expect(await store.version()).toBe(1)
    })

    it('refuses an expected version ahead of the store', async () => {
      expect(refused(await store.append([group], { expectedVersion: 3 }))).toMatchObject({
        _tag: 'VersionConflict',
        expected: 3,
        actual: 0,
      })
    })

    it('skips the version check when the expected version is "any"', async () => {
      appended(await store.append([group], { expectedVersion: 'any' }))
      expect(appended(await store.append([commerce], { expectedVersion: 'any' })).version).toBe(2)
    })

    it('refuses an append that breaks a rule and leaves every stored event as it was', async () => {
      appended(await store.append([group, commerce], { expectedVersion: 0 }))
      const before = wire(await collect(store.read()))
      const move = unitMoved({ unit: 'commerce', parent: 'nowhere' }, { id: 'm-1', effective: '2022-02-01' })
      const error = refused(await store.append([renamed, move], { expectedVersion: 2 }))
      expect(error._tag).toBe('InvalidAppend')
      expect(error._tag === 'InvalidAppend' && error.errors.map((e) => e._tag)).toEqual(['UnknownUnit'])
      expect(await store.version()).toBe(2)
      expect(wire(await collect(store.read()))).toEqual(before)
    })

    it('reports every error of a refused append, not only the first', async () => {
      appended(await store.append([group], { expectedVersion: 0 }))
      const a = unitRenamed({ unit: 'ghost', name: 'G' }, { id: 'bad-1', effective: '2021-01-01' })
      const b = unitMoved({ unit: 'group', parent: 'group' }, { id: 'bad-2', effective: '2021-02-01' })
      const error = refused(await store.append([a, b], { expectedVersion: 1 }))
      expect(error._tag === 'InvalidAppend' && error.errors.map((e) => e._tag)).toEqual([
        'UnknownUnit',
        'ParentInSubtree',
      ])
    })

    it('refuses a malformed event with a decode error naming the field', async () => {
      const empty = unitCreated({ unit: 'x', name: '' }, { id: 'c-x', effective: '2020-01-01' })
      const error = refused(await store.append([group, empty], { expectedVersion: 0 }))
      expect(error._tag === 'InvalidAppend' && error.errors).toEqual([
        expect.objectContaining({ _tag: 'DecodeError', eventId: 'c-x', path: 'data.name' }),
      ])
      expect(await store.version()).toBe(0)
    })

    it('refuses an event whose id is already stored', async () => {
      appended(await store.append([group], { expectedVersion: 0 }))
      const again = unitCreated({ unit: 'other', name: 'Other' }, { id: 'c-group', effective: '2021-01-01' })
      const error = refused(await store.append([again], { expectedVersion: 1 }))
      expect(error._tag === 'InvalidAppend' && error.errors.map((e) => e._tag)).toEqual(['DuplicateEventId'])
    })

    it('refuses a late event dated before stored events that it would break', async () => {
      appended(await store.append([group, commerce, renamed], { expectedVersion: 0 }))
      const dissolved = unitDissolved({ unit: 'commerce' }, { id: 'd-commerce', effective: '2021-01-01' })
      const error = refused(await store.append([dissolved], { expectedVersion: 3 }))
      expect(error._tag === 'InvalidAppend' && error.errors).toEqual([
        expect.objectContaining({ event: expect.objectContaining({ id: 'r-commerce' }) }),
      ])
      expect(await store.version()).toBe(3)
    })

    it('accepts events that are only valid together, whatever order they are listed in', async () => {
      const lead = leaderAssigned({ unit: 'new', person: 'p' }, { id: 'l-new', effective: '2021-02-01' })
      const created = unitCreated(
        { unit: 'new', name: 'New', parent: 'group' },
        { id: 'c-new', effective: '2021-01-01' },
      )
      appended(await store.append([group], { expectedVersion: 0 }))
      expect(appended(await store.append([lead, created], { expectedVersion: 1 })).version).toBe(3)
    })

    it('accepts an empty append and stays at the same version', async () => {
      appended(await store.append([group], { expectedVersion: 0 }))
      expect(appended(await store.append([], { expectedVersion: 1 }))).toEqual({ version: 1, events: [] })
    })

    it('reads a range of versions: after from, up to and including to', async () => {
      appended(await store.append([group, commerce, renamed], { expectedVersion: 0 }))
      expect((await collect(store.read({ from: 1, to: 2 }))).map((s) => [s.version, s.event.id])).toEqual([
        [2, 'c-commerce'],
      ])
      expect((await collect(store.read({ from: 1 }))).map((s) => s.version)).toEqual([2, 3])
      expect((await collect(store.read({ to: 1 }))).map((s) => s.version)).toEqual([1])
    })

    it('reads nothing for a range past the end', async () => {
      appended(await store.append([group], { expectedVersion: 0 }))
      expect(await collect(store.read({ from: 1 }))).toEqual([])
      expect(await collect(store.read({ from: 5, to: 9 }))).toEqual([])
    })

    it('gives the timeline of the stored history', async () => {
      appended(await store.append([group, commerce, renamed], { expectedVersion: 0 }))
      const timeline = await store.timeline()
      if (isLeft(timeline)) throw new Error(JSON.stringify(timeline.left))
      expect(timeline.right.size).toBe(3)
      const org = timeline.right.atOrThrow('2022-01-01')
      expect(org.roots).toEqual(['group'])
      expect(timeline.right.changeDates()).toEqual(['2020-01-01', '2020-06-01', '2022-01-01'])
    })

    it('keeps every event exactly once when 20 appenders race with expected versions', async () => {
      appended(await store.append([group], { expectedVersion: 0 }))
      const racer = async (i: number) => {
        const event = unitCreated(
          { unit: `u${i}`, name: `U${i}`, parent: 'group' },
          { id: `c-u${i}`, effective: '2021' },
        )
        for (;;) {
          const r = await store.append([event], { expectedVersion: await store.version() })
          if (isRight(r)) return
          if (r.left._tag !== 'VersionConflict') throw new Error(JSON.stringify(r.left))
        }
      }
      await Promise.all(Array.from({ length: 20 }, (_, i) => racer(i)))
      const ids = (await collect(store.read())).map((s) => s.event.id)
      expect(ids).toHaveLength(21)
      expect(new Set(ids).size).toBe(21)
      expect(await store.version()).toBe(21)
    })

    it('keeps every event exactly once when 20 appenders append at once without a version check', async () => {
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) => store.append(people(i * 5, 5), { expectedVersion: 'any' })),
      )
      expect(results.every(isRight)).toBe(true)
      const stored = await collect(store.read())
      expect(stored.map((s) => s.version)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1))
      expect(new Set(stored.map((s) => s.event.id)).size).toBe(100)
      // Each append is one block: its five events are consecutive.
      for (let v = 0; v < 100; v += 5) {
        const block = stored.slice(v, v + 5).map((s) => Number(s.event.id.slice(2)))
        expect(block).toEqual(Array.from({ length: 5 }, (_, i) => block[0]! + i))
      }
    })

    it('streams 200,000 events in version order without holding them', async () => {
      const total = 200_000
      appended(await store.append(people(0, total), { expectedVersion: 0 }))
      const gc = collector()
      gc()
      const start = process.memoryUsage().heapUsed
      let peak = 0
      let count = 0
      for await (const stored of store.read()) {
        count++
        if (stored.version !== count) throw new Error(`version ${stored.version} at position ${count}`)
        if (count % 50_000 === 0) {
          gc()
          peak = Math.max(peak, process.memoryUsage().heapUsed - start)
        }
      }
      expect(count).toBe(total)
      // Held, these events take ~140 MB of heap; a streamed read keeps a chunk or a page of them.
      expect(peak / 2 ** 20).toBeLessThan(32)
    })
  })
}
