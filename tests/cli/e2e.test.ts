import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'

// End to end: the CLI as built by `npm run build` (dist/cli.js), spawned as a user runs it.
const root = resolve(import.meta.dirname, '../..')
const cliPath = join(root, 'dist/cli.js')
const seed = 'events/alibaba-2021-2022.ndjson'
const dir = mkdtempSync(join(tmpdir(), 'org-history-e2e-'))
const big = join(dir, 'big.ndjson')
const empty = mkdtempSync(join(tmpdir(), 'org-history-e2e-empty-'))
const BIG = 100_001

/** The escape that starts every ANSI sequence (colour, cursor, clearing a line). */
const ESC = '\u001b['

function baseEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = { ...process.env, ...extra }
  for (const key of ['FORCE_COLOR', 'NO_COLOR', 'NODE_OPTIONS']) if (!(key in extra)) delete env[key]
  return env
}

/** Runs the built CLI with stdout and stderr as pipes. */
function run(argv: readonly string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [cliPath, ...argv], { cwd: root, encoding: 'utf8', env: baseEnv(env) })
  return { status: r.status, out: r.stdout, err: r.stderr }
}

/** Runs the built CLI on a pseudo-terminal (util-linux `script`): stdout and stderr are a TTY. */
function runOnTerminal(argv: readonly string[], env: Record<string, string> = {}) {
  const command = [process.execPath, cliPath, ...argv].map((a) => `'${a.replaceAll("'", "'\\''")}'`).join(' ')
  const r = spawnSync('script', ['-qec', command, '/dev/null'], {
    cwd: root,
    encoding: 'utf8',
    env: baseEnv({ TERM: 'xterm-256color', COLUMNS: '120', ...env }),
  })
  return { status: r.status, all: r.stdout }
}

