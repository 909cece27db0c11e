import { run } from '../../src/cli/run.js'

/** Runs the command line in-process: exit status and everything it wrote, in order. */
export async function cli(...argv: string[]): Promise<{ status: number; out: string; err: string; all: string }> {
  const out: string[] = []
  const err: string[] = []
  const all: string[] = []
  const status = await run(argv, {
    out: (text) => {
      out.push(text)
      all.push(text)
    },
    err: (text) => {
      err.push(text)
      all.push(text)
    },
  })
  return { status, out: out.join('\n'), err: err.join('\n'), all: all.join('\n') }
}
