import { describe, expect, it } from 'vitest'
import {
  children,
  type Event,
  endedUnits,
  evolve,
  formatError,
  leaderAssigned,
  leadersOf,
  replayOrThrow,
  rolesOf,
  roots,
  toJSON,
  unit,
  unitCreated,
  unitDissolved,
  unitMerged,
} from '../../src/index.js'
import { applied, rejection } from '../support/steps.js'

// group ─┬─ labs ─┬─ lab-a ── lab-a1
//        │        ├─ lab-b
//        │        └─ (lab-c, merged into lab-b)
//        ├─ team
//        └─ cloud
// old (ended)
const history: Event[] = [
  unitCreated({ unit: 'group', name: 'Group' }, { id: 'c-group', effective: '2020-01-01' }),
  unitCreated({ unit: 'labs', name: 'Labs', parent: 'group' }, { id: 'c-labs', effective: '2020-01-01' }),
  unitCreated({ unit: 'lab-a', name: 'A', parent: 'labs' }, { id: 'c-lab-a', effective: '2020-01-01' }),
  unitCreated({ unit: 'lab-a1', name: 'A1', parent: 'lab-a' }, { id: 'c-lab-a1', effective: '2020-01-01' }),
  unitCreated({ unit: 'lab-b', name: 'B', parent: 'labs' }, { id: 'c-lab-b', effective: '2020-01-01' }),
  unitCreated({ unit: 'lab-c', name: 'C', parent: 'labs' }, { id: 'c-lab-c', effective: '2020-01-01' }),
  unitMerged({ units: ['lab-c'], into: 'lab-b' }, { id: 'm-lab-c', effective: '2021-01-01' }),
  unitCreated({ unit: 'team', name: 'Team', parent: 'group' }, { id: 'c-team', effective: '2020-01-01' }),
  unitCreated({ unit: 'cloud', name: 'Cloud', parent: 'group' }, { id: 'c-cloud', effective: '2020-01-01' }),
  unitCreated({ unit: 'old', name: 'Old', parent: 'group' }, { id: 'c-old', effective: '2020-01-01' }),
  unitDissolved({ unit: 'old' }, { id: 'd-old', effective: '2021-06-30' }),
  leaderAssigned({ unit: 'team', person: 'p' }, { id: 'l-team', effective: '2020-01-01' }),
  leaderAssigned({ unit: 'cloud', person: 'p', role: 'cto' }, { id: 'l-cloud', effective: '2020-01-01' }),
  leaderAssigned({ unit: 'labs', person: 'q' }, { id: 'l-labs', effective: '2020-01-01' }),
  leaderAssigned({ unit: 'lab-a1', person: 'r' }, { id: 'l-lab-a1', effective: '2020-01-01' }),
]

const org = replayOrThrow(history)

const dissolveTeam = unitDissolved({ unit: 'team' }, { id: 'e1', effective: '2022-03-31' })
const dissolveLabs = unitDissolved({ unit: 'labs', cascade: true }, { id: 'e1', effective: '2022-03-31' })