beforeAll(() => {
  const build = spawnSync('npm', ['run', 'build'], { cwd: root, encoding: 'utf8', env: baseEnv() })
  if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stdout}\n${build.stderr}`)
  const lines = [JSON.stringify({ id: 'e0', type: 'UnitCreated', effective: '2020', data: { unit: 'u0', name: 'U0' } })]
  for (let i = 1; i < BIG; i++) {
    const data = { unit: `u${i}`, name: `U${i}`, parent: `u${Math.floor((i - 1) / 8)}` }
    lines.push(JSON.stringify({ id: `e${i}`, type: 'UnitCreated', effective: '2020', data }))
  }
  writeFileSync(big, `${lines.join('\n')}\n`)
})

describe('the built org-history, on the seed history', () => {
  it('validates it', () => {
    expect(run(['validate', seed])).toEqual({ status: 0, out: 'valid: 62 events, up to 2022-01-06\n', err: '' })
  })

  it('draws the org on a date as a tree', () => {
    const r = run(['at', '2022-01-06', seed])
    expect(r.out.split('\n')[0]).toBe(
      '阿里巴巴集團 (Alibaba Group) [alibaba-group]  董事會主席: 張勇, CEO: 張勇, CTO: 魯肅, CCO/CRO: 師太, 集團總裁: 戴珊',
    )
  })

  it.each([
    ['json', /^\{\n {2}"at": "2022-01-06",/],
    ['mermaid', /^flowchart TD\n/],
    ['dot', /^digraph org \{\n/],
  ])('prints the org as %s', (format, start) => {
    const r = run(['at', '2022-01-06', seed, '--format', format])
    expect({ status: r.status, err: r.err }).toEqual({ status: 0, err: '' })
    expect(r.out).toMatch(start)
  })

  it.each([
    ['text', /^2021-12-31 → 2022-01-06: 35 changes, 31 events\n/],
    ['json', /^\{\n {2}"from": "2021-12-31",/],
    ['markdown', /^## 2021-12-31 → 2022-01-06\n/],
    ['patch', /^\[\n {2}\{\n {4}"op": "replace",\n {4}"path": "\/at",/],
  ])('prints the diff as %s', (format, start) => {
    const r = run(['diff', '2021-12-31', '2022-01-06', seed, '--format', format])
    expect({ status: r.status, err: r.err }).toEqual({ status: 0, err: '' })
    expect(r.out).toMatch(start)
  })

  it.each([
    ['text', /^2020 {8}UnitCreated {8}阿里巴巴集團 \[alibaba-group\] \(root\) /],
    ['json', /^\{\n {2}"events": \[\n/],
    ['markdown', /^\| Date \| Type \| Summary \| Reorg \| Source \|\n/],
  ])('prints the log as %s', (format, start) => {
    const r = run(['log', seed, '--format', format])
    expect({ status: r.status, err: r.err }).toEqual({ status: 0, err: '' })
    expect(r.out).toMatch(start)
  })

  it('filters the log by unit, dates and reorg', () => {
    const r = run(['log', seed, '--unit', 'tmall', '--since', '2022', '--reorg', 'alibaba-2022-01', '--lang', 'en'])
    expect(r.out).toBe('2022-01-06  UnitMerged  Taobao, Tmall → Taobao & Tmall  alibaba-2022-01  時尚達人圈 +1\n')
  })

  it('draws the lineage of a unit', () => {
    expect(run(['lineage', 'taobao-tmall', seed]).out).toContain('└── 天貓 (Tmall) [tmall]  merged 2022-01-06')
  })

  it.each(['validate', 'at', 'diff', 'log', 'lineage'])('prints the help of %s and exits 0', (command) => {
    const r = run([command, '--help'])
    expect({ status: r.status, start: r.out.split('\n')[0]!.startsWith(`Usage: org-history ${command}`) }).toEqual({
      status: 0,
      start: true,
    })
  })
})

describe('exit status and errors of the built org-history', () => {
  it('exits 1 on an invalid history, with file:line errors and no stack trace', () => {
    const r = run(['log', 'tests/fixtures/invalid-rules.ndjson'])
    expect(r.status).toBe(1)
    expect(r.err).toMatch(/^tests\/fixtures\/invalid-rules\.ndjson:4: /)
    expect(r.err).not.toMatch(/\n\s+at /)
  })

  it.each([
    [['bogus', seed], /^org-history: unknown command 'bogus'/],
    [['log', seed, '--nope'], /^org-history: Unknown option '--nope'/],
    [['at', '2022', 'events/none.ndjson'], /^org-history: no such file or directory: events\/none\.ndjson$/],
    [['at', 'someday', seed], /^org-history: date 'someday' is not a date/],
    [['lineage', 'tmal', seed], /^org-history: no unit 'tmal' in the history; did you mean 'tmall'\?$/],
    [['validate', empty], /^org-history: no history files/],
  ])('exits 2 with one line for %j', (argv, message) => {
    const r = run(argv)
    expect({ status: r.status, out: r.out, lines: r.err.trimEnd().split('\n').length }).toEqual({
      status: 2,
      out: '',
      lines: 1,
    })
    expect(r.err.trimEnd()).toMatch(message)
  })
})

describe('colour of the built org-history', () => {
  it('writes no colour into a pipe', () => {
    expect(run(['diff', '2021-12-31', '2022-01-06', seed]).out.includes(ESC)).toBe(false)
  })

  it('writes colour when FORCE_COLOR is set', () => {
    expect(run(['diff', '2021-12-31', '2022-01-06', seed], { FORCE_COLOR: '1' }).out.includes(ESC)).toBe(true)
  })

  it('writes colour on a terminal', () => {
    expect(runOnTerminal(['log', seed, '--unit', 'tmall']).all.includes(ESC)).toBe(true)
  })

  it('writes no colour on a terminal when NO_COLOR is set', () => {
    expect(runOnTerminal(['log', seed, '--unit', 'tmall'], { NO_COLOR: '1' }).all.includes(ESC)).toBe(false)
  })

  it('never colours JSON', () => {
    expect(runOnTerminal(['log', seed, '--json', '--unit', 'tmall']).all.includes(ESC)).toBe(false)
  })
})

describe('progress of the built org-history on a history of more than 100,000 events', () => {
  it('prints nothing on stderr when it is not a terminal', () => {
    expect(run(['validate', big])).toEqual({ status: 0, out: `valid: ${BIG} events, up to 2020\n`, err: '' })
  }, 120_000)

  it('shows a bar for reading and checking on a terminal, then clears it', () => {
    const r = runOnTerminal(['validate', big])
    expect(r.status).toBe(0)
    expect(r.all).toMatch(/reading +\[/)
    expect(r.all).toMatch(/checking +\[[█░]+\] 100% \| 100001\/100001 events/)
    expect(r.all.lastIndexOf(`${ESC}2K`)).toBeGreaterThan(r.all.lastIndexOf('100001/100001 events'))
    expect(r.all.endsWith('valid: 100001 events, up to 2020\r\n')).toBe(true)
  }, 120_000)

  it('shows nothing on a terminal for the small seed history', () => {
    expect(runOnTerminal(['validate', seed]).all).toBe('valid: 62 events, up to 2022-01-06\r\n')
  })
})
