import { isLeft, isRight } from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import {
  decodeEvent,
  type Event,
  eventRetracted,
  formatError,
  type HistoryError,
  type OrgState,
  replay,
  replayOrThrow,
  step,
  unit,
  unitCreated,
  unitMoved,
} from '../../src/index.js'

function replayed(events: readonly Event[], knownAt?: string): OrgState {
  const r = replay(events, knownAt === undefined ? {} : { knownAt })
  if (isLeft(r)) throw new Error(r.left.map(formatError).join('\n'))
  return r.right
}

function errorsOf(events: readonly Event[]): HistoryError[] {
  const r = replay(events)
  if (isRight(r)) throw new Error('expected the history to be rejected')
  return r.left
}

const history = [
  unitCreated({ unit: 'group', name: 'Group' }, { id: 'c-group', effective: '2020-01-01' }),
  unitCreated({ unit: 'cdc', name: 'CDC', parent: 'group' }, { id: 'c-cdc', effective: '2020-01-01' }),
  unitCreated({ unit: 'lazada', name: 'Lazada', parent: 'group' }, { id: 'c-lazada', effective: '2020-01-01' }),
  unitMoved(
    { unit: 'lazada', parent: 'cdc' },
    { id: 'wrong-move', effective: '2022-01-01', recorded: '2022-01-02T09:00:00Z' },
  ),
]

const retraction = eventRetracted(
  { event: 'wrong-move', reason: 'misread the letter' },
  { id: 'r1', effective: '2022-01-07', recorded: '2022-01-07T09:00:00Z' },
)

describe('EventRetracted', () => {
  it('changes no unit and no person when stepped on its own', () => {
    const before = replayOrThrow(history)
    const r = step(before, retraction)
    const after = isRight(r) ? r.right : undefined
    expect([after?.units === before.units, after?.people === before.people, after?.roots === before.roots]).toEqual([
      true,
      true,
      true,
    ])
  })

  it('makes the retracted event count as never recorded', () => {
    expect(unit(replayed([...history, retraction]), 'lazada')?.parent).toBe('group')
  })

  it('acts only from its recorded time on', () => {
    expect(unit(replayed([...history, retraction], '2022-01-05'), 'lazada')?.parent).toBe('cdc')
  })

  it('needs no effective date', () => {
    const decoded = decodeEvent({ id: 'r1', type: 'EventRetracted', data: { event: 'wrong-move' } })
    if (isLeft(decoded)) throw new Error(decoded.left.map(formatError).join('\n'))
    expect(unit(replayed([...history, decoded.right]), 'lazada')?.parent).toBe('group')
  })

  it('acts wherever it is listed in the history', () => {
    expect(unit(replayed([retraction, ...history]), 'lazada')?.parent).toBe('group')
  })

  it('rejects a retraction of an event that is not in the history', () => {
    const errors = errorsOf([
      ...history,
      eventRetracted({ event: 'no-such-event' }, { id: 'r1', effective: '2022-01-07' }),
    ])
    expect(errors.map(formatError)).toMatchInlineSnapshot(`
      [
        "EventRetracted 'no-such-event' (event 'r1'): retracts 'no-such-event', which is not an event of this history; fix the id of the retracted event",
      ]
    `)
  })

  it('rejects a retraction of a retraction', () => {
    const errors = errorsOf([
      ...history,
      retraction,
      eventRetracted({ event: 'r1' }, { id: 'r2', effective: '2022-01-07' }),
    ])
    expect(errors.map(formatError)).toMatchInlineSnapshot(`
      [
        "EventRetracted 'r1' (event 'r2'): retracts 'r1', which is itself a retraction; a retraction cannot be retracted; record the event again instead",
      ]
    `)
  })

  it('reports every bad retraction of a history, not only the first', () => {
    const errors = errorsOf([
      ...history,
      retraction,
      eventRetracted({ event: 'nope' }, { id: 'r2', effective: '2022-01-07' }),
      eventRetracted({ event: 'r1' }, { id: 'r3', effective: '2022-01-07' }),
    ])
    expect(errors.map((e) => e._tag)).toEqual(['UnknownRetractionTarget', 'RetractsRetraction'])
  })
})
