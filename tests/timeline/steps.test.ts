import { describe, expect, it } from 'vitest'
import {
  activeCount,
  foldHistory,
  type OrgState,
  replaySteps,
  stateAtOrThrow,
  statesBetween,
  toJSON,
  unit,
} from '../../src/index.js'
import { readHistoryOrThrow } from '../../src/node.js'

const seed = readHistoryOrThrow(['events/alibaba-2021-2022.ndjson'])

describe('replaySteps', () => {
  it('yields every event with the org before and after it, ending at the full replay', () => {
    let last: OrgState | undefined
    let count = 0
    for (const { before, after } of replaySteps(seed)) {
      if (last !== undefined) expect(before).toBe(last)
      last = after
      count++
    }
    expect(count).toBe(seed.length)
    expect(toJSON(last!).units).toEqual(toJSON(stateAtOrThrow(seed, '2030')).units)
  })

  it('keeps every unit an event did not touch the same object', () => {
    for (const { event, before, after } of replaySteps(seed, { from: '2021-12-31' })) {
      if (event.type !== 'UnitRenamed') continue
      expect(unit(after, 'alibaba-group')).toBe(unit(before, 'alibaba-group'))
    }
  })

  it('starts after `from` and stops at `to`', () => {
    const ids = [...replaySteps(seed, { from: '2021-12-31', to: '2022-01-01' })].map((s) => s.event.id)
    expect(ids[0]).toBe('cdc-created')
    expect(ids.every((id) => seed.find((e) => e.id === id)!.effective === '2022-01-01')).toBe(true)
  })
})

describe('foldHistory', () => {
  it('calls back once per event in valid-time order', () => {
    const moved = foldHistory(seed, [] as string[], (acc, { event }) =>
      event.type === 'UnitMoved' ? [...acc, event.data.unit] : acc,
    )
    expect(moved).toHaveLength(11)
    expect(moved.at(-1)).toBe('alimama')
  })
})

describe('statesBetween', () => {
  it('gives the org at every change date, equal to stateAt', () => {
    const states = [...statesBetween(seed, '2021', '2022-12-31')]
    expect(states.map((s) => s.date)).toEqual(['2022-01-01', '2022-01-06'])
    for (const { date, state } of states) expect(toJSON(state)).toEqual(toJSON(stateAtOrThrow(seed, date)))
  })

  it('gives the org at every month end', () => {
    const counts = [...statesBetween(seed, '2021-10', '2022-02', { every: 'month' })].map(
      ({ date, state }) => `${date}:${activeCount(state)}`,
    )
    expect(counts).toEqual(['2021-11:11', '2021-12:11', '2022-01:17', '2022-02:17'])
  })

  it('gives the org every N days', () => {
    const dates = [...statesBetween(seed, '2022-01-01', '2022-01-10', { every: { days: 3 } })].map((s) => s.date)
    expect(dates).toEqual(['2022-01-04', '2022-01-07', '2022-01-10'])
  })
})
