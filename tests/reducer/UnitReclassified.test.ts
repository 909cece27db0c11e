import { describe, expect, it } from 'vitest'
import {
  diff,
  evolve,
  formatError,
  replayOrThrow,
  toJSON,
  unit,
  unitCreated,
  unitDissolved,
  unitHistory,
  unitReclassified,
} from '../../src/index.js'
import { applied, rejection } from '../support/steps.js'

const history = [
  unitCreated({ unit: 'group', name: 'Group' }, { id: 'c-group', effective: '2020-01-01' }),
  unitCreated(
    { unit: 'cloud', name: 'Cloud', kind: 'department', parent: 'group' },
    { id: 'c-cloud', effective: '2020' },
  ),
  unitCreated({ unit: 'ads', name: 'Ads', parent: 'group' }, { id: 'c-ads', effective: '2020-01-01' }),
  unitCreated({ unit: 'old', name: 'Old', parent: 'group' }, { id: 'c-old', effective: '2020-01-01' }),
  unitDissolved({ unit: 'old' }, { id: 'd-old', effective: '2021-06-30' }),
]
const org = replayOrThrow(history)
const toDivision = unitReclassified({ unit: 'cloud', kind: 'division' }, { id: 'r1', effective: '2022-01-06' })

describe('UnitReclassified', () => {
  it('gives the unit its new kind', () => {
    expect(unit(applied(org, toDivision), 'cloud')?.kind).toBe('division')
  })

  it('gives a kind to a unit that had none', () => {
    const s = applied(org, unitReclassified({ unit: 'ads', kind: 'segment' }, { id: 'r1', effective: '2022' }))
    expect(toJSON(s).units.find((u) => u.id === 'ads')?.kind).toBe('segment')
  })

  it('clears the kind with null', () => {
    const s = applied(org, unitReclassified({ unit: 'cloud', kind: null }, { id: 'r1', effective: '2022' }))
    expect(unit(s, 'cloud')?.kind).toBeNull()
  })

  it('changes nothing else of the unit', () => {
    const before = unit(org, 'cloud')!
    expect({ ...unit(applied(org, toDivision), 'cloud')!, kind: before.kind }).toEqual(before)
  })

  it('rejects an unknown unit', () => {
    const error = rejection(org, unitReclassified({ unit: 'nowhere', kind: 'x' }, { id: 'e1', effective: '2022' }))
    expect(formatError(error)).toMatchInlineSnapshot(
      `"UnitReclassified 'nowhere' (event 'e1'): unit 'nowhere' does not exist on 2022; create it earlier or fix the id"`,
    )
  })

  it('rejects an ended unit', () => {
    const error = rejection(org, unitReclassified({ unit: 'old', kind: 'x' }, { id: 'e1', effective: '2022' }))
    expect(formatError(error)).toMatchInlineSnapshot(
      `"UnitReclassified 'old' (event 'e1'): unit 'old' ended (dissolved) on 2021-06-30; refer to its successor or date the event earlier"`,
    )
  })

  it('is a unit-reclassified change in a diff', () => {
    expect(diff(org, applied(org, toDivision)).changes).toEqual([
      { kind: 'unit-reclassified', unit: 'cloud', from: 'department', to: 'division' },
    ])
  })

  it('shows in the history of the unit', () => {
    const entries = unitHistory([...history, toDivision], 'cloud')
    expect(entries.at(-1)).toEqual({
      date: '2022-01-06',
      event: 'r1',
      changes: [{ kind: 'unit-reclassified', unit: 'cloud', from: 'department', to: 'division' }],
    })
  })

  it('shares every other unit with the state before', () => {
    expect(unit(evolve(org, toDivision), 'ads')).toBe(unit(org, 'ads'))
  })

  it('returns a frozen state', () => {
    const after = evolve(org, toDivision)
    expect([Object.isFrozen(after), Object.isFrozen(unit(after, 'cloud'))]).toEqual([true, true])
  })
})
