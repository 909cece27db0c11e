import { describe, expect, it } from 'vitest'
import { heldBy, leaderAssigned, leaderRemoved, tenures, unitCreated, unitDissolved } from '../../src/index.js'
import { readHistoryOrThrow } from '../../src/node.js'

const seed = readHistoryOrThrow(['events/alibaba-2021-2022.ndjson'])

describe('tenures', () => {
  const history = [
    unitCreated({ unit: 'g', name: 'G' }, { id: 'g', effective: '2020-01-01' }),
    unitCreated({ unit: 't', name: 'T', parent: 'g' }, { id: 't', effective: '2020-01-01' }),
    leaderAssigned({ unit: 't', person: 'ann', acting: true }, { id: 'ann-acting', effective: '2020-02-01' }),
    leaderAssigned({ unit: 't', person: 'ann' }, { id: 'ann-confirmed', effective: '2020-05-01' }),
    leaderAssigned({ unit: 'g', person: 'ann', role: 'cto' }, { id: 'ann-cto', effective: '2020-06-01' }),
    leaderAssigned({ unit: 't', person: 'bob' }, { id: 'bob', effective: '2021-01-01' }),
    leaderRemoved({ unit: 'g', person: 'ann', role: 'cto' }, { id: 'ann-cto-ends', effective: '2021-06-01' }),
    unitDissolved({ unit: 't' }, { id: 't-gone', effective: '2022-01-01' }),
  ]
  const all = tenures(history)

  it('lists every holding of a person with start and end, acting flagged, concurrent ones included', () => {
    expect(heldBy(all, { person: 'ann' })).toEqual([
      { person: 'ann', unit: 't', role: 'head', title: null, acting: true, from: '2020-02-01', to: '2020-05-01' },
      { person: 'ann', unit: 't', role: 'head', title: null, acting: false, from: '2020-05-01', to: '2021-01-01' },
      { person: 'ann', unit: 'g', role: 'cto', title: null, acting: false, from: '2020-06-01', to: '2021-06-01' },
    ])
  })

  it('ends a holding when the unit ends', () => {
    expect(heldBy(all, { person: 'bob' })).toEqual([
      { person: 'bob', unit: 't', role: 'head', title: null, acting: false, from: '2021-01-01', to: '2022-01-01' },
    ])
  })

  it('answers who held a role on a date and over a period', () => {
    expect(heldBy(all, { unit: 't', role: 'head', at: '2020-12-31' }).map((t) => t.person)).toEqual(['ann'])
    expect(heldBy(all, { unit: 't', role: 'head', at: '2021-01-01' }).map((t) => t.person)).toEqual(['bob'])
    expect(heldBy(all, { unit: 't', role: 'head', at: '2022-01-01' })).toEqual([])
    expect(new Set(heldBy(all, { unit: 't', from: '2020-06', to: '2021' }).map((t) => t.person))).toEqual(
      new Set(['ann', 'bob']),
    )
  })

  it('shows 魯肅 holding the group CTO and 大淘寶 CTO roles at once in the seed history', () => {
    const lu = heldBy(tenures(seed), { person: 'lu-su', at: '2022-01-06' })
    expect(lu.map((t) => `${t.unit}:${t.role}:${t.to}`)).toEqual(['alibaba-group:cto:null', 'taobao-tmall:cto:null'])
  })
})
