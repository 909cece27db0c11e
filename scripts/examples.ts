// `npm run examples`: runs every script in examples/ as a user would, importing 'org-history' by
// its package name (resolved to the built package), and fails if any of them fails.
import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

const dir = process.argv[2] ?? 'examples'
const loader = pathToFileURL(join(import.meta.dirname, '../node_modules/tsx/dist/loader.mjs')).href
let failed = 0
for (const file of readdirSync(dir)
  .filter((f) => f.endsWith('.ts'))
  .sort()) {
  console.log(`\n$ ${join(dir, file)}`)
  const run = spawnSync(process.execPath, ['--import', loader, join(dir, file)], { stdio: 'inherit' })
  if (run.status !== 0) {
    failed++
    console.error(`FAILED: ${file} exited ${run.status}`)
  }
}
console.log(`\n${failed === 0 ? 'all examples ran' : `${failed} example(s) failed`}`)
process.exitCode = failed === 0 ? 0 : 1
