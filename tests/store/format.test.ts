import { describe, expect, it } from 'vitest'
import { formatHistory, type HistoryFormat, parseJsonValues, parseYamlValues } from '../../src/index.js'

const event = (i: number) => ({
  id: `e${i}`,
  type: 'UnitCreated',
  effective: '2020',
  data: { unit: `u${i}`, name: `U${i}` },
})

/** Values that count how many of them were taken. */
function counted(n: number) {
  const taken = { count: 0 }
  function* values() {
    for (let i = 0; i < n; i++) {
      taken.count++
      yield event(i)
    }
  }
  return { values: values(), taken }
}

describe('formatHistory', () => {
  it.each<[HistoryFormat, number]>([
    ['ndjson', 1000],
    ['json', 2000],
    ['yaml', 1],
  ])('writes %s piece by piece, taking only the events of the first piece first', (format, firstTakes) => {
    const { values, taken } = counted(100_000)
    const pieces = formatHistory(values, format)
    let piece = pieces.next()
    while (!piece.done && !piece.value.includes('e0')) piece = pieces.next()
    expect(taken.count).toBeGreaterThan(0)
    expect(taken.count).toBeLessThanOrEqual(firstTakes)
  })

  it.each<HistoryFormat>(['ndjson', 'json'])(
    'writes 100,000 events as %s in pieces of at most 1,000 events',
    (format) => {
      const { values } = counted(100_000)
      let pieces = 0
      let longest = 0
      let total = 0
      let lines = 0
      for (const piece of formatHistory(values, format)) {
        pieces++
        longest = Math.max(longest, piece.length)
        total += piece.length
        lines += piece.split('\n').length - 1
        expect(piece.endsWith('\n')).toBe(true)
      }
      expect(pieces).toBeGreaterThanOrEqual(100)
      expect(longest).toBeLessThan(total / 50)
      expect(lines).toBe(format === 'json' ? 100_002 : 100_000)
    },
  )

  it.each<HistoryFormat>(['ndjson', 'json', 'yaml'])(
    'writes %s that reads back as the same values, in order',
    (format) => {
      const values = Array.from({ length: 2500 }, (_, i) => event(i))
      const text = [...formatHistory(values, format)].join('')
      const file = `h.${format}`
      const read = format === 'yaml' ? parseYamlValues(text, file) : parseJsonValues(text, file)
      expect(read.errors).toEqual([])
      expect(read.values.map((v) => v.value)).toEqual(values)
      expect(read.values[2499]!.origin.line).toBe(format === 'ndjson' ? 2500 : format === 'json' ? 2501 : 2499 * 5 + 1)
    },
  )

  it.each<[HistoryFormat, string]>([
    ['ndjson', ''],
    ['json', '[\n]\n'],
    ['yaml', '[]\n'],
  ])('writes an empty history as %s that reads as no events', (format, text) => {
    expect([...formatHistory([], format)].join('')).toBe(text)
  })

  it('writes YAML in block style with short maps in flow style and the schema line first', () => {
    const text = [
      ...formatHistory(
        [
          {
            type: 'UnitCreated',
            effective: '2022-01-01',
            source: [{ title: 'a: b', published: '2022-01-06' }],
            data: { unit: 'cdc', name: { 'zh-Hant': '中國數字商業板塊', en: 'China Digital Commerce' }, kind: 'yes' },
          },
        ],
        'yaml',
        { schemaUrl: 'history.schema.json' },
      ),
    ].join('')
    expect(text).toMatchInlineSnapshot(`
      "# yaml-language-server: $schema=history.schema.json
      - type: UnitCreated
        effective: 2022-01-01
        source:
          - { title: "a: b", published: 2022-01-06 }
        data:
          unit: cdc
          name: { zh-Hant: 中國數字商業板塊, en: China Digital Commerce }
          kind: yes
      "
    `)
  })
})
