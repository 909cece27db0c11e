import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

// Every `@example` of the TSDoc in src/ must type-check: a broken example fails the build. Each
// one is compiled on its own, with the library's public names and its own module's exports in
// scope, and a few names the examples share (a history, a state…) declared.
const root = resolve(import.meta.dirname, '../..')
const src = join(root, 'src')

const PRELUDE = `
declare const history: Event[]
declare const events: Event[]
declare const event: Event
declare const merged: Event
declare const state: OrgState
declare const org: OrgState
declare const before: OrgState
declare const after: OrgState
declare const timeline: Timeline
declare const d: Diff
declare const error: HistoryError
declare const chart: [string, number][]
declare const pool: import('pg').Pool
declare const h: Event[]
declare const end: OrgState
declare const steps: Step[]
declare const stored: Event[]
declare const io: { out(text: string): void; err(text: string): void }
declare const args: string[]
`

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  )
}

function examplesOf(text: string): string[] {
  const out: string[] = []
  for (const comment of text.matchAll(/\/\*\*[\s\S]*?\*\//g)) {
    const lines = comment[0].split('\n').map((l) => l.replace(/^\s*\/?\*+\/?\s?/, ''))
    for (let i = 0; i < lines.length; i++) {
      if (!lines[i]!.startsWith('@example')) continue
      const body: string[] = []
      for (i++; i < lines.length && !lines[i]!.startsWith('@'); i++) body.push(lines[i]!)
      i--
      const code = body
        .join('\n')
        .replace(/^```\w*\n?|```$/gm, '')
        .trim()
      if (code !== '') out.push(code)
    }
  }
  return out
}

const exportedNames = (text: string) =>
  [...text.matchAll(/^export (?:async )?(?:function\*?|const|class|let|type|interface) (\w+)/gm)].map((m) => m[1]!)

const publicNames = (entry: string) =>
  [...readFileSync(join(src, entry), 'utf8').matchAll(/export\s*(?:type\s*)?\{([^}]*)\}/g)]
    .flatMap((m) => m[1]!.split(','))
    .map(
      (n) =>
        n
          .trim()
          .replace(/^type\s+/, '')
          .split(/\s+as\s+/)
          .pop()!,
    )
    .filter((n) => n !== '')

describe('the @example of every documented export', () => {
  it('type-checks', () => {
    // Inside the project, so that its node_modules resolve; .test-output is ignored by git.
    const dir = join(root, '.test-output', 'doc-examples')
    rmSync(dir, { recursive: true, force: true })
    mkdirSync(dir, { recursive: true })
    const main = publicNames('index.ts')
    const node = publicNames('node.ts').filter((n) => !main.includes(n))
    const names = new Set([...main, ...node])
    const written: { file: string; where: string }[] = []
    // The command line's modules are not part of the library's API (TypeDoc does not cover them).
    for (const file of files(src).filter((f) => !f.startsWith(join(src, 'cli')))) {
      const text = readFileSync(file, 'utf8')
      const own = exportedNames(text).filter((n) => !names.has(n))
      examplesOf(text).forEach((code, i) => {
        const module = relative(dir, file).replace(/\.ts$/, '.js')
        const out = join(dir, `${relative(src, file).replace(/[/.]/g, '_')}_${i}.ts`)
        // An example with its own imports shows them as a user writes them: by package name.
        const own_imports = code
          .split('\n')
          .filter((l) => l.startsWith('import '))
          .map((l) =>
            l.replace(
              /'org-history(\/\w+)?'/,
              (_, sub: string | undefined) =>
                `'${relative(dir, join(src, sub === undefined ? 'index.js' : `${sub.slice(1)}.js`))}'`,
            ),
          )
        const body = code
          .split('\n')
          .filter((l) => !l.startsWith('import '))
          .join('\n')
        const imports =
          own_imports.length > 0
            ? own_imports
            : [
                `import { ${main.join(', ')} } from '${relative(dir, join(src, 'index.js'))}'`,
                `import { ${node.join(', ')} } from '${relative(dir, join(src, 'node.js'))}'`,
                own.length > 0 ? `import { ${own.join(', ')} } from '${module}'` : '',
                "import { writeFileSync } from 'node:fs'",
                "import { isLeft, isRight } from 'fp-ts/lib/Either.js'",
              ]
        const prelude = own_imports.length > 0 ? '' : PRELUDE
        writeFileSync(out, `${imports.join('\n')}\n${prelude}\nexport async function example() {\n${body}\n}\n`)
        written.push({ file: out, where: `${relative(root, file)} (@example ${i + 1})` })
      })
    }
    const program = ts.createProgram(
      written.map((w) => w.file),
      {
        strict: true,
        noEmit: true,
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.ESNext,
        moduleResolution: ts.ModuleResolutionKind.Bundler,
        skipLibCheck: true,
        types: ['node'],
        typeRoots: [join(root, 'node_modules/@types')],
        noUnusedLocals: false,
        allowImportingTsExtensions: false,
      },
    )
    const problems = ts
      .getPreEmitDiagnostics(program)
      .filter((d) => d.file?.fileName.startsWith(dir) === true)
      .map((d) => {
        const where = written.find((w) => w.file === d.file!.fileName)?.where
        return `${where}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`
      })
    expect(written.length).toBeGreaterThan(30)
    expect(problems).toEqual([])
  })
})
