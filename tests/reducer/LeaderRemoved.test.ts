import { describe, expect, it } from 'vitest'
import {
  evolve,
  formatError,
  leaderAssigned,
  leaderRemoved,
  leadersOf,
  person,
  replayOrThrow,
  rolesOf,
  unit,
  unitCreated,
  unitDissolved,
} from '../../src/index.js'
import { applied, rejection } from '../support/steps.js'

const org = replayOrThrow([
  unitCreated({ unit: 'group', name: 'Group' }, { id: 'c-group', effective: '2020-01-01' }),
  unitCreated({ unit: 'alimama', name: 'Alimama', parent: 'group' }, { id: 'c-alimama', effective: '2020-01-01' }),
  unitCreated({ unit: 'cloud', name: 'Cloud', parent: 'group' }, { id: 'c-cloud', effective: '2020-01-01' }),
  unitCreated({ unit: 'old', name: 'Old', parent: 'group' }, { id: 'c-old', effective: '2020-01-01' }),
  leaderAssigned({ unit: 'old', person: 'jia-luo' }, { id: 'l-old', effective: '2020-01-01' }),
  unitDissolved({ unit: 'old' }, { id: 'd-old', effective: '2021-06-30' }),
  leaderAssigned({ unit: 'alimama', person: 'jia-luo' }, { id: 'l-head', effective: '2020-01-01' }),
  leaderAssigned({ unit: 'alimama', person: 'jia-luo', role: 'cto' }, { id: 'l-cto', effective: '2020-01-01' }),
  leaderAssigned({ unit: 'alimama', person: 'p', mode: 'add' }, { id: 'l-cohead', effective: '2020-01-01' }),
  leaderAssigned({ unit: 'cloud', person: 'jia-luo' }, { id: 'l-cloud', effective: '2020-01-01' }),
  leaderAssigned({ unit: 'cloud', person: 'q', role: 'cfo' }, { id: 'l-cfo', effective: '2020-01-01' }),
])

const removeHead = leaderRemoved({ unit: 'alimama', person: 'jia-luo' }, { id: 'e1', effective: '2023-01' })

describe('LeaderRemoved', () => {
  it('ends the head role by default', () => {
    expect(leadersOf(applied(org, removeHead), 'alimama').map((l) => `${l.role}:${l.person}`)).toEqual([
      'cto:jia-luo',
      'head:p',
    ])
  })

  it('removes the role from the roles of the person', () => {
    expect(rolesOf(applied(org, removeHead), 'jia-luo').map((r) => `${r.role}@${r.unit}`)).toEqual([
      'cto@alimama',
      'head@cloud',
    ])
  })

  it('ends only the given role', () => {
    const event = leaderRemoved({ unit: 'alimama', person: 'jia-luo', role: 'cto' }, { id: 'e1', effective: '2023' })
    expect(leadersOf(applied(org, event), 'alimama').map((l) => `${l.role}:${l.person}`)).toEqual([
      'head:jia-luo',
      'head:p',
    ])
  })

  it('keeps the person known after their last role ends', () => {
    const s = applied(org, leaderRemoved({ unit: 'cloud', person: 'q', role: 'cfo' }, { id: 'e1', effective: '2023' }))
    expect(person(s, 'q')).toEqual({ id: 'q', name: null, aliases: [], roles: [] })
  })

  it('rejects a person who does not hold the role in the unit', () => {
    const error = rejection(org, leaderRemoved({ unit: 'cloud', person: 'p' }, { id: 'e1', effective: '2023' }))
    expect(formatError(error)).toMatchInlineSnapshot(
      `"LeaderRemoved 'cloud' (event 'e1'): 'p' does not hold role 'head' in 'cloud' on 2023; check the person, the role and the date"`,
    )
  })

  it('rejects a role the person does not hold there, even if they hold another', () => {
    const error = rejection(
      org,
      leaderRemoved({ unit: 'cloud', person: 'jia-luo', role: 'cto' }, { id: 'e1', effective: '2023' }),
    )
    expect(formatError(error)).toMatchInlineSnapshot(
      `"LeaderRemoved 'cloud' (event 'e1'): 'jia-luo' does not hold role 'cto' in 'cloud' on 2023; check the person, the role and the date"`,
    )
  })

  it('rejects removing a holding that has already ended', () => {
    const removed = applied(org, removeHead)
    const error = rejection(
      removed,
      leaderRemoved({ unit: 'alimama', person: 'jia-luo' }, { id: 'e2', effective: '2023-02' }),
    )
    expect(formatError(error)).toMatchInlineSnapshot(
      `"LeaderRemoved 'alimama' (event 'e2'): 'jia-luo' does not hold role 'head' in 'alimama' on 2023-02; check the person, the role and the date"`,
    )
  })

  it('rejects an unknown unit', () => {
    const error = rejection(org, leaderRemoved({ unit: 'nowhere', person: 'jia-luo' }, { id: 'e1', effective: '2023' }))
    expect(formatError(error)).toMatchInlineSnapshot(
      `"LeaderRemoved 'nowhere' (event 'e1'): unit 'nowhere' does not exist on 2023; create it earlier or fix the id"`,
    )
  })

  it('rejects a holding in an ended unit, whose roles ended with it', () => {
    const error = rejection(org, leaderRemoved({ unit: 'old', person: 'jia-luo' }, { id: 'e1', effective: '2023' }))
    expect(formatError(error)).toMatchInlineSnapshot(
      `"LeaderRemoved 'old' (event 'e1'): unit 'old' ended (dissolved) on 2021-06-30; refer to its successor or date the event earlier"`,
    )
  })

  it('shares every other unit with the state before', () => {
    expect(unit(evolve(org, removeHead), 'cloud')).toBe(unit(org, 'cloud'))
  })

  it('shares every person the removal does not touch with the state before', () => {
    expect(person(evolve(org, removeHead), 'q')).toBe(person(org, 'q'))
  })

  it('returns a frozen state', () => {
    const after = evolve(org, removeHead)
    expect([Object.isFrozen(after), Object.isFrozen(rolesOf(after, 'jia-luo'))]).toEqual([true, true])
  })
})