describe('UnitDissolved', () => {
  it('ends the unit as dissolved, without successors', () => {
    expect(toJSON(applied(org, dissolveTeam)).ended).toContainEqual({
      id: 'team',
      status: 'dissolved',
      ended: '2022-03-31',
      successors: [],
    })
  })

  it('takes the unit off the children of its parent', () => {
    expect(children(applied(org, dissolveTeam), 'group').map((u) => u.id)).toEqual(['cloud', 'labs'])
  })

  it('keeps the parent the unit had when it ended', () => {
    expect(unit(applied(org, dissolveTeam), 'team')?.parent).toBe('group')
  })

  it("ends the leaders' roles in the unit", () => {
    expect(leadersOf(applied(org, dissolveTeam), 'team')).toEqual([])
  })

  it("removes the ended role from the person's roles and keeps their other roles", () => {
    expect(rolesOf(applied(org, dissolveTeam), 'p').map((r) => r.unit)).toEqual(['cloud'])
  })

  it('takes a dissolved root off the roots', () => {
    const s1 = applied(org, unitCreated({ unit: 'ant', name: 'Ant' }, { id: 'c-ant', effective: '2021' }))
    const s2 = applied(s1, unitDissolved({ unit: 'ant' }, { id: 'e1', effective: '2022' }))
    expect(roots(s2).map((u) => u.id)).toEqual(['group'])
  })

  it('rejects a unit with active children without cascade', () => {
    const error = rejection(org, unitDissolved({ unit: 'labs' }, { id: 'e1', effective: '2022' }))
    expect(formatError(error)).toMatchInlineSnapshot(
      `"UnitDissolved 'labs' (event 'e1'): 'labs' has active children 'lab-a', 'lab-b'; move or end them first, or set cascade: true"`,
    )
  })

  it('rejects an unknown unit', () => {
    const error = rejection(org, unitDissolved({ unit: 'nowhere' }, { id: 'e1', effective: '2022' }))
    expect(formatError(error)).toMatchInlineSnapshot(
      `"UnitDissolved 'nowhere' (event 'e1'): unit 'nowhere' does not exist on 2022; create it earlier or fix the id"`,
    )
  })

  it('rejects an ended unit', () => {
    const error = rejection(org, unitDissolved({ unit: 'old', cascade: true }, { id: 'e1', effective: '2022' }))
    expect(formatError(error)).toMatchInlineSnapshot(
      `"UnitDissolved 'old' (event 'e1'): unit 'old' ended (dissolved) on 2021-06-30; refer to its successor or date the event earlier"`,
    )
  })
})

describe('UnitDissolved with cascade', () => {
  it('ends the whole active subtree as dissolved on the same date', () => {
    const ended = endedUnits(applied(org, dissolveLabs)).filter((u) => u.ended === '2022-03-31')
    expect(ended.map((u) => `${u.id}:${u.status}`)).toEqual([
      'lab-a:dissolved',
      'lab-a1:dissolved',
      'lab-b:dissolved',
      'labs:dissolved',
    ])
  })

  it('leaves units that ended before as they ended', () => {
    const labC = unit(applied(org, dissolveLabs), 'lab-c')
    expect([labC?.status, labC?.ended, labC?.successors]).toEqual(['merged', '2021-01-01', ['lab-b']])
  })

  it("ends the leaders' roles everywhere in the subtree", () => {
    const s = applied(org, dissolveLabs)
    expect([rolesOf(s, 'q'), rolesOf(s, 'r'), leadersOf(s, 'lab-a1')]).toEqual([[], [], []])
  })

  it('leaves no active unit under the dissolved unit', () => {
    expect(toJSON(applied(org, dissolveLabs)).units.map((u) => u.id)).toEqual(['group', 'cloud', 'team'])
  })

  it('dissolves a unit without children like without cascade', () => {
    const cascade = applied(org, unitDissolved({ unit: 'team', cascade: true }, { id: 'e1', effective: '2022-03-31' }))
    expect(toJSON(cascade)).toEqual(toJSON(applied(org, dissolveTeam)))
  })
})

describe('UnitDissolved structural sharing', () => {
  it('gives the same state in a replay of the history as in a step', () => {
    expect(toJSON(replayOrThrow([...history, dissolveLabs]))).toEqual(toJSON(applied(org, dissolveLabs)))
  })

  it('leaves the state before unchanged', () => {
    const before = JSON.stringify(toJSON(org))
    evolve(org, dissolveLabs)
    expect(JSON.stringify(toJSON(org))).toBe(before)
  })

  it('shares every unit outside the dissolved subtree with the state before', () => {
    expect(unit(evolve(org, dissolveLabs), 'cloud')).toBe(unit(org, 'cloud'))
  })

  it('shares units that had already ended with the state before', () => {
    expect(unit(evolve(org, dissolveLabs), 'lab-c')).toBe(unit(org, 'lab-c'))
  })

  it('returns a frozen state with frozen ended units', () => {
    const after = evolve(org, dissolveLabs)
    expect([Object.isFrozen(after), Object.isFrozen(unit(after, 'lab-a1'))]).toEqual([true, true])
  })
})
