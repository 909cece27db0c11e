import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cli } from '../support/cli.js'

const root = resolve(import.meta.dirname, '../..')
const readme = readFileSync(join(root, 'README.md'), 'utf8')
const blocks = [...readme.matchAll(/```(\w+)\n([\s\S]*?)```/g)].map((m) => ({ lang: m[1]!, body: m[2]! }))

describe('the README', () => {
  const examples = blocks.flatMap((b, i) => (b.lang === 'ts' ? [[b.body.split('\n')[0]!, i] as const] : []))
  it.each(examples)('prints what it says its example starting `%s` prints', (_, index) => {
    const code = blocks[index]!.body.replace("from 'org-history/node'", `from '${join(root, 'src/node.ts')}'`).replace(
      "from 'org-history'",
      `from '${join(root, 'src/index.ts')}'`,
    )
    const expected = blocks[index + 1]!
    expect(expected.lang).toBe('text')
    const file = join(mkdtempSync(join(tmpdir(), 'org-history-readme-')), 'example.mts')
    writeFileSync(file, code)
    const output = execFileSync(process.execPath, ['--import', 'tsx', file], { cwd: root, encoding: 'utf8' })
    expect(output).toBe(expected.body)
  })

  it('has its examples executed', () => {
    expect(examples.length).toBeGreaterThanOrEqual(2)
  })

  const sessions = blocks.filter((b) => b.lang === 'text' && b.body.startsWith('$ org-history '))
  it.each(sessions.map((b) => [b.body.split('\n')[0]!, b.body]))('shows the real output of `%s`', async (_, body) => {
    const commands = body.split(/^\$ /m).filter((c) => c !== '')
    for (const command of commands) {
      const [line, ...output] = command.split('\n')
      const argv = line!.split(' ').slice(1)
      expect(`${(await cli(...argv)).all}\n`).toBe(output.join('\n'))
    }
  })

  it('has at least two command-line sessions', async () => {
    expect(sessions.length).toBeGreaterThanOrEqual(2)
  })
})
