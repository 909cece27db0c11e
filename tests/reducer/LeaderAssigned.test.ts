import { describe, expect, it } from 'vitest'
import {
  type Event,
  evolve,
  formatError,
  leaderAssigned,
  leadersOf,
  person,
  replayOrThrow,
  rolesOf,
  toJSON,
  unit,
  unitCreated,
  unitDissolved,
} from '../../src/index.js'
import { applied, rejection } from '../support/steps.js'

const history: Event[] = [
  unitCreated({ unit: 'group', name: 'Group' }, { id: 'c-group', effective: '2020-01-01' }),
  unitCreated({ unit: 'cdc', name: 'CDC', parent: 'group' }, { id: 'c-cdc', effective: '2020-01-01' }),
  unitCreated({ unit: 'taobao-tmall', name: '大淘寶', parent: 'cdc' }, { id: 'c-tt', effective: '2020-01-01' }),
  unitCreated({ unit: 'cloud', name: 'Cloud', parent: 'group' }, { id: 'c-cloud', effective: '2020-01-01' }),
  unitCreated({ unit: 'old', name: 'Old', parent: 'group' }, { id: 'c-old', effective: '2020-01-01' }),
  unitDissolved({ unit: 'old' }, { id: 'd-old', effective: '2021-06-30' }),
  leaderAssigned({ unit: 'cdc', person: 'zhang-yong' }, { id: 'l-cdc', effective: '2020-01-01' }),
  leaderAssigned({ unit: 'cdc', person: 'jiang-fan', role: 'cfo' }, { id: 'l-cdc-cfo', effective: '2020-01-01' }),
  leaderAssigned({ unit: 'cloud', person: 'zhang-jianfeng' }, { id: 'l-cloud', effective: '2020-01-01' }),
]

const org = replayOrThrow(history)

const daiShan = leaderAssigned({ unit: 'cdc', person: 'dai-shan' }, { id: 'e1', effective: '2022-01-01' })

