import { isLeft, isRight } from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import {
  applyJsonPatch,
  formatJsonPatchError,
  formatPointer,
  type JsonPatch,
  type JsonPatchError,
  parsePointer,
} from '../../src/index.js'

function patched(doc: unknown, patch: JsonPatch): unknown {
  const r = applyJsonPatch(doc, patch)
  if (isLeft(r)) throw new Error(formatJsonPatchError(r.left))
  return r.right
}

function failure(doc: unknown, patch: JsonPatch): JsonPatchError {
  const r = applyJsonPatch(doc, patch)
  if (isRight(r)) throw new Error(`expected the patch to fail, got ${JSON.stringify(r.right)}`)
  return r.left
}

/** A deep copy that is deeply frozen: changing it in place would throw (tests run in strict mode). */
function frozen<T>(value: T): T {
  const copy = JSON.parse(JSON.stringify(value)) as T
  const freeze = (v: unknown) => {
    if (typeof v === 'object' && v !== null) Object.values(Object.freeze(v)).forEach(freeze)
  }
  freeze(copy)
  return copy
}

describe('applyJsonPatch on the examples of RFC 6902 appendix A', () => {
  const examples: [string, unknown, JsonPatch, unknown][] = [
    [
      'A.1 adds an object member',
      { foo: 'bar' },
      [{ op: 'add', path: '/baz', value: 'qux' }],
      { baz: 'qux', foo: 'bar' },
    ],
    [
      'A.2 inserts an array element',
      { foo: ['bar', 'baz'] },
      [{ op: 'add', path: '/foo/1', value: 'qux' }],
      { foo: ['bar', 'qux', 'baz'] },
    ],
    ['A.3 removes an object member', { baz: 'qux', foo: 'bar' }, [{ op: 'remove', path: '/baz' }], { foo: 'bar' }],
    [
      'A.4 removes an array element',
      { foo: ['bar', 'qux', 'baz'] },
      [{ op: 'remove', path: '/foo/1' }],
      { foo: ['bar', 'baz'] },
    ],
    [
      'A.5 replaces a value',
      { baz: 'qux', foo: 'bar' },
      [{ op: 'replace', path: '/baz', value: 'boo' }],
      { baz: 'boo', foo: 'bar' },
    ],
    [
      'A.6 moves a value',
      { foo: { bar: 'baz', waldo: 'fred' }, qux: { corge: 'grault' } },
      [{ op: 'move', from: '/foo/waldo', path: '/qux/thud' }],
      { foo: { bar: 'baz' }, qux: { corge: 'grault', thud: 'fred' } },
    ],
    [
      'A.7 moves an array element',
      { foo: ['all', 'grass', 'cows', 'eat'] },
      [{ op: 'move', from: '/foo/1', path: '/foo/3' }],
      { foo: ['all', 'cows', 'eat', 'grass'] },
    ],
    [
      'A.8 passes tests of equal values',
      { baz: 'qux', foo: ['a', 2, 'c'] },
      [
        { op: 'test', path: '/baz', value: 'qux' },
        { op: 'test', path: '/foo/1', value: 2 },
      ],
      { baz: 'qux', foo: ['a', 2, 'c'] },
    ],
    [
      'A.10 adds a nested member object',
      { foo: 'bar' },
      [{ op: 'add', path: '/child', value: { grandchild: {} } }],
      { foo: 'bar', child: { grandchild: {} } },
    ],
    [
      'A.11 ignores unrecognized members of an operation',
      { foo: 'bar' },
      [{ op: 'add', path: '/baz', value: 'qux', xyz: 123 } as JsonPatch[number]],
      { foo: 'bar', baz: 'qux' },
    ],
    [
      'A.14 unescapes ~01 as ~1, not as /',
      { '/': 9, '~1': 10 },
      [{ op: 'test', path: '/~01', value: 10 }],
      { '/': 9, '~1': 10 },
    ],
    [
      'A.16 appends an array value with -',
      { foo: ['bar'] },
      [{ op: 'add', path: '/foo/-', value: ['abc', 'def'] }],
      { foo: ['bar', ['abc', 'def']] },
    ],
  ]

  it.each(examples)('%s', (_, doc, patch, expected) => {
    expect(patched(frozen(doc), patch)).toEqual(expected)
  })

  it('A.9 fails a test of a different value', () => {
    expect(failure({ baz: 'qux' }, [{ op: 'test', path: '/baz', value: 'bar' }])).toMatchObject({
      _tag: 'TestFailed',
      index: 0,
    })
  })

  it('A.12 fails to add below a member that does not exist', () => {
    expect(failure({ foo: 'bar' }, [{ op: 'add', path: '/baz/bat', value: 'qux' }])).toMatchObject({
      _tag: 'PathNotFound',
      pointer: '/baz/bat',
    })
  })

  it('A.15 tells a string from a number', () => {
    expect(failure({ '/': 9, '~1': 10 }, [{ op: 'test', path: '/~01', value: '10' }])._tag).toBe('TestFailed')
  })
})

