import { describe, expect, it } from 'vitest'
import {
  ancestors,
  children,
  emptyState,
  evolve,
  formatError,
  replayOrThrow,
  roots,
  toJSON,
  unit,
  unitCreated,
  unitDissolved,
} from '../../src/index.js'
import { applied, rejection } from '../support/steps.js'

const org = replayOrThrow([
  unitCreated({ unit: 'group', name: 'Group' }, { id: 'c-group', effective: '2020-01-01' }),
  unitCreated({ unit: 'commerce', name: 'Commerce', parent: 'group' }, { id: 'c-commerce', effective: '2020-01-01' }),
  unitCreated({ unit: 'cloud', name: 'Cloud', parent: 'group' }, { id: 'c-cloud', effective: '2020-01-01' }),
  unitCreated({ unit: 'old', name: 'Old', parent: 'group' }, { id: 'c-old', effective: '2020-01-01' }),
  unitDissolved({ unit: 'old' }, { id: 'd-old', effective: '2021-06-30' }),
])

describe('UnitCreated', () => {
  it('creates an active root when no parent is given', () => {
    const s = applied(emptyState(), unitCreated({ unit: 'g', name: 'G' }, { id: 'e1', effective: '2020-01-01' }))
    expect(roots(s).map((u) => u.id)).toEqual(['g'])
  })

  it('fills in the unit with its defaults', () => {
    const s = applied(emptyState(), unitCreated({ unit: 'g', name: 'G' }, { id: 'e1', effective: '2020-01-01' }))
    expect(unit(s, 'g')).toEqual({
      id: 'g',
      name: 'G',
      kind: null,
      parent: null,
      since: '2020-01-01',
      attributes: {},
      leaders: [],
      children: [],
      status: 'active',
      ended: null,
      successors: [],
      spunOut: [],
      predecessors: [],
      names: [{ name: 'G', since: '2020-01-01' }],
    })
  })

  it('creates a unit under its parent', () => {
    const s = applied(
      org,
      unitCreated({ unit: 'tmall', name: 'Tmall', parent: 'commerce' }, { id: 'e1', effective: '2022' }),
    )
    expect(ancestors(s, 'tmall').map((u) => u.id)).toEqual(['commerce', 'group'])
  })

  it('lists the new unit among the active children of its parent', () => {
    const s = applied(org, unitCreated({ unit: 'aaa', name: 'A', parent: 'group' }, { id: 'e1', effective: '2022' }))
    expect(children(s, 'group').map((u) => u.id)).toEqual(['aaa', 'cloud', 'commerce'])
  })

  it('keeps the kind, the name in several languages and the attributes', () => {
    const name = { 'zh-Hant': '中國數字商業板塊', en: 'China Digital Commerce' }
    const s = applied(
      org,
      unitCreated(
        { unit: 'cdc', name, kind: 'segment', parent: 'group', attributes: { brands: ['淘寶', '天貓'] } },
        { id: 'e1', effective: '2022-01-01' },
      ),
    )
    expect(toJSON(s).units.find((u) => u.id === 'cdc')).toEqual({
      id: 'cdc',
      name,
      kind: 'segment',
      parent: 'group',
      since: '2022-01-01',
      attributes: { brands: ['淘寶', '天貓'] },
      leaders: [],
    })
  })

  it('moves the state to the date of the event', () => {
    const s = applied(org, unitCreated({ unit: 'n', name: 'N' }, { id: 'e1', effective: '2022-01-06' }))
    expect(s.at).toBe('2022-01-06')
  })

  it('accepts any string as a unit id', () => {
    const ids = ['__proto__', 'constructor', 'hasOwnProperty', '大淘寶', '🚀']
    const s = ids.reduce(
      (state, id) => applied(state, unitCreated({ unit: id, name: id, parent: 'group' }, { id, effective: '2022' })),
      org,
    )
    expect(ids.map((id) => unit(s, id)?.parent)).toEqual(['group', 'group', 'group', 'group', 'group'])
  })

  it('rejects an id already used by an active unit', () => {
    const error = rejection(org, unitCreated({ unit: 'cloud', name: 'Cloud 2' }, { id: 'e1', effective: '2022' }))
    expect(formatError(error)).toMatchInlineSnapshot(
      `"UnitCreated 'cloud' (event 'e1'): unit 'cloud' is already used by a unit (ids are never reused); choose a new id"`,
    )
  })

  it('rejects the id of an ended unit, since ids are never reused', () => {
    const error = rejection(org, unitCreated({ unit: 'old', name: 'Old again' }, { id: 'e1', effective: '2022' }))
    expect(formatError(error)).toMatchInlineSnapshot(
      `"UnitCreated 'old' (event 'e1'): unit 'old' is already used by a unit (ids are never reused); choose a new id"`,
    )
  })

  it('rejects an unknown parent', () => {
    const error = rejection(
      org,
      unitCreated({ unit: 'n', name: 'N', parent: 'nowhere' }, { id: 'e1', effective: '2022' }),
    )
    expect(formatError(error)).toMatchInlineSnapshot(
      `"UnitCreated 'n' (event 'e1'): parent 'nowhere' does not exist on 2022; create it earlier or fix the id"`,
    )
  })

  it('rejects an ended parent', () => {
    const error = rejection(org, unitCreated({ unit: 'n', name: 'N', parent: 'old' }, { id: 'e1', effective: '2022' }))
    expect(formatError(error)).toMatchInlineSnapshot(
      `"UnitCreated 'n' (event 'e1'): parent 'old' ended (dissolved) on 2021-06-30; refer to its successor or date the event earlier"`,
    )
  })

  it('rejects an effective date that does not exist', () => {
    const error = rejection(org, unitCreated({ unit: 'n', name: 'N' }, { id: 'e1', effective: '2022-02-30' }))
    expect(formatError(error)).toMatchInlineSnapshot(
      `"UnitCreated 'n' (event 'e1'): effective '2022-02-30' is not a date; use YYYY, YYYY-MM, YYYY-MM-DD or an RFC 3339 date-time"`,
    )
  })

  it('shares every other unit with the state before', () => {
    const after = evolve(
      org,
      unitCreated({ unit: 'n', name: 'N', parent: 'commerce' }, { id: 'e1', effective: '2022' }),
    )
    expect(unit(after, 'cloud')).toBe(unit(org, 'cloud'))
  })

  it('returns a frozen state with a frozen unit', () => {
    const after = evolve(
      org,
      unitCreated({ unit: 'n', name: 'N', parent: 'commerce' }, { id: 'e1', effective: '2022' }),
    )
    expect([Object.isFrozen(after), Object.isFrozen(unit(after, 'n'))]).toEqual([true, true])
  })

  it('leaves the state before unchanged', () => {
    evolve(org, unitCreated({ unit: 'n', name: 'N', parent: 'commerce' }, { id: 'e1', effective: '2022' }))
    expect([unit(org, 'n'), unit(org, 'commerce')?.children]).toEqual([undefined, []])
  })
})
