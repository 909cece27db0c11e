import { describe, expect, it } from 'vitest'
import {
  evolve,
  formatError,
  replayOrThrow,
  toJSON,
  unit,
  unitCreated,
  unitDissolved,
  unitRenamed,
} from '../../src/index.js'
import { applied, rejection } from '../support/steps.js'

const org = replayOrThrow([
  unitCreated({ unit: 'group', name: 'Group' }, { id: 'c-group', effective: '2020-01-01' }),
  unitCreated({ unit: 'grocery', name: '盒馬集市', parent: 'group' }, { id: 'c-grocery', effective: '2020-01-01' }),
  unitCreated({ unit: 'cloud', name: 'Cloud', parent: 'group' }, { id: 'c-cloud', effective: '2020-01-01' }),
  unitCreated({ unit: 'old', name: 'Old', parent: 'group' }, { id: 'c-old', effective: '2020-01-01' }),
  unitDissolved({ unit: 'old' }, { id: 'd-old', effective: '2021-06-30' }),
])

describe('UnitRenamed', () => {
  it('gives the unit its new name', () => {
    const s = applied(org, unitRenamed({ unit: 'grocery', name: '淘菜菜' }, { id: 'e1', effective: '2021-09' }))
    expect(unit(s, 'grocery')?.name).toBe('淘菜菜')
  })

  it('keeps the old name in the name history, oldest first', () => {
    const s = applied(org, unitRenamed({ unit: 'grocery', name: '淘菜菜' }, { id: 'e1', effective: '2021-09' }))
    expect(unit(s, 'grocery')?.names).toEqual([
      { name: '盒馬集市', since: '2020-01-01' },
      { name: '淘菜菜', since: '2021-09' },
    ])
  })

  it('accepts a name in several languages', () => {
    const name = { 'zh-Hant': '淘菜菜', en: 'Taocaicai' }
    const s = applied(org, unitRenamed({ unit: 'grocery', name }, { id: 'e1', effective: '2021-09' }))
    expect(toJSON(s).units.find((u) => u.id === 'grocery')?.name).toEqual(name)
  })

  it('keeps the date the unit came into being', () => {
    const s = applied(org, unitRenamed({ unit: 'grocery', name: '淘菜菜' }, { id: 'e1', effective: '2021-09' }))
    expect(unit(s, 'grocery')?.since).toBe('2020-01-01')
  })

  it('rejects an unknown unit', () => {
    const error = rejection(org, unitRenamed({ unit: 'nowhere', name: 'N' }, { id: 'e1', effective: '2022' }))
    expect(formatError(error)).toMatchInlineSnapshot(
      `"UnitRenamed 'nowhere' (event 'e1'): unit 'nowhere' does not exist on 2022; create it earlier or fix the id"`,
    )
  })

  it('rejects an ended unit', () => {
    const error = rejection(org, unitRenamed({ unit: 'old', name: 'N' }, { id: 'e1', effective: '2022' }))
    expect(formatError(error)).toMatchInlineSnapshot(
      `"UnitRenamed 'old' (event 'e1'): unit 'old' ended (dissolved) on 2021-06-30; refer to its successor or date the event earlier"`,
    )
  })

  it('shares every other unit with the state before', () => {
    const after = evolve(org, unitRenamed({ unit: 'grocery', name: '淘菜菜' }, { id: 'e1', effective: '2021-09' }))
    expect(unit(after, 'cloud')).toBe(unit(org, 'cloud'))
  })

  it('returns a frozen state with a frozen name history', () => {
    const after = evolve(org, unitRenamed({ unit: 'grocery', name: '淘菜菜' }, { id: 'e1', effective: '2021-09' }))
    expect([Object.isFrozen(after), Object.isFrozen(unit(after, 'grocery')?.names)]).toEqual([true, true])
  })
})
