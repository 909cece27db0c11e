import { Writable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { countLines, PROGRESS_THRESHOLD, SILENT, startProgress } from '../../src/cli/progress.js'

/** A stream that records what is written, a terminal or not. */
function fakeStream(isTTY: boolean) {
  const chunks: string[] = []
  const stream = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk))
      done()
    },
  }) as Writable & { isTTY: boolean; columns: number }
  stream.isTTY = isTTY
  stream.columns = 120
  return { stream, text: () => chunks.join('') }
}

describe('startProgress', () => {
  it('shows nothing when the stream is not a terminal', () => {
    const { stream, text } = fakeStream(false)
    const progress = startProgress(stream, 1_000_000)
    progress.stage('reading', 1_000_000)
    progress.update(500_000)
    progress.stop()
    expect(progress).toBe(SILENT)
    expect(text()).toBe('')
  })

  it('shows nothing for a history of up to 100,000 events', () => {
    const { stream, text } = fakeStream(true)
    const progress = startProgress(stream, PROGRESS_THRESHOLD)
    progress.stage('reading', PROGRESS_THRESHOLD)
    progress.stop()
    expect(text()).toBe('')
  })

  it('draws a bar with the stage and the count on a terminal', () => {
    const { stream, text } = fakeStream(true)
    const progress = startProgress(stream, 250_000)
    progress.stage('reading', 250_000)
    progress.stop()
    expect(text()).toMatch(/reading +\[[░█]+\] 0% \| 0\/250000 events/)
  })

  it('clears the bar when it stops, leaving the line empty', () => {
    const { stream, text } = fakeStream(true)
    const progress = startProgress(stream, 250_000)
    progress.stage('checking', 250_000)
    progress.stop()
    expect(text().lastIndexOf('\u001b[2K')).toBeGreaterThan(text().lastIndexOf('events'))
  })

  it('can be stopped twice', () => {
    const { stream } = fakeStream(true)
    const progress = startProgress(stream, 250_000)
    progress.stage('reading', 250_000)
    progress.stop()
    expect(() => progress.stop()).not.toThrow()
  })
})

describe('countLines', () => {
  it('counts line feeds', () => {
    expect(countLines(Buffer.from('{}\n{}\n'))).toBe(2)
  })

  it('counts a last line without a line feed', () => {
    expect(countLines(Buffer.from('{}\n{}'))).toBe(2)
  })

  it('counts nothing in an empty file', () => {
    expect(countLines(Buffer.alloc(0))).toBe(0)
  })
})
