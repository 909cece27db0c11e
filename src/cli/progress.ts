import cliProgress from 'cli-progress'

/**
 * Progress of a long read or check, in stages (`reading`, `decoding`, `checking`), each counted in
 * events. {@link SILENT} does nothing; {@link startProgress} draws a bar.
 * @example
 * const progress: Progress = startProgress(process.stderr, 250_000)
 * @since 0.1.0
 */
export interface Progress {
  /** Starts a stage: the bar goes back to 0 of `total`. */
  readonly stage: (name: string, total: number) => void
  /** How far the current stage is. */
  readonly update: (value: number) => void
  /** Removes the bar; call it before writing the output. Safe to call twice. */
  readonly stop: () => void
}

/** Where a bar can be drawn: a writable stream that may be a terminal (e.g. `process.stderr`). @since 0.1.0 */
export type ProgressStream = NodeJS.WritableStream & { readonly isTTY?: boolean; readonly columns?: number }

/**
 * Histories longer than this (in events, estimated by lines) show progress. DESIGN asks for
 * progress from ~100,000 events on.
 * @since 0.1.0
 */
export const PROGRESS_THRESHOLD = 100_000

/**
 * Progress that shows nothing.
 * @example
 * SILENT.stage('reading', 10) // no output
 * @since 0.1.0
 */
export const SILENT: Progress = { stage: () => {}, update: () => {}, stop: () => {} }

/** Options of {@link startProgress}. @since 0.1.0 */
export interface ProgressOptions {
  /** Show progress only above this many events; default {@link PROGRESS_THRESHOLD}. */
  readonly threshold?: number
}

/**
 * A progress bar (cli-progress) on `stream` when it is a terminal and the work is large enough,
 * {@link SILENT} otherwise. The bar redraws during synchronous work (at most every 200 ms) and is
 * cleared when stopped, so nothing is left on the terminal.
 * @param stream where to draw (stderr), or `undefined` for no progress
 * @param estimate the expected number of events
 * @param options `threshold`
 * @returns the progress to report to
 * @example
 * const progress = startProgress(process.stderr, 250_000)
 * progress.stage('reading', 250_000)
 * progress.stop()
 * @since 0.1.0
 */
export function startProgress(
  stream: ProgressStream | undefined,
  estimate: number,
  options: ProgressOptions = {},
): Progress {
  if (stream?.isTTY !== true || estimate <= (options.threshold ?? PROGRESS_THRESHOLD)) return SILENT
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: '{stage} [{bar}] {percentage}% | {value}/{total} events | {duration_formatted}',
      barsize: 30,
      clearOnComplete: true,
      hideCursor: true,
      gracefulExit: true,
    },
    cliProgress.Presets.shades_classic,
  )
  let started = false
  let stopped = false
  return {
    stage(name, total) {
      if (stopped) return
      if (!started) bar.start(total, 0, { stage: name.padEnd(9) })
      else {
        bar.setTotal(total)
        bar.update(0, { stage: name.padEnd(9) })
      }
      started = true
    },
    update(value) {
      if (started && !stopped) bar.update(value)
    },
    stop() {
      if (started && !stopped) bar.stop()
      stopped = true
    },
  }
}

/**
 * The number of lines of a file's bytes: a cheap estimate of its events, counted before parsing.
 * @param bytes the file's content
 * @returns the number of line feeds, plus one for a last line without one
 * @example
 * countLines(Buffer.from('{}\n{}\n')) // 2
 * @since 0.1.0
 */
export function countLines(bytes: Uint8Array): number {
  let n = 0
  for (let i = bytes.indexOf(10); i !== -1; i = bytes.indexOf(10, i + 1)) n++
  return bytes.length > 0 && bytes[bytes.length - 1] !== 10 ? n + 1 : n
}
