import { isLeft } from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import {
  decodeEvent,
  evolve,
  formatError,
  leaderAssigned,
  replayOrThrow,
  unit,
  unitAttributesSet,
  unitCreated,
  unitDissolved,
} from '../../src/index.js'
import { applied, rejection } from '../support/steps.js'

const org = replayOrThrow([
  unitCreated({ unit: 'group', name: 'Group' }, { id: 'c-group', effective: '2020-01-01' }),
  unitCreated(
    { unit: 'taobao-tmall', name: '大淘寶', parent: 'group', attributes: { brands: ['淘寶'], hq: 'Hangzhou' } },
    { id: 'c-tt', effective: '2020-01-01' },
  ),
  unitCreated({ unit: 'cloud', name: 'Cloud', parent: 'group' }, { id: 'c-cloud', effective: '2020-01-01' }),
  leaderAssigned({ unit: 'taobao-tmall', person: 'dai-shan' }, { id: 'l-tt', effective: '2020-01-01' }),
  unitCreated({ unit: 'old', name: 'Old', parent: 'group' }, { id: 'c-old', effective: '2020-01-01' }),
  unitDissolved({ unit: 'old' }, { id: 'd-old', effective: '2021-06-30' }),
])

const setBrands = unitAttributesSet(
  { unit: 'taobao-tmall', attributes: { brands: ['淘寶', '天貓'], staff: { count: 3, remote: true } } },
  { id: 'e1', effective: '2022-01-06' },
)

describe('UnitAttributesSet', () => {
  it('merges the attributes into those the unit has', () => {
    expect(unit(applied(org, setBrands), 'taobao-tmall')?.attributes).toEqual({
      brands: ['淘寶', '天貓'],
      hq: 'Hangzhou',
      staff: { count: 3, remote: true },
    })
  })

  it('keeps each attribute in its place and adds new ones last', () => {
    const event = unitAttributesSet(
      { unit: 'taobao-tmall', attributes: { zone: 'east', brands: ['天貓'], hq: null } },
      { id: 'e1', effective: '2022' },
    )
    const attributes = unit(applied(org, event), 'taobao-tmall')?.attributes
    expect(Object.entries(attributes ?? {})).toEqual([
      ['brands', ['天貓']],
      ['zone', 'east'],
    ])
  })

  it('deletes an attribute set to null', () => {
    const event = unitAttributesSet({ unit: 'taobao-tmall', attributes: { hq: null } }, { id: 'e1', effective: '2022' })
    expect(unit(applied(org, event), 'taobao-tmall')?.attributes).toEqual({ brands: ['淘寶'] })
  })

  it('ignores a null for an attribute the unit does not have', () => {
    const event = unitAttributesSet(
      { unit: 'taobao-tmall', attributes: { motto: null } },
      { id: 'e1', effective: '2022' },
    )
    expect(unit(applied(org, event), 'taobao-tmall')?.attributes).toEqual({ brands: ['淘寶'], hq: 'Hangzhou' })
  })

  it('keeps a key such as __proto__ as an ordinary attribute', () => {
    const wire = JSON.parse(
      '{"id":"e1","type":"UnitAttributesSet","effective":"2022","data":{"unit":"cloud","attributes":{"__proto__":{"polluted":true}}}}',
    )
    const decoded = decodeEvent(wire)
    if (isLeft(decoded)) throw new Error(decoded.left.map(formatError).join('\n'))
    const attributes = unit(applied(org, decoded.right), 'cloud')?.attributes
    expect([Object.keys(attributes ?? {}), ({} as { polluted?: boolean }).polluted]).toEqual([['__proto__'], undefined])
  })

  it('rejects an unknown unit', () => {
    const error = rejection(
      org,
      unitAttributesSet({ unit: 'nowhere', attributes: { a: 1 } }, { id: 'e1', effective: '2022' }),
    )
    expect(formatError(error)).toMatchInlineSnapshot(
      `"UnitAttributesSet 'nowhere' (event 'e1'): unit 'nowhere' does not exist on 2022; create it earlier or fix the id"`,
    )
  })

  it('rejects an ended unit', () => {
    const error = rejection(
      org,
      unitAttributesSet({ unit: 'old', attributes: { a: 1 } }, { id: 'e1', effective: '2022' }),
    )
    expect(formatError(error)).toMatchInlineSnapshot(
      `"UnitAttributesSet 'old' (event 'e1'): unit 'old' ended (dissolved) on 2021-06-30; refer to its successor or date the event earlier"`,
    )
  })

  it('shares every other unit with the state before', () => {
    expect(unit(evolve(org, setBrands), 'cloud')).toBe(unit(org, 'cloud'))
  })

  it('shares the parts of the unit it does not change with the state before', () => {
    expect(unit(evolve(org, setBrands), 'taobao-tmall')?.leaders).toBe(unit(org, 'taobao-tmall')?.leaders)
  })

  it('returns a frozen state with frozen attributes', () => {
    const after = evolve(org, setBrands)
    expect([Object.isFrozen(after), Object.isFrozen(unit(after, 'taobao-tmall')?.attributes)]).toEqual([true, true])
  })
})
