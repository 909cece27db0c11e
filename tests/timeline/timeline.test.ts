import { isLeft } from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import {
  diffBetweenOrThrow,
  eventRetracted,
  formatError,
  type HistoryError,
  leaderAssigned,
  stateAtOrThrow,
  Timeline,
  toJSON,
  unit,
  unitCreated,
  unitDissolved,
  unitMoved,
} from '../../src/index.js'
import { readHistoryOrThrow } from '../../src/node.js'

const seed = readHistoryOrThrow(['events/alibaba-2021-2022.ndjson'])

describe('Timeline.at', () => {
  it('gives the same org as a full replay on every change date of the seed history, whatever the checkpoint spacing', () => {
    for (const checkpointEvery of [1, 3, 7, 2048]) {
      const timeline = Timeline.fromOrThrow(seed, { checkpointEvery })
      for (const date of [...timeline.changeDates(), '2019', '2021-12-31', '2030']) {
        expect(toJSON(timeline.atOrThrow(date))).toEqual(toJSON(stateAtOrThrow(seed, date)))
      }
    }
  })

  it('gives the same diff as diffBetween', () => {
    const timeline = Timeline.fromOrThrow(seed, { checkpointEvery: 5 })
    expect(timeline.diffOrThrow('2021-12-31', '2022-01-06')).toEqual(
      diffBetweenOrThrow(seed, '2021-12-31', '2022-01-06'),
    )
  })

  it('shares every unit untouched since the nearest checkpoint between two dates', () => {
    const timeline = Timeline.fromOrThrow(seed, { checkpointEvery: 4 })
    const before = timeline.atOrThrow('2022-01-01')
    const after = timeline.atOrThrow('2022-01-06')
    expect(unit(after, 'lingshoutong')).toBe(unit(before, 'lingshoutong'))
    expect(unit(after, 'taote')).toBe(unit(before, 'taote'))
    expect(unit(after, 'alimama')).not.toBe(unit(before, 'alimama'))
  })

  it('rejects a date that does not parse', () => {
    const r = Timeline.fromOrThrow(seed).at('2022-02-30')
    expect(isLeft(r) && r.left.map(formatError)).toEqual([
      'event: date: expected a date (YYYY, YYYY-MM, YYYY-MM-DD or an RFC 3339 date-time with Z or an offset), got "2022-02-30"',
    ])
  })
})

describe('bitemporal queries', () => {
  const created = unitCreated(
    { unit: 'g', name: 'Group' },
    { id: 'g', effective: '2020-01-01', recorded: '2020-01-01T00:00:00Z' },
  )
  const team = unitCreated(
    { unit: 't', name: 'Team', parent: 'g' },
    { id: 't', effective: '2021-01-01', recorded: '2021-01-01T00:00:00Z' },
  )
  const head = leaderAssigned(
    { unit: 't', person: 'ann' },
    { id: 'ann', effective: '2021-06-01', recorded: '2021-06-01T00:00:00Z' },
  )
  // Recorded in 2022, effective in 2021: a late event.
  const late = leaderAssigned(
    { unit: 't', person: 'bob' },
    { id: 'bob', effective: '2021-03-01', recorded: '2022-02-01T00:00:00Z' },
  )
  const history = [created, team, head, late]
  const heads = (t: Timeline, date: string, knownAt?: string) =>
    t.atOrThrow(date, knownAt === undefined ? {} : { knownAt }).units &&
    unit(t.atOrThrow(date, knownAt === undefined ? {} : { knownAt }), 't')?.leaders.map((l) => l.person)

  it('lands a late-recorded event at its effective date', () => {
    const t = Timeline.fromOrThrow(history)
    expect(heads(t, '2021-04-01')).toEqual(['bob'])
    expect(heads(t, '2021-07-01')).toEqual(['ann'])
  })

  it('leaves it out of what was known before it was recorded', () => {
    const t = Timeline.fromOrThrow(history, { checkpointEvery: 1 })
    expect(heads(t, '2021-04-01', '2022-01-01')).toEqual([])
    expect(heads(t, '2021-04-01', '2022-02-01')).toEqual(['bob'])
    expect(toJSON(t.atOrThrow('2021-04-01', { knownAt: '2022-01-01' }))).toEqual(
      toJSON(stateAtOrThrow(history, '2021-04-01', { knownAt: '2022-01-01' })),
    )
  })

  it('knows nothing before any record', () => {
    const t = Timeline.fromOrThrow(history)
    expect(toJSON(t.atOrThrow('2030', { knownAt: '2019-12-31' })).units).toEqual([])
  })

  it('hides a retracted event from the time the retraction was recorded', () => {
    const retraction = eventRetracted(
      { event: 'ann', reason: 'misread' },
      { id: 'r', effective: '2021-06-01', recorded: '2021-08-01T00:00:00Z' },
    )
    const t = Timeline.fromOrThrow([...history, retraction], { checkpointEvery: 2 })
    expect(heads(t, '2021-07-01')).toEqual(['bob'])
    expect(heads(t, '2021-07-01', '2021-07-15')).toEqual(['ann'])
    expect(heads(t, '2021-07-01', '2021-08-01')).toEqual([])
  })

  it('can retract a late event', () => {
    const retraction = eventRetracted({ event: 'bob' }, { id: 'r', recorded: '2022-03-01T00:00:00Z' })
    const t = Timeline.fromOrThrow([...history, retraction])
    expect(heads(t, '2021-04-01')).toEqual([])
    expect(heads(t, '2021-04-01', '2022-02-15')).toEqual(['bob'])
  })

  it('reports an event broken by a correction recorded after it, naming both events', () => {
    const moved = unitMoved(
      { unit: 't', parent: 'x' },
      { id: 'move', effective: '2021-09-01', recorded: '2021-09-01T00:00:00Z' },
    )
    const x = unitCreated(
      { unit: 'x', name: 'X', parent: 'g' },
      { id: 'x', effective: '2021-02-01', recorded: '2021-02-01T00:00:00Z' },
    )
    const dissolved = unitDissolved(
      { unit: 'x' },
      { id: 'x-gone', effective: '2021-05-01', recorded: '2021-10-01T00:00:00Z' },
    )
    const r = Timeline.from([created, team, x, moved, dissolved])
    expect(isLeft(r)).toBe(true)
    const errors = (r as { left: HistoryError[] }).left
    expect(errors.map((e) => e._tag)).toEqual(['InvalidatedBy'])
    expect(formatError(errors[0]!)).toMatchInlineSnapshot(
      `"UnitMoved 't' (event 'move'): parent 'x' ended (dissolved) on 2021-05-01; it was valid when recorded and is broken by UnitDissolved 'x-gone', recorded after it; correct or retract one of them"`,
    )
  })
})
