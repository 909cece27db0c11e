import fc from 'fast-check'
import { isRight } from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { dayText, parseDate } from '../../src/domain/date.js'
import { importSnapshots } from '../../src/import/importSnapshots.js'
import { toJSON } from '../../src/queries/json.js'
import { stateAtOrThrow } from '../../src/timeline/replay.js'
import { historyArb } from '../support/arbitraries.js'
import { fromJSON } from './support.js'

describe('importSnapshots round trip', () => {
  it('reproduces the org of a generated history at every snapshot date', () => {
    fc.assert(
      fc.property(
        historyArb({ minEvents: 1 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 5 }),
        (history, picks) => {
          const days = [...new Set(history.map((e) => dayText(parseDate(e.effective!)!.start)))].sort()
          const chosen = [...new Set(picks.map((p) => days[p % days.length]!))].sort()
          const snapshots = chosen.map((d) => fromJSON(toJSON(stateAtOrThrow(history, d)), `org-${d}.json`))
          const imported = importSnapshots(snapshots)
          expect(isRight(imported) ? [] : imported.left).toEqual([])
          if (!isRight(imported)) return
          for (const [i, d] of chosen.entries()) {
            const again = fromJSON(toJSON(stateAtOrThrow(imported.right.events, d)), `org-${d}.json`)
            const sort = <T extends { id: string }>(xs: readonly T[]) => [...xs].sort((a, b) => (a.id < b.id ? -1 : 1))
            expect(sort(again.units)).toEqual(sort(snapshots[i]!.units))
          }
        },
      ),
      { numRuns: 150 },
    )
  })
})
