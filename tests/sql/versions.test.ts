import fc from 'fast-check'
import { isRight } from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { parseDate, Timeline, versionsOf } from '../../src/index.js'
import {
  bitemporalHistoryArb,
  knownAtChoices,
  libraryAt,
  queryDate,
  queryDatesArb,
  versionRows,
} from '../support/bitemporal.js'

const RUNS = { numRuns: Number(process.env.LAW_RUNS ?? 200) }

describe('versionsOf', () => {
  it('holds at (D, T) exactly the org the library gives at D as known at T', () => {
    fc.assert(
      fc.property(bitemporalHistoryArb, queryDatesArb, (history, choices) => {
        const timeline = Timeline.from(history)
        if (!isRight(timeline)) throw new Error('the generator made an invalid history')
        const versions = versionsOf(history)
        for (const knownAt of knownAtChoices(history))
          for (const choice of choices) {
            const date = queryDate(history, choice)
            const expected = libraryAt(timeline.right, date, knownAt)
            if (expected === undefined) continue
            const cut = knownAt === undefined ? undefined : parseDate(knownAt)!.end - 1
            expect(versionRows(versions, parseDate(date)!.end - 1, cut), `${date} known at ${knownAt}`).toEqual(
              expected,
            )
          }
      }),
      RUNS,
    )
  })

  it('closes a version in transaction time when a retraction is recorded', () => {
    const history = [
      { id: 'a', type: 'UnitCreated', effective: '2022-01-01', data: { unit: 'a', name: 'A' } },
      {
        id: 'r',
        type: 'UnitRenamed',
        effective: '2022-02-01',
        recorded: '2022-02-01T00:00:00Z',
        data: { unit: 'a', name: 'B' },
      },
      { id: 'x', type: 'EventRetracted', recorded: '2022-03-01T00:00:00Z', data: { event: 'r' } },
    ] as const
    const { units } = versionsOf(history as never)
    const b = units.filter((u) => u.value.name === 'B')
    expect(b).toHaveLength(1)
    expect([b[0]!.recordedFrom, b[0]!.recordedTo]).toEqual([Date.parse('2022-02-01'), Date.parse('2022-03-01')])
  })
})
