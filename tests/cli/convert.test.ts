import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Ajv2020 from 'ajv/dist/2020.js'
import { beforeAll, describe, expect, it } from 'vitest'
import { parse as parseYaml } from 'yaml'
import { eventJsonSchema, historyJsonSchema } from '../../src/index.js'
import { cli } from '../support/cli.js'

const SEED = 'events/alibaba-2021-2022.ndjson'
const seedText = readFileSync(SEED, 'utf8')
let dir: string
let yamlFile: string

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'org-history-convert-'))
  yamlFile = join(dir, 'alibaba.yaml')
  expect((await cli('convert', SEED, '--to', 'yaml', '--out', yamlFile)).status).toBe(0)
})

describe('org-history convert', () => {
  it('converts the seed history to YAML and back to the same NDJSON, byte for byte', async () => {
    const back = await cli('convert', yamlFile, '--to', 'ndjson')
    expect(back.status).toBe(0)
    expect(`${back.out}\n`).toBe(seedText)
  })

  it('writes a JSON array, one event a line, that reads as the same events', async () => {
    const json = await cli('convert', yamlFile, '--to', 'json')
    const lines = seedText.trimEnd().split('\n')
    expect(json.out.split('\n')).toHaveLength(lines.length + 2)
    expect(JSON.parse(json.out)).toEqual(lines.map((l) => JSON.parse(l)))
  })

  it('starts YAML with the schema line when asked, and takes the format from --out', async () => {
    const out = join(dir, 'with-schema.yml')
    const r = await cli('convert', SEED, '--out', out, '--schema-url', './history.schema.json')
    expect(r).toMatchObject({ status: 0, all: '' })
    const text = readFileSync(out, 'utf8')
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=./history.schema.json')
    expect(parseYaml(text)).toEqual(
      seedText
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l)),
    )
  })

  it('reads directories with YAML files, in name order with the others', async () => {
    const mixed = mkdtempSync(join(tmpdir(), 'org-history-mixed-'))
    const lines = seedText.trimEnd().split('\n')
    writeFileSync(join(mixed, '1-first.ndjson'), `${lines.slice(0, 20).join('\n')}\n`)
    writeFileSync(join(mixed, '2-rest.ndjson'), `${lines.slice(20).join('\n')}\n`)
    const rest = join(mixed, '2-rest.yaml')
    expect((await cli('convert', join(mixed, '2-rest.ndjson'), '--out', rest)).status).toBe(0)
    const only = mkdtempSync(join(tmpdir(), 'org-history-mixed-'))
    writeFileSync(join(only, '1-first.ndjson'), `${lines.slice(0, 20).join('\n')}\n`)
    writeFileSync(join(only, '2-rest.yml'), readFileSync(rest))
    expect(`${(await cli('convert', only, '--to', 'ndjson')).out}\n`).toBe(seedText)
  })

  it('leaves out the file store hash chain, which is storage', async () => {
    const chained = join(dir, 'chained.ndjson')
    writeFileSync(chained, '{"chain":"00ab","type":"UnitCreated","effective":"2020","data":{"unit":"g","name":"G"}}\n')
    expect((await cli('convert', chained, '--to', 'yaml')).out).toBe(
      '- type: UnitCreated\n  effective: "2020"\n  data: { unit: g, name: G }',
    )
  })

  it('can replace its own input', async () => {
    const file = join(dir, 'self.yaml')
    writeFileSync(file, '# hand-written\n- {type: UnitCreated, effective: 2020, data: {unit: g, name: G}}\n')
    expect((await cli('convert', file, '--to', 'yaml', '--out', file)).status).toBe(0)
    expect(readFileSync(file, 'utf8')).toBe('- type: UnitCreated\n  effective: "2020"\n  data: { unit: g, name: G }\n')
  })

  it('reports a malformed event and writes nothing', async () => {
    const out = join(dir, 'never.yaml')
    const r = await cli('convert', 'tests/fixtures/invalid-fields.ndjson', '--to', 'yaml', '--out', out)
    expect(r.status).toBe(1)
    expect(r.err).toMatch(/^tests\/fixtures\/invalid-fields.ndjson:2: UnitCreated \(event 'bad-parent'\): data.parent/)
    expect(existsSync(out)).toBe(false)
  })

  it('names what is wrong with its arguments', async () => {
    expect((await cli('convert', SEED)).err).toBe(
      'org-history: missing --to ndjson|json|yaml (or an --out FILE with one of their extensions)',
    )
    expect((await cli('convert', SEED, '--to', 'toml')).err).toBe(
      "org-history: convert has no format 'toml'; expected one of ndjson, json, yaml",
    )
    const r = await cli('convert', SEED, '--to', 'json', '--schema-url', 'x.json')
    expect(r.status).toBe(2)
    expect(r.err).toMatch(/--schema-url is for --to yaml/)
  })
})

describe('every command reads YAML histories as it reads NDJSON', () => {
  const runs = [
    ['validate', 'H'],
    ['at', '2022-01-06', 'H'],
    ['at', '2022-01-06', 'H', '--format', 'json'],
    ['diff', '2021-12-31', '2022-01-31', 'H'],
    ['log', 'H', '--unit', 'taobao-tmall'],
    ['lineage', 'taobao-tmall', 'H'],
  ]
  it.each(runs.map((r) => [r.join(' '), r]))('%s', async (_, argv) => {
    const fromNdjson = await cli(...argv.map((a) => (a === 'H' ? SEED : a)))
    const fromYaml = await cli(...argv.map((a) => (a === 'H' ? yamlFile : a)))
    expect(fromNdjson.status).toBe(0)
    expect(fromNdjson.out.length).toBeGreaterThan(0)
    expect(fromYaml.out.replaceAll(yamlFile, SEED)).toBe(fromNdjson.out)
  })
})

describe('the README', () => {
  it("shows the beginning of the seed history's real conversion to YAML", async () => {
    const readme = readFileSync('README.md', 'utf8')
    const shown = /```yaml\n(# yaml-language-server[\s\S]*?)```/.exec(readme)?.[1]
    expect(shown).toBeDefined()
    const url = /\$schema=(\S+)/.exec(shown!)![1]!
    expect(readme).toContain(`npx org-history convert ${SEED} --to yaml --schema-url ${url} --out alibaba.yaml`)
    const events = shown!.split('\n\n').length
    const real = (await cli('convert', SEED, '--to', 'yaml', '--schema-url', url)).out
    expect(`${real.split('\n\n').slice(0, events).join('\n\n')}\n`).toBe(shown)
  })
})

describe('org-history schema', () => {
  it('prints the schema of one event, and with --history that of a history file', async () => {
    expect(JSON.parse((await cli('schema')).out)).toEqual(eventJsonSchema())
    const out = join(dir, 'history.schema.json')
    expect((await cli('schema', '--history', '--out', out)).status).toBe(0)
    const history = JSON.parse(readFileSync(out, 'utf8'))
    expect(history).toEqual(historyJsonSchema())
    const validate = new Ajv2020().compile(history)
    expect(validate(parseYaml(readFileSync(yamlFile, 'utf8')))).toBe(true)
    expect(validate([{ type: 'UnitCreated', effective: '2020', data: { unit: 'g', name: 'G', parnet: 'x' } }])).toBe(
      false,
    )
  })
})