describe('JSON Pointer (RFC 6901)', () => {
  const doc = {
    foo: ['bar', 'baz'],
    '': 0,
    'a/b': 1,
    'c%d': 2,
    'e^f': 3,
    'g|h': 4,
    'i\\j': 5,
    'k"l': 6,
    ' ': 7,
    'm~n': 8,
  }

  it.each([
    ['', doc],
    ['/foo', ['bar', 'baz']],
    ['/foo/0', 'bar'],
    ['/', 0],
    ['/a~1b', 1],
    ['/c%d', 2],
    ['/e^f', 3],
    ['/g|h', 4],
    ['/i\\j', 5],
    ['/k"l', 6],
    ['/ ', 7],
    ['/m~0n', 8],
  ])('finds %s as the RFC says', (pointer, value) => {
    expect(patched(doc, [{ op: 'test', path: pointer, value }])).toBe(doc)
  })

  it('escapes ~ before / when formatting and reads the tokens back', () => {
    expect(formatPointer(['units', 0, 'a/b', '~x', '~1'])).toBe('/units/0/a~1b/~0x/~01')
    expect(parsePointer('/units/0/a~1b/~0x/~01')).toEqual(['units', '0', 'a/b', '~x', '~1'])
  })

  it('rejects a pointer without a leading slash or with a bare ~', () => {
    expect(parsePointer('a/b')).toBeUndefined()
    expect(parsePointer('/a~2')).toBeUndefined()
    expect(parsePointer('/a~')).toBeUndefined()
  })
})

describe('applyJsonPatch', () => {
  it('never changes the document it is given', () => {
    const doc = { a: { b: [1, 2] }, c: 'x' }
    const patch: JsonPatch = [
      { op: 'add', path: '/a/b/-', value: 3 },
      { op: 'move', from: '/c', path: '/a/c' },
      { op: 'replace', path: '/a/b/0', value: 0 },
    ]
    expect(patched(frozen(doc), patch)).toEqual({ a: { b: [0, 2, 3], c: 'x' } })
    expect(doc).toEqual({ a: { b: [1, 2] }, c: 'x' })
  })

  it('shares every part of the document that no operation touched', () => {
    const doc = { touched: { x: 1 }, kept: { deep: [1, 2, 3] } }
    const out = patched(doc, [{ op: 'replace', path: '/touched/x', value: 2 }]) as typeof doc
    expect(out.kept).toBe(doc.kept)
    expect(out.touched).not.toBe(doc.touched)
  })

  it('keeps a copied value apart from its source when either changes later', () => {
    const out = patched({ a: { b: 1 } }, [
      { op: 'add', path: '/a/c', value: 2 },
      { op: 'copy', from: '/a', path: '/d' },
      { op: 'add', path: '/d/e', value: 3 },
    ])
    expect(out).toEqual({ a: { b: 1, c: 2 }, d: { b: 1, c: 2, e: 3 } })
  })

  it('adds a member named __proto__ as an own key and leaves Object.prototype alone', () => {
    const out = patched({}, [{ op: 'add', path: '/__proto__', value: { polluted: true } }]) as object
    expect(Object.hasOwn(out, '__proto__')).toBe(true)
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype)
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined()
  })

  it('never reaches Object.prototype through a pointer', () => {
    expect(failure({}, [{ op: 'add', path: '/__proto__/polluted', value: true }])._tag).toBe('PathNotFound')
    expect(failure({}, [{ op: 'test', path: '/constructor', value: null }])._tag).toBe('PathNotFound')
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined()
  })

  it('reports the index of the failing operation and applies none of the patch', () => {
    const doc = { a: 1 }
    const error = failure(doc, [
      { op: 'replace', path: '/a', value: 2 },
      { op: 'remove', path: '/missing' },
    ])
    expect(formatJsonPatchError(error)).toMatchInlineSnapshot(`"operation 1: path "/missing" does not exist"`)
    expect(doc).toEqual({ a: 1 })
  })

  it('rejects an array index with a leading zero, past the end, or - outside add', () => {
    const doc = { foo: ['a', 'b'] }
    expect(failure(doc, [{ op: 'replace', path: '/foo/01', value: 'x' }])._tag).toBe('PathNotFound')
    expect(failure(doc, [{ op: 'add', path: '/foo/3', value: 'x' }])._tag).toBe('PathNotFound')
    expect(failure(doc, [{ op: 'remove', path: '/foo/-' }])._tag).toBe('PathNotFound')
  })

  it('rejects a move into the moved value itself', () => {
    expect(failure({ a: { b: {} } }, [{ op: 'move', from: '/a', path: '/a/b/c' }])).toMatchObject({
      _tag: 'MoveIntoChild',
      from: '/a',
      path: '/a/b/c',
    })
  })

  it('replaces the whole document at the empty pointer', () => {
    expect(patched({ a: 1 }, [{ op: 'replace', path: '', value: [1] }])).toEqual([1])
  })

  it('explains malformed operations and pointers', () => {
    const bad = (op: unknown) => formatJsonPatchError(failure({}, [op as JsonPatch[number]]))
    expect(bad({ op: 'frobnicate', path: '/a' })).toMatchInlineSnapshot(`"operation 0: unknown op "frobnicate""`)
    expect(bad({ op: 'add', path: '/a' })).toMatchInlineSnapshot(`"operation 0: add: "value" is missing"`)
    expect(bad({ op: 'remove', path: 'a' })).toMatchInlineSnapshot(
      `"operation 0: "a" is not a JSON Pointer (it starts with "/", "~" only as ~0 or ~1)"`,
    )
  })
})
