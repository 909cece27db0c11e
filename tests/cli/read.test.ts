import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { isLeft, isRight } from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { SILENT } from '../../src/cli/progress.js'
import { checkHistory, parseFiles, readFiles } from '../../src/cli/read.js'
import { replay } from '../../src/index.js'
import { readHistory, readHistoryOrThrow } from '../../src/node.js'

const dir = mkdtempSync(join(tmpdir(), 'org-history-read-'))
const file = (name: string, lines: string[]) => {
  const path = join(dir, name)
  writeFileSync(path, `${lines.join('\n')}\n`)
  return path
}
const created = (i: number, id = true) =>
  JSON.stringify({
    ...(id ? { id: `e${i}` } : {}),
    type: 'UnitCreated',
    effective: '2020',
    data: { unit: `u${i}`, name: `U${i}`, ...(i > 0 ? { parent: `u${Math.floor((i - 1) / 8)}` } : {}) },
  })
const many = (n: number) => Array.from({ length: n }, (_, i) => created(i))
const read = (paths: string[]) => parseFiles(readFiles(paths), SILENT)

describe('parseFiles', () => {
  it('reads what readHistory reads, over many chunks of lines', () => {
    const path = file('many.ndjson', many(20_000))
    expect(read([path])).toEqual(readHistory([path]))
  })

  it('reports a bad line far into a file with its own line number', () => {
    const lines = many(20_000)
    lines[18_500] = '{"type":'
    lines[17_000] = JSON.stringify({ type: 'UnitCreated', effective: '2020', data: { unit: 'x' } })
    const path = file('bad.ndjson', lines)
    const r = read([path])
    expect(r).toEqual(readHistory([path]))
    expect(isLeft(r) && r.left.map((e) => ('origin' in e ? e.origin?.line : undefined))).toEqual([17_001, 18_501])
  })

  it('gives identical events without ids in different chunks the same ids as readHistory', () => {
    const lines = many(20_000)
    lines.push(created(0, false), created(0, false))
    lines[5] = created(0, false)
    const path = file('twins.ndjson', lines)
    const ids = (r: ReturnType<typeof read>) => (isRight(r) ? r.right.slice(-2).map((e) => e.id) : [])
    expect(ids(read([path]))).toEqual(ids(readHistory([path])))
    expect(ids(read([path]))[1]).toMatch(/~3$/)
  })

  it('reads a JSON array and several files in order', () => {
    const array = join(dir, 'a.json')
    writeFileSync(array, `[\n${many(3).join(',\n')}\n]`)
    const more = file('b.ndjson', [created(3), created(4)])
    expect(read([array, more])).toEqual(readHistory([array, more]))
  })
})

describe('checkHistory', () => {
  it('gives the state replay gives', () => {
    const history = readHistoryOrThrow(['events/alibaba-2021-2022.ndjson'])
    expect(checkHistory(history, {}, SILENT)).toEqual(replay(history))
  })

  it('reports every error replay reports', () => {
    const history = readHistoryOrThrow(['tests/fixtures/invalid-rules.ndjson'])
    expect(checkHistory(history, {}, SILENT)).toEqual(replay(history))
  })

  it('checks the history as known at a date', () => {
    const history = readHistoryOrThrow(['events/alibaba-2021-2022.ndjson'])
    expect(checkHistory(history, { knownAt: '2021-01-01' }, SILENT)).toEqual(replay(history, { knownAt: '2021-01-01' }))
  })

  it('checks a long history in chunks and gives the same state', () => {
    const history = readHistoryOrThrow([file('long.ndjson', many(20_000))])
    const r = checkHistory(history, {}, SILENT)
    expect(isRight(r) && r.right.at).toBe('2020')
    expect(r).toEqual(replay(history))
  })
})
