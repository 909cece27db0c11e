import { describe, expect, it } from 'vitest'
import {
  activeUnits,
  ancestors,
  diffBetweenOrThrow,
  type Event,
  eventRetracted,
  evolve,
  leaderAssigned,
  leaderRemoved,
  type OrgState,
  renderTree,
  replayOrThrow,
  Timeline,
  toJSON,
  unit,
  unitCreated,
  unitMoved,
  unitRenamed,
} from '../../src/index.js'

/** The objects reachable from `after` that are not reachable from `before`: what a change copied or made. */
function newObjects(before: OrgState, after: OrgState): number {
  const seen = new Set<object>()
  const walk = (root: unknown, count: boolean) => {
    let n = 0
    const stack = [root]
    while (stack.length > 0) {
      const v = stack.pop()
      if (typeof v !== 'object' || v === null || seen.has(v)) continue
      seen.add(v)
      if (count) n++
      stack.push(...(Array.isArray(v) ? v : Object.values(v)))
    }
    return n
  }
  walk(before, false)
  return walk(after, true)
}

/** Every object reachable from a state is frozen. */
function deeplyFrozen(state: OrgState): boolean {
  const stack: unknown[] = [state]
  const seen = new Set<object>()
  while (stack.length > 0) {
    const v = stack.pop()
    if (typeof v !== 'object' || v === null || seen.has(v)) continue
    if (!Object.isFrozen(v)) return false
    seen.add(v)
    stack.push(...(Array.isArray(v) ? v : Object.values(v)))
  }
  return true
}

const created = (id: string, parent: string | null, i: number): Event =>
  unitCreated({ unit: id, name: id, ...(parent === null ? {} : { parent }) }, { effective: '2020-01-01', id: `c${i}` })

/** A root with `n` children, a second root `other`, and the first child moved under `other` on 2021-01-01. */
function wideOrg(n: number): Event[] {
  const events = [created('root', null, -1), created('other', null, -2)]
  for (let i = 0; i < n; i++) events.push(created(`child-${i}`, 'root', i))
  events.push(unitMoved({ unit: 'child-0', parent: 'other' }, { effective: '2021-01-01', id: 'move' }))
  return events
}

describe('the timeline at scale', () => {
  it('leaves every unit an event does not touch the same reference, and every state frozen', () => {
    const history = wideOrg(200)
    history.push(unitRenamed({ unit: 'child-7', name: 'Seven' }, { effective: '2022-01-01', id: 'rename' }))
    // A checkpoint after every event: the two states are checkpoints, one built from the other.
    const timeline = Timeline.fromOrThrow(history, { checkpointEvery: 1 })
    const before = timeline.atOrThrow('2021-06-01')
    for (const after of [timeline.atOrThrow('2022-01-01'), evolve(before, history[history.length - 1]!)]) {
      expect(unit(after, 'child-7')).not.toBe(unit(before, 'child-7'))
      const others = activeUnits(before).filter((u) => u.id !== 'child-7')
      expect(others.filter((u) => unit(after, u.id) !== u)).toEqual([])
      expect(after.people).toBe(before.people)
      expect([deeplyFrozen(before), deeplyFrozen(after)]).toEqual([true, true])
    }
  })

  it('handles a 10,000-deep chain of units without overflowing the stack', () => {
    const depth = 10_000
    const history = Array.from({ length: depth }, (_, i) => created(`u${i}`, i === 0 ? null : `u${i - 1}`, i))
    history.push(unitMoved({ unit: `u${depth - 1}`, parent: 'u0' }, { effective: '2021-01-01', id: 'move' }))
    const timeline = Timeline.fromOrThrow(history, { checkpointEvery: 512 })
    const org = timeline.atOrThrow('2020-12-31')
    expect(ancestors(org, `u${depth - 1}`)).toHaveLength(depth - 1)
    expect(toJSON(org).units.map((u) => u.id)).toEqual(
      history.slice(0, depth).map((e) => (e.data as { unit: string }).unit),
    )
    expect(renderTree(org).split('\n').length).toBeGreaterThanOrEqual(depth)
    expect(diffBetweenOrThrow(history, '2020-12-31', '2021-01-01').changes).toEqual([
      { kind: 'unit-moved', unit: `u${depth - 1}`, from: `u${depth - 2}`, to: 'u0' },
    ])
    expect(replayOrThrow(history)).toBeDefined()
  })

  it('moves one child of a 50,000-child parent copying as many objects as on a 10-child parent', () => {
    const copies = (n: number) => {
      const history = wideOrg(n)
      const before = replayOrThrow(history.slice(0, -1))
      const after = evolve(before, history[history.length - 1]!)
      expect(unit(after, 'child-0')?.parent).toBe('other')
      expect(unit(after, 'root')?.children).toHaveLength(n - 1)
      return newObjects(before, after)
    }
    const small = copies(10)
    const big = copies(50_000)
    // The unit, both parents and their children lists, and the path to each in the units' trie,
    // which is a few levels deeper at 50,000 units.
    expect(small).toBeLessThanOrEqual(12)
    expect(big).toBeLessThanOrEqual(small + 6)
  })

  it('keeps no empty list or empty attributes of its own in a replayed unit', () => {
    const history = [
      unitCreated({ unit: 'a', name: 'A' }, { id: 'a', effective: '2020-01-01' }),
      unitCreated({ unit: 'b', name: 'B' }, { id: 'b', effective: '2020-01-01' }),
      leaderAssigned({ unit: 'a', person: 'p', role: 'head' }, { id: 'l', effective: '2020-02-01' }),
      leaderRemoved({ unit: 'a', person: 'p', role: 'head' }, { id: 'r', effective: '2020-03-01' }),
      unitMoved({ unit: 'b', parent: 'a' }, { id: 'm1', effective: '2020-04-01' }),
      unitMoved({ unit: 'b', parent: null }, { id: 'm2', effective: '2020-05-01' }),
    ]
    for (const org of [
      replayOrThrow(history),
      Timeline.fromOrThrow(history, { checkpointEvery: 2 }).atOrThrow('2021'),
    ]) {
      const [a, b] = [unit(org, 'a')!, unit(org, 'b')!]
      // The leader that left and the child that moved away leave the one shared empty list behind.
      expect([a.leaders, a.children]).toEqual([[], []])
      expect(a.leaders).toBe(b.children)
      expect(a.children).toBe(b.leaders)
      expect(a.attributes).toBe(b.attributes)
    }
  })

  it('diffs the creation of a 150,000-child parent, in depth-first order', () => {
    const n = 150_000
    const changes = diffBetweenOrThrow(wideOrg(n).slice(0, -1), '2019-12-31', '2020-01-01').changes
    expect(changes).toHaveLength(n + 2)
    // Roots by id, then the children of `root` by id (UTF-16 order: child-0, child-1, child-10…).
    expect(changes.slice(0, 5).map((c) => c.unit)).toEqual(['other', 'root', 'child-0', 'child-1', 'child-10'])
  })

  it('keeps a history already in valid-time order as given, not a second list of its events', () => {
    const history = Array.from({ length: 100 }, (_, i) =>
      unitCreated({ unit: `u${i}`, name: `Unit ${i}` }, { id: `c${i}`, effective: '2020-01-01' }),
    )
    expect(Timeline.fromOrThrow(history).events).toBe(history)
    // A retraction is left out of the order, so the order is a list of its own.
    const retracted = [...history, eventRetracted({ event: 'c99' }, { id: 'r' })]
    const events = Timeline.fromOrThrow(retracted).events
    expect([events === retracted, events.length]).toEqual([false, 100])
  })
})
