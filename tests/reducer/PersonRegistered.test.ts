import { isLeft } from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import {
  emptyState,
  evolve,
  leaderAssigned,
  person,
  personRegistered,
  replayOrThrow,
  rolesOf,
  step,
  toJSON,
  unitCreated,
} from '../../src/index.js'
import { applied } from '../support/steps.js'

const org = replayOrThrow([
  unitCreated({ unit: 'group', name: 'Group' }, { id: 'c-group', effective: '2020-01-01' }),
  unitCreated({ unit: 'cdc', name: 'CDC', parent: 'group' }, { id: 'c-cdc', effective: '2020-01-01' }),
  leaderAssigned({ unit: 'cdc', person: 'dai-shan' }, { id: 'l-cdc', effective: '2022-01-01' }),
  personRegistered({ person: 'lu-su', name: 'Lu Su' }, { id: 'p-lu-su', effective: '2020-01-01' }),
])

const daiShan = personRegistered(
  { person: 'dai-shan', name: { 'zh-Hant': '戴珊', en: 'Trudy Dai' }, aliases: ['Dai Shan'] },
  { id: 'e1', effective: '2021-12-06' },
)

describe('PersonRegistered', () => {
  it('registers the name and aliases of a person', () => {
    const s = applied(emptyState(), daiShan)
    expect(person(s, 'dai-shan')).toEqual({
      id: 'dai-shan',
      name: { 'zh-Hant': '戴珊', en: 'Trudy Dai' },
      aliases: ['Dai Shan'],
      roles: [],
    })
  })

  it('registers a person without aliases', () => {
    const s = applied(emptyState(), personRegistered({ person: 'p', name: 'P' }, { id: 'e1', effective: '2022' }))
    expect(person(s, 'p')?.aliases).toEqual([])
  })

  it('keeps the roles of a person registered after being assigned', () => {
    expect(rolesOf(applied(org, daiShan), 'dai-shan').map((r) => r.unit)).toEqual(['cdc'])
  })

  it('shows the registered name in the JSON of the state', () => {
    expect(toJSON(applied(org, daiShan)).people.find((p) => p.id === 'dai-shan')?.name).toEqual({
      'zh-Hant': '戴珊',
      en: 'Trudy Dai',
    })
  })

  it('replaces the name when the person is registered again', () => {
    const s = applied(org, personRegistered({ person: 'lu-su', name: '魯肅' }, { id: 'e1', effective: '2022' }))
    expect(person(s, 'lu-su')?.name).toBe('魯肅')
  })

  it('replaces the aliases when they are given again', () => {
    const s1 = applied(org, daiShan)
    const s2 = applied(
      s1,
      personRegistered({ person: 'dai-shan', name: '戴珊', aliases: ['Trudy'] }, { id: 'e2', effective: '2022' }),
    )
    expect(person(s2, 'dai-shan')?.aliases).toEqual(['Trudy'])
  })

  it('keeps the aliases when a new registration gives none', () => {
    const s1 = applied(org, daiShan)
    const s2 = applied(s1, personRegistered({ person: 'dai-shan', name: '戴珊' }, { id: 'e2', effective: '2022' }))
    expect(person(s2, 'dai-shan')?.aliases).toEqual(['Dai Shan'])
  })

  it('is never rejected', () => {
    expect(isLeft(step(emptyState(), daiShan))).toBe(false)
  })

  it('shares every unit with the state before', () => {
    expect(evolve(org, daiShan).units).toBe(org.units)
  })

  it('shares every other person with the state before', () => {
    expect(person(evolve(org, daiShan), 'lu-su')).toBe(person(org, 'lu-su'))
  })

  it('returns a frozen state with a frozen person', () => {
    const after = evolve(org, daiShan)
    expect([Object.isFrozen(after), Object.isFrozen(person(after, 'dai-shan'))]).toEqual([true, true])
  })
})