describe('LeaderAssigned', () => {
  it('makes the person head of the unit by default', () => {
    expect(leadersOf(applied(org, daiShan), 'cdc')).toContainEqual({
      person: 'dai-shan',
      role: 'head',
      title: null,
      acting: false,
      since: '2022-01-01',
    })
  })

  it('adds the role to the roles of the person', () => {
    expect(rolesOf(applied(org, daiShan), 'dai-shan')).toEqual([
      { unit: 'cdc', role: 'head', title: null, acting: false, since: '2022-01-01' },
    ])
  })

  it('keeps the given role, title and acting flag', () => {
    const event = leaderAssigned(
      { unit: 'taobao-tmall', person: 'wu-zeming', role: 'cto', title: 'CTO', acting: true },
      { id: 'e1', effective: '2022-01-06' },
    )
    expect(leadersOf(applied(org, event), 'taobao-tmall')).toEqual([
      { person: 'wu-zeming', role: 'cto', title: 'CTO', acting: true, since: '2022-01-06' },
    ])
  })

  it('assigns a person who was never registered, who shows by id without a name', () => {
    expect(person(applied(org, daiShan), 'dai-shan')?.name).toBeNull()
  })

  it('replaces the current holder of the role by default', () => {
    expect(leadersOf(applied(org, daiShan), 'cdc').map((l) => `${l.role}:${l.person}`)).toEqual([
      'cfo:jiang-fan',
      'head:dai-shan',
    ])
  })

  it('ends the role of the replaced holder on their side too', () => {
    expect(rolesOf(applied(org, daiShan), 'zhang-yong')).toEqual([])
  })

  it('adds a co-holder of the role in add mode', () => {
    const event = leaderAssigned({ unit: 'cdc', person: 'dai-shan', mode: 'add' }, { id: 'e1', effective: '2022' })
    expect(leadersOf(applied(org, event), 'cdc').map((l) => `${l.role}:${l.person}`)).toEqual([
      'head:zhang-yong',
      'cfo:jiang-fan',
      'head:dai-shan',
    ])
  })

  it('keeps the roles of the current holders in add mode', () => {
    const event = leaderAssigned({ unit: 'cdc', person: 'dai-shan', mode: 'add' }, { id: 'e1', effective: '2022' })
    expect(rolesOf(applied(org, event), 'zhang-yong').map((r) => r.unit)).toEqual(['cdc'])
  })

  it('confirms an acting head when the same person is assigned again', () => {
    const acting = applied(
      org,
      leaderAssigned({ unit: 'cloud', person: 'p', acting: true }, { id: 'a1', effective: '2022-01' }),
    )
    const confirmed = applied(
      acting,
      leaderAssigned({ unit: 'cloud', person: 'p' }, { id: 'a2', effective: '2022-06' }),
    )
    expect(toJSON(confirmed).people.find((p) => p.id === 'p')?.roles).toEqual([
      { unit: 'cloud', role: 'head', acting: false, since: '2022-01' },
    ])
  })

  it('updates the title in place when the same person is assigned again', () => {
    const first = applied(
      org,
      leaderAssigned({ unit: 'cloud', person: 'p', title: 'President' }, { id: 'a1', effective: '2022-01' }),
    )
    const again = applied(
      first,
      leaderAssigned({ unit: 'cloud', person: 'p', title: 'CEO' }, { id: 'a2', effective: '2022-06' }),
    )
    expect(leadersOf(again, 'cloud')).toEqual([
      { person: 'p', role: 'head', title: 'CEO', acting: false, since: '2022-01' },
    ])
  })

  it('clears the title when the same person is assigned again with a null title', () => {
    const first = applied(
      org,
      leaderAssigned({ unit: 'cloud', person: 'p', title: 'President' }, { id: 'a1', effective: '2022-01' }),
    )
    const again = applied(
      first,
      leaderAssigned({ unit: 'cloud', person: 'p', title: null }, { id: 'a2', effective: '2022-06' }),
    )
    expect([leadersOf(again, 'cloud')[0]?.title, rolesOf(again, 'p')[0]?.title]).toEqual([null, null])
  })

  it('reads an absent acting as false when the same person is assigned again', () => {
    const acting = applied(
      org,
      leaderAssigned({ unit: 'cloud', person: 'p', title: 'CEO', acting: true }, { id: 'a1', effective: '2022-01' }),
    )
    const again = applied(acting, leaderAssigned({ unit: 'cloud', person: 'p' }, { id: 'a2', effective: '2022-06' }))
    expect(leadersOf(again, 'cloud')).toEqual([
      { person: 'p', role: 'head', title: 'CEO', acting: false, since: '2022-01' },
    ])
  })

  it('shows a person who was never registered with a null name in JSON', () => {
    expect(toJSON(applied(org, daiShan)).people.find((p) => p.id === 'dai-shan')).toEqual({
      id: 'dai-shan',
      name: null,
      roles: [{ unit: 'cdc', role: 'head', acting: false, since: '2022-01-01' }],
    })
  })

  it('keeps the title when the same person is assigned again without one', () => {
    const first = applied(
      org,
      leaderAssigned({ unit: 'cloud', person: 'p', title: 'President' }, { id: 'a1', effective: '2022-01' }),
    )
    const again = applied(first, leaderAssigned({ unit: 'cloud', person: 'p' }, { id: 'a2', effective: '2022-06' }))
    expect(rolesOf(again, 'p').map((r) => r.title)).toEqual(['President'])
  })

  it('lets a person hold roles in several units at once', () => {
    const s1 = applied(
      org,
      leaderAssigned({ unit: 'group', person: 'wu-zeming', role: 'cto' }, { id: 'a1', effective: '2021' }),
    )
    const s2 = applied(
      s1,
      leaderAssigned({ unit: 'taobao-tmall', person: 'wu-zeming', role: 'cto' }, { id: 'a2', effective: '2022' }),
    )
    expect(rolesOf(s2, 'wu-zeming').map((r) => `${r.role}@${r.unit}`)).toEqual(['cto@group', 'cto@taobao-tmall'])
  })

  it('lets a person hold several roles in one unit', () => {
    const event = leaderAssigned({ unit: 'cdc', person: 'zhang-yong', role: 'chair' }, { id: 'e1', effective: '2022' })
    expect(rolesOf(applied(org, event), 'zhang-yong').map((r) => r.role)).toEqual(['head', 'chair'])
  })

  it('rejects an unknown unit', () => {
    const error = rejection(org, leaderAssigned({ unit: 'nowhere', person: 'p' }, { id: 'e1', effective: '2022' }))
    expect(formatError(error)).toMatchInlineSnapshot(
      `"LeaderAssigned 'nowhere' (event 'e1'): unit 'nowhere' does not exist on 2022; create it earlier or fix the id"`,
    )
  })

  it('rejects an ended unit', () => {
    const error = rejection(org, leaderAssigned({ unit: 'old', person: 'p' }, { id: 'e1', effective: '2022' }))
    expect(formatError(error)).toMatchInlineSnapshot(
      `"LeaderAssigned 'old' (event 'e1'): unit 'old' ended (dissolved) on 2021-06-30; refer to its successor or date the event earlier"`,
    )
  })

  it('leaves the holding in the state before unchanged when the same person is assigned again', () => {
    const acting = applied(
      org,
      leaderAssigned({ unit: 'cloud', person: 'p', acting: true }, { id: 'a1', effective: '2022-01' }),
    )
    evolve(acting, leaderAssigned({ unit: 'cloud', person: 'p', title: 'CEO' }, { id: 'a2', effective: '2022-06' }))
    expect([leadersOf(acting, 'cloud'), rolesOf(acting, 'p')]).toEqual([
      [{ person: 'p', role: 'head', title: null, acting: true, since: '2022-01' }],
      [{ unit: 'cloud', role: 'head', title: null, acting: true, since: '2022-01' }],
    ])
  })

  it('leaves the state before unchanged when a holder is replaced', () => {
    const before = JSON.stringify(toJSON(org))
    evolve(org, daiShan)
    expect(JSON.stringify(toJSON(org))).toBe(before)
  })

  it('gives the same state in a replay of the history as in a step', () => {
    expect(toJSON(replayOrThrow([...history, daiShan]))).toEqual(toJSON(applied(org, daiShan)))
  })

  it('shares every other unit with the state before', () => {
    expect(unit(evolve(org, daiShan), 'cloud')).toBe(unit(org, 'cloud'))
  })

  it('shares every person the assignment does not touch with the state before', () => {
    expect(person(evolve(org, daiShan), 'zhang-jianfeng')).toBe(person(org, 'zhang-jianfeng'))
  })

  it('returns a frozen state with frozen leaders and roles', () => {
    const after = evolve(org, daiShan)
    expect([
      Object.isFrozen(after),
      Object.isFrozen(leadersOf(after, 'cdc')),
      Object.isFrozen(rolesOf(after, 'dai-shan')),
    ]).toEqual([true, true, true])
  })
})
