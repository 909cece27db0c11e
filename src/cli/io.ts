/** Where a command writes: injectable, so tests run the CLI in-process. */
export interface Io {
  readonly out: (text: string) => void
  readonly err: (text: string) => void
  /** Print every error of an invalid history (`--all`), not only the first {@link ERRORS_SHOWN}. */
  readonly allErrors?: boolean
}

/** How many errors of an invalid history are printed before the count of the others. */
export const ERRORS_SHOWN = 50

/** Exit status of DESIGN §5. */
export const EXIT = { ok: 0, invalid: 1, usage: 2 } as const

/** A usage error: printed as one line, exit status 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError'
}
