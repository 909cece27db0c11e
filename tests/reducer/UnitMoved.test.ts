import { describe, expect, it } from 'vitest'
import {
  ancestors,
  children,
  evolve,
  formatError,
  replayOrThrow,
  roots,
  unit,
  unitCreated,
  unitDissolved,
  unitMoved,
} from '../../src/index.js'
import { applied, rejection } from '../support/steps.js'

// group ─┬─ commerce ── lazada ── lazada-pay
//        ├─ overseas
//        └─ cloud
// old (ended)
const org = replayOrThrow([
  unitCreated({ unit: 'group', name: 'Group' }, { id: 'c-group', effective: '2020-01-01' }),
  unitCreated({ unit: 'commerce', name: 'Commerce', parent: 'group' }, { id: 'c-commerce', effective: '2020-01-01' }),
  unitCreated({ unit: 'lazada', name: 'Lazada', parent: 'commerce' }, { id: 'c-lazada', effective: '2020-01-01' }),
  unitCreated({ unit: 'lazada-pay', name: 'Pay', parent: 'lazada' }, { id: 'c-pay', effective: '2020-01-01' }),
  unitCreated({ unit: 'overseas', name: 'Overseas', parent: 'group' }, { id: 'c-overseas', effective: '2020-01-01' }),
  unitCreated({ unit: 'cloud', name: 'Cloud', parent: 'group' }, { id: 'c-cloud', effective: '2020-01-01' }),
  unitCreated({ unit: 'old', name: 'Old', parent: 'group' }, { id: 'c-old', effective: '2020-01-01' }),
  unitDissolved({ unit: 'old' }, { id: 'd-old', effective: '2021-06-30' }),
])

const moveLazada = unitMoved({ unit: 'lazada', parent: 'overseas' }, { id: 'e1', effective: '2022-01-01' })

describe('UnitMoved', () => {
  it('puts the unit under its new parent', () => {
    expect(unit(applied(org, moveLazada), 'lazada')?.parent).toBe('overseas')
  })

  it('lists the unit among the children of its new parent', () => {
    expect(children(applied(org, moveLazada), 'overseas').map((u) => u.id)).toEqual(['lazada'])
  })

  it('removes the unit from the children of its old parent', () => {
    expect(children(applied(org, moveLazada), 'commerce')).toEqual([])
  })

  it('moves the whole subtree with the unit', () => {
    expect(ancestors(applied(org, moveLazada), 'lazada-pay').map((u) => u.id)).toEqual(['lazada', 'overseas', 'group'])
  })

  it('leaves the descendants under their own parent', () => {
    const s = applied(org, moveLazada)
    expect(unit(s, 'lazada-pay')).toBe(unit(org, 'lazada-pay'))
  })

  it('makes the unit a root when the parent is null', () => {
    const s = applied(org, unitMoved({ unit: 'cloud', parent: null }, { id: 'e1', effective: '2022' }))
    expect(roots(s).map((u) => u.id)).toEqual(['cloud', 'group'])
  })

  it('takes a root off the roots when it moves under a unit', () => {
    const s1 = applied(org, unitCreated({ unit: 'ant', name: 'Ant' }, { id: 'c-ant', effective: '2021' }))
    const s2 = applied(s1, unitMoved({ unit: 'ant', parent: 'group' }, { id: 'e1', effective: '2022' }))
    expect(roots(s2).map((u) => u.id)).toEqual(['group'])
  })

  it('changes nothing when the unit is moved under the parent it has', () => {
    const s = applied(org, unitMoved({ unit: 'lazada', parent: 'commerce' }, { id: 'e1', effective: '2022' }))
    expect(unit(s, 'commerce')).toBe(unit(org, 'commerce'))
  })

  it('rejects moving a unit under itself', () => {
    const error = rejection(org, unitMoved({ unit: 'lazada', parent: 'lazada' }, { id: 'e1', effective: '2022' }))
    expect(formatError(error)).toMatchInlineSnapshot(
      `"UnitMoved 'lazada' (event 'e1'): parent 'lazada' is the unit itself; choose a parent outside that subtree"`,
    )
  })

  it('rejects moving a unit under one of its descendants', () => {
    const error = rejection(org, unitMoved({ unit: 'commerce', parent: 'lazada-pay' }, { id: 'e1', effective: '2022' }))
    expect(formatError(error)).toMatchInlineSnapshot(
      `"UnitMoved 'commerce' (event 'e1'): parent 'lazada-pay' is inside the subtree of 'commerce'; choose a parent outside that subtree"`,
    )
  })

  it('rejects an unknown unit', () => {
    const error = rejection(org, unitMoved({ unit: 'nowhere', parent: 'group' }, { id: 'e1', effective: '2022' }))
    expect(formatError(error)).toMatchInlineSnapshot(
      `"UnitMoved 'nowhere' (event 'e1'): unit 'nowhere' does not exist on 2022; create it earlier or fix the id"`,
    )
  })

  it('rejects an ended unit', () => {
    const error = rejection(org, unitMoved({ unit: 'old', parent: 'cloud' }, { id: 'e1', effective: '2022' }))
    expect(formatError(error)).toMatchInlineSnapshot(
      `"UnitMoved 'old' (event 'e1'): unit 'old' ended (dissolved) on 2021-06-30; refer to its successor or date the event earlier"`,
    )
  })

  it('rejects an unknown parent', () => {
    const error = rejection(org, unitMoved({ unit: 'lazada', parent: 'nowhere' }, { id: 'e1', effective: '2022' }))
    expect(formatError(error)).toMatchInlineSnapshot(
      `"UnitMoved 'lazada' (event 'e1'): parent 'nowhere' does not exist on 2022; create it earlier or fix the id"`,
    )
  })

  it('rejects an ended parent', () => {
    const error = rejection(org, unitMoved({ unit: 'lazada', parent: 'old' }, { id: 'e1', effective: '2022' }))
    expect(formatError(error)).toMatchInlineSnapshot(
      `"UnitMoved 'lazada' (event 'e1'): parent 'old' ended (dissolved) on 2021-06-30; refer to its successor or date the event earlier"`,
    )
  })

  it('shares every unit the move does not touch with the state before', () => {
    const after = evolve(org, moveLazada)
    expect(unit(after, 'cloud')).toBe(unit(org, 'cloud'))
  })

  it('returns a frozen state', () => {
    const after = evolve(org, moveLazada)
    expect([Object.isFrozen(after), Object.isFrozen(unit(after, 'overseas')?.children)]).toEqual([true, true])
  })
})
