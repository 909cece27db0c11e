import fc from 'fast-check'
import { freeze } from 'immer'
import { describe, expect, it } from 'vitest'
import { emptyTrie, type Trie, trieDiff, trieGet, trieSet, trieValues } from '../../src/domain/trie.js'

describe('the hash trie', () => {
  it('stores and finds 100,000 keys, splitting full leaves into levels', () => {
    let trie: Trie<number> = emptyTrie()
    for (let i = 0; i < 100_000; i++) trie = trieSet(trie, `unit-${i}`, i)
    for (let i = 0; i < 100_000; i += 997) expect(trieGet(trie, `unit-${i}`)).toBe(i)
    expect(trieGet(trie, 'unit-100000')).toBeUndefined()
    expect([...trieValues(trie)].sort((a, b) => a - b)).toEqual(Array.from({ length: 100_000 }, (_, i) => i))
  })

  it('behaves as a map for any keys, and copies only the path of a change to a frozen trie', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor')), fc.integer())),
        (pairs) => {
          const model = new Map<string, number>()
          let trie: Trie<number> = emptyTrie()
          for (const [k, v] of pairs) {
            model.set(k, v)
            trie = trieSet(trie, k, v)
          }
          for (const [k, v] of model) expect(trieGet(trie, k)).toBe(v)
          const frozen = freeze(trie, true)
          const changed = trieSet(frozen, 'changed', -1)
          const seen: string[] = []
          trieDiff(frozen, changed, (key) => seen.push(key))
          expect(seen).toEqual(model.has('changed') && model.get('changed') === -1 ? [] : ['changed'])
          expect(trieGet(frozen, 'changed')).toBe(model.get('changed'))
        },
      ),
      { numRuns: 200 },
    )
  })

  it('finds the differences between tries where one side split a leaf', () => {
    let small: Trie<number> = emptyTrie()
    for (let i = 0; i < 20_000; i++) small = trieSet(small, `k${i}`, i)
    const before = freeze(small, true)
    let after = before
    for (let i = 20_000; i < 120_000; i++) after = trieSet(after, `k${i}`, i)
    after = trieSet(after, 'k5', -5)
    let added = 0
    const changed: string[] = []
    trieDiff(before, after, (key, was) => (was === undefined ? added++ : changed.push(key)))
    expect(added).toBe(100_000)
    expect(changed).toEqual(['k5'])
  })
})
