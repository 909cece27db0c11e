import { readFileSync } from 'node:fs'
import { isLeft } from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { formatError, formatHistory, parseHistory, parseYamlValues } from '../../src/index.js'

const SEED = 'events/alibaba-2021-2022.ndjson'
const seedValues = () =>
  readFileSync(SEED, 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as unknown)

/** The formatted errors of a YAML history that must not read. */
function errorsOf(text: string, file = 'bad.yaml'): string[] {
  const r = parseHistory(text, file)
  if (!isLeft(r)) throw new Error('expected errors')
  return r.left.map(formatError)
}

/** The values of a YAML history that must read without errors. */
function valuesOf(text: string): unknown[] {
  const { values, errors } = parseYamlValues(text, 'h.yaml')
  expect(errors).toEqual([])
  return values.map((v) => v.value)
}

const THREE = `# The group and two units.
- id: group
  type: UnitCreated
  effective: 2020
  data: {unit: group, name: Group}

- id: middle
  type: UnitCreated
  effective: 2021-03
  data:
    unit: a
    name: A
    parent: group

- id: last
  type: UnitCreated
  effective: 2022-01-01
  data:
    unit: b
    name: {zh-Hant: 乙, en: B}
    parent: group
`

describe('YAML histories', () => {
  it('read the seed history converted to YAML as the same events, in order', () => {
    const values = seedValues()
    const yaml = [...formatHistory(values, 'yaml', { schemaUrl: 'event.schema.json' })].join('')
    expect(yaml.startsWith('# yaml-language-server: $schema=event.schema.json\n- id: ')).toBe(true)
    expect(valuesOf(yaml)).toEqual(values)
    const back = parseHistory(yaml, 'seed.yaml')
    const direct = parseHistory(readFileSync(SEED, 'utf8'), SEED)
    if (isLeft(back) || isLeft(direct)) throw new Error('the seed history reads')
    expect(back.right.map(({ origin: _, ...e }) => e)).toEqual(direct.right.map(({ origin: _, ...e }) => e))
  })

  it('ignore comments and blank lines, and keep the line of each event', () => {
    const withComments = THREE.replace('- id: middle', '\n# a comment between events\n\n- id: middle # and one after')
    const { values } = parseYamlValues(withComments, 'h.yaml')
    expect(values.map((v) => v.value)).toEqual(valuesOf(THREE))
    expect(values.map((v) => v.origin.line)).toEqual([2, 10, 18])
  })

  it('keep unquoted dates, yes/no and date-like numbers as text where the codec wants text', () => {
    const [event] = valuesOf(`- id: 42
  type: LeaderAssigned
  effective: 2022
  announced: 2021-12
  recorded: 2021-12-06T09:00:00Z
  note: no
  data: {unit: 2022-01, person: yes, title: 1.5, role: 007}
  inferred: {rule: merge, confidence: 0.75}
`)
    expect(event).toEqual({
      id: '42',
      type: 'LeaderAssigned',
      effective: '2022',
      announced: '2021-12',
      recorded: '2021-12-06T09:00:00Z',
      note: 'no',
      data: { unit: '2022-01', person: 'yes', title: '1.5', role: '007' },
      inferred: { rule: 'merge', confidence: 0.75 },
    })
  })

  it('keep numbers where the codec takes any JSON (attribute values) and booleans as booleans', () => {
    const [event] = valuesOf(`- type: UnitAttributesSet
  effective: 2022-01-01
  data:
    unit: a
    attributes: {headcount: 120, since: 2021, listed: true, brands: [淘寶, 天貓]}
`)
    expect((event as { data: unknown }).data).toEqual({
      unit: 'a',
      attributes: { headcount: 120, since: 2021, listed: true, brands: ['淘寶', '天貓'] },
    })
  })

  it('report an error in the first event at the line of its field', () => {
    expect(errorsOf(THREE.replace('effective: 2020', 'effective: soon'))).toMatchInlineSnapshot(`
      [
        "bad.yaml:4: UnitCreated (event 'group'): effective: expected a date (YYYY, YYYY-MM, YYYY-MM-DD or an RFC 3339 date-time with Z or an offset), got "soon"",
      ]
    `)
  })

  it('report an error in a middle event at the line of a nested field, with a hint', () => {
    expect(
      errorsOf(THREE.replace('    parent: group\n\n- id: last', '    parnet: group\n\n- id: last')),
    ).toMatchInlineSnapshot(`
      [
        "bad.yaml:13: UnitCreated (event 'middle'): data.parnet: is not a known field; did you mean 'parent'? expected only unit, name, kind, parent, attributes",
      ]
    `)
  })

  it('report an error in the last event, and a missing field at the line of its map', () => {
    expect(errorsOf(THREE.replace('    name: {zh-Hant: 乙, en: B}\n', ''))).toMatchInlineSnapshot(`
      [
        "bad.yaml:18: UnitCreated (event 'last'): data.name: is required",
      ]
    `)
    expect(errorsOf(THREE.replace('{zh-Hant: 乙, en: B}', '{zh-Hant: 乙, en: ""}'))).toMatchInlineSnapshot(`
      [
        "bad.yaml:20: UnitCreated (event 'last'): data.name: expected a name: a non-empty string or {"<language tag>": "<non-empty text>", …}, got an object",
      ]
    `)
  })

  it('list the errors of one event in line order', () => {
    const text = '- type: UnitCreated\n  effective: soon\n  data: {unit: a, name: A}\n  notes: x\n'
    expect(errorsOf(text).map((e) => e.split(':')[1])).toEqual(['2', '4'])
  })

  it('report an error inside a list at the line of its item', () => {
    const text = `- type: UnitSplit
  effective: 2023
  data:
    unit: a
    into:
      - {unit: c, name: C}
      - unit: d
        name: D
        kind: true
`
    expect(errorsOf(text)).toMatchInlineSnapshot(`
      [
        "bad.yaml:9: UnitSplit: data.into[1].kind: expected a string, got boolean true",
      ]
    `)
  })

  it('reject duplicate keys, with their line', () => {
    expect(
      errorsOf(THREE.replace('    parent: group\n\n- id: last', '    parent: group\n    unit: c\n\n- id: last')),
    ).toMatchInlineSnapshot(`
      [
        "bad.yaml:14: invalid YAML: duplicate key: a key may appear once in a map",
      ]
    `)
  })

  it('follow aliases, and reject one that makes a cycle', () => {
    const shared = `- type: UnitCreated
  effective: 2020
  source: &article {title: 淘寶、天貓業務將實現全面融合, published: 2022-01-06}
  data: {unit: a, name: A}
- type: UnitCreated
  effective: 2020
  source: *article
  data: {unit: b, name: B}
`
    const [a, b] = valuesOf(shared) as { source: unknown }[]
    expect(b!.source).toEqual(a!.source)
    expect(
      errorsOf('- &loop\n  type: UnitCreated\n  effective: 2020\n  data: {unit: a, name: *loop}\n'),
    ).toMatchInlineSnapshot(`
      [
        "bad.yaml:4: alias *loop refers to a value that contains it (a cycle)",
      ]
    `)
  })

  it('reject what is not one sequence of events', () => {
    expect(errorsOf('type: UnitCreated\neffective: 2020\n')).toMatchInlineSnapshot(`
      [
        "bad.yaml:1: a YAML history must be a sequence of events, each item starting with \`- \`",
      ]
    `)
    expect(
      errorsOf('- {type: UnitCreated, effective: 2020, data: {unit: a, name: A}}\n---\n- x\n'),
    ).toMatchInlineSnapshot(`
      [
        "bad.yaml:2: invalid YAML: a YAML history is one document, a sequence of events; remove the \`---\` separators",
      ]
    `)
    expect(errorsOf('- {type: UnitCreated, effective: 2020\n')).toHaveLength(1)
  })

  it('read an indented sequence and a flow sequence as well', () => {
    const indented =
      '# events\n  - {type: UnitCreated, effective: 2020, data: {unit: a, name: A}}\n  - {type: UnitCreated, effective: 2020, data: {unit: b, name: B}}\n'
    expect(valuesOf(indented)).toHaveLength(2)
    expect(valuesOf('[{type: UnitCreated, effective: 2020, data: {unit: a, name: A}}]')).toHaveLength(1)
  })

  it('read an empty file or one of comments only as no events', () => {
    expect(valuesOf('')).toEqual([])
    expect(valuesOf('# nothing yet\n')).toEqual([])
  })
})
