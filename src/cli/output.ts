import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs'
import type { Io } from './io.js'
import { UsageError } from './io.js'

/**
 * Writes pieces of text (each ending with a line feed) to stdout, or to a file: into a temporary
 * file beside it, renamed over it at the end, so a failed write leaves the old file as it was and
 * the output may replace one of the inputs. Never holds the whole text.
 * @param io where stdout goes
 * @param out the file, or `undefined` (or `-`) for stdout
 * @param pieces the text
 */
export function writeOutput(io: Io, out: string | undefined, pieces: Iterable<string>): void {
  if (out === undefined || out === '-') {
    for (const piece of pieces) io.out(piece.endsWith('\n') ? piece.slice(0, -1) : piece)
    return
  }
  const temporary = `${out}.tmp-${process.pid}`
  let fd: number
  try {
    fd = openSync(temporary, 'w')
  } catch (cause) {
    const e = cause as NodeJS.ErrnoException
    throw new UsageError(`cannot write ${out}: ${e.code ?? e.message}`)
  }
  try {
    for (const piece of pieces) writeSync(fd, piece)
    closeSync(fd)
    renameSync(temporary, out)
  } catch (cause) {
    try {
      closeSync(fd)
    } catch {}
    rmSync(temporary, { force: true })
    throw cause
  }
}
