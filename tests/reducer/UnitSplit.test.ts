import { describe, expect, it } from 'vitest'
import {
  children,
  type Event,
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
  unitSplit,
} from '../../src/index.js'
import { applied, rejection } from '../support/steps.js'

// group ─┬─ local ─┬─ eleme ── eleme-rider
//        │         └─ koubei
//        ├─ cloud
//        └─ other
// old (ended)
const history: Event[] = [
  unitCreated({ unit: 'group', name: 'Group' }, { id: 'c-group', effective: '2020-01-01' }),
  unitCreated({ unit: 'local', name: 'Local', parent: 'group' }, { id: 'c-local', effective: '2020-01-01' }),
  unitCreated({ unit: 'eleme', name: 'Ele.me', parent: 'local' }, { id: 'c-eleme', effective: '2020-01-01' }),
  unitCreated({ unit: 'eleme-rider', name: 'Rider', parent: 'eleme' }, { id: 'c-rider', effective: '2020-01-01' }),
  unitCreated({ unit: 'koubei', name: 'Koubei', parent: 'local' }, { id: 'c-koubei', effective: '2020-01-01' }),
  unitCreated({ unit: 'cloud', name: 'Cloud', parent: 'group' }, { id: 'c-cloud', effective: '2020-01-01' }),
  unitCreated({ unit: 'other', name: 'Other', parent: 'group' }, { id: 'c-other', effective: '2020-01-01' }),
  unitCreated({ unit: 'old', name: 'Old', parent: 'group' }, { id: 'c-old', effective: '2020-01-01' }),
  unitDissolved({ unit: 'old' }, { id: 'd-old', effective: '2021-06-30' }),
  leaderAssigned({ unit: 'local', person: 'yu-yongfu' }, { id: 'l-local', effective: '2020-01-01' }),
  leaderAssigned({ unit: 'cloud', person: 'yu-yongfu', role: 'advisor' }, { id: 'l-cloud', effective: '2020-01-01' }),
]

const org = replayOrThrow(history)

const parts = [
  { unit: 'to-home', name: 'To Home', kind: 'bu' },
  { unit: 'to-store', name: 'To Store' },
]

const split = unitSplit(
  { unit: 'local', into: parts, children: { eleme: 'to-home', koubei: 'to-store' } },
  { id: 'e1', effective: '2023-03-28' },
)

const spinOut = unitSplit(
  { unit: 'local', into: [{ unit: 'koubei-co', name: 'Koubei Co' }], retain: true, children: { koubei: 'koubei-co' } },
  { id: 'e1', effective: '2023-03-28' },
)

describe('UnitSplit ending the source', () => {
  it('ends the source with the new units as successors', () => {
    expect(toJSON(applied(org, split)).ended).toContainEqual({
      id: 'local',
      status: 'split',
      ended: '2023-03-28',
      successors: ['to-home', 'to-store'],
    })
  })

  it('creates each new unit under the parent of the source by default', () => {
    expect(children(applied(org, split), 'group').map((u) => u.id)).toEqual(['cloud', 'other', 'to-home', 'to-store'])
  })

  it('creates the new units with their name, kind, date and the source as predecessor', () => {
    const created = unit(applied(org, split), 'to-home')
    expect([created?.name, created?.kind, created?.since, created?.predecessors]).toEqual([
      'To Home',
      'bu',
      '2023-03-28',
      ['local'],
    ])
  })

  it('creates a new unit under the parent it names', () => {
    const event = unitSplit(
      {
        unit: 'local',
        into: [{ unit: 'to-home', name: 'H', parent: 'cloud' }],
        children: { eleme: 'to-home', koubei: 'to-home' },
      },
      { id: 'e1', effective: '2023' },
    )
    expect(unit(applied(org, event), 'to-home')?.parent).toBe('cloud')
  })

  it('creates a new unit under another new unit listed before it', () => {
    const event = unitSplit(
      {
        unit: 'local',
        into: [
          { unit: 'to-home', name: 'H' },
          { unit: 'to-store', name: 'S', parent: 'to-home' },
        ],
        children: { eleme: 'to-home', koubei: 'to-store' },
      },
      { id: 'e1', effective: '2023' },
    )
    expect(unit(applied(org, event), 'to-store')?.parent).toBe('to-home')
  })

  it('moves each mapped child under its new unit', () => {
    const s = applied(org, split)
    expect([children(s, 'to-home').map((u) => u.id), children(s, 'to-store').map((u) => u.id)]).toEqual([
      ['eleme'],
      ['koubei'],
    ])
  })

  it('moves the children with their own subtrees', () => {
    expect(children(applied(org, split), 'eleme').map((u) => u.id)).toEqual(['eleme-rider'])
  })

  it('leaves the source without active children', () => {
    expect(children(applied(org, split), 'local')).toEqual([])
  })

  it("ends the leaders' roles in the source", () => {
    expect(leadersOf(applied(org, split), 'local')).toEqual([])
  })

  it("removes the ended roles from the people's roles and keeps their other roles", () => {
    expect(rolesOf(applied(org, split), 'yu-yongfu').map((r) => `${r.role}@${r.unit}`)).toEqual(['advisor@cloud'])
  })

  it('makes the new units roots when the source was a root', () => {
    const s1 = applied(org, unitCreated({ unit: 'ant', name: 'Ant' }, { id: 'c-ant', effective: '2021' }))
    const s2 = applied(
      s1,
      unitSplit({ unit: 'ant', into: [{ unit: 'ant-a', name: 'A' }] }, { id: 'e1', effective: '2022' }),
    )
    expect(roots(s2).map((u) => u.id)).toEqual(['ant-a', 'group'])
  })
})

describe('UnitSplit retaining the source (a spin-out)', () => {
  it('keeps the source active', () => {
    expect(unit(applied(org, spinOut), 'local')?.status).toBe('active')
  })

  it('moves the mapped children under the new unit', () => {
    expect(children(applied(org, spinOut), 'koubei-co').map((u) => u.id)).toEqual(['koubei'])
  })

  it('leaves the unmapped children under the source', () => {
    expect(children(applied(org, spinOut), 'local').map((u) => u.id)).toEqual(['eleme'])
  })

  it("keeps the source's leaders", () => {
    expect(leadersOf(applied(org, spinOut), 'local').map((l) => l.person)).toEqual(['yu-yongfu'])
  })

  it('does not require the children to be mapped', () => {
    const event = unitSplit(
      { unit: 'local', into: [{ unit: 'n', name: 'N' }], retain: true },
      { id: 'e1', effective: '2023' },
    )
    expect(children(applied(org, event), 'local').map((u) => u.id)).toEqual(['eleme', 'koubei'])
  })

  it('may put a new unit under the source', () => {
    const event = unitSplit(
      { unit: 'local', into: [{ unit: 'n', name: 'N', parent: 'local' }], retain: true },
      { id: 'e1', effective: '2023' },
    )
    expect(children(applied(org, event), 'local').map((u) => u.id)).toEqual(['eleme', 'koubei', 'n'])
  })
})

describe('UnitSplit rejections', () => {
  it('rejects an unknown source', () => {
    const error = rejection(
      org,
      unitSplit({ unit: 'nowhere', into: [{ unit: 'n', name: 'N' }] }, { id: 'e1', effective: '2023' }),
    )
    expect(formatError(error)).toMatchInlineSnapshot(
      `"UnitSplit 'nowhere' (event 'e1'): unit 'nowhere' does not exist on 2023; create it earlier or fix the id"`,
    )
  })

  it('rejects an ended source', () => {
    const error = rejection(
      org,
      unitSplit({ unit: 'old', into: [{ unit: 'n', name: 'N' }] }, { id: 'e1', effective: '2023' }),
    )
    expect(formatError(error)).toMatchInlineSnapshot(
      `"UnitSplit 'old' (event 'e1'): unit 'old' ended (dissolved) on 2021-06-30; refer to its successor or date the event earlier"`,
    )
  })

  it('rejects a new unit whose id is already used', () => {
    const error = rejection(
      org,
      unitSplit({ unit: 'local', into: [{ unit: 'cloud', name: 'C' }], retain: true }, { id: 'e1', effective: '2023' }),
    )
    expect(formatError(error)).toMatchInlineSnapshot(
      `"UnitSplit 'local' (event 'e1'): into[0].unit 'cloud' is already used by a unit (ids are never reused); choose a new id"`,
    )
  })

  it('rejects the same new id listed twice', () => {
    const error = rejection(
      org,
      unitSplit(
        {
          unit: 'local',
          into: [
            { unit: 'n', name: 'N' },
            { unit: 'n', name: 'N again' },
          ],
          retain: true,
        },
        { id: 'e1', effective: '2023' },
      ),
    )
    expect(formatError(error)).toMatchInlineSnapshot(
      `"UnitSplit 'local' (event 'e1'): new unit 'n' is listed twice in into; list each new unit once"`,
    )
  })

  it('rejects an active child left unmapped when the source ends', () => {
    const error = rejection(
      org,
      unitSplit({ unit: 'local', into: parts, children: { eleme: 'to-home' } }, { id: 'e1', effective: '2023' }),
    )
    expect(formatError(error)).toMatchInlineSnapshot(
      `"UnitSplit 'local' (event 'e1'): active children 'koubei' of 'local' are not mapped and the unit ends; map each child to a new unit in children, or set retain: true"`,
    )
  })

  it('rejects a mapping of a unit that is not an active child of the source', () => {
    const error = rejection(
      org,
      unitSplit(
        { unit: 'local', into: parts, retain: true, children: { 'eleme-rider': 'to-home' } },
        { id: 'e1', effective: '2023' },
      ),
    )
    expect(formatError(error)).toMatchInlineSnapshot(
      `"UnitSplit 'local' (event 'e1'): 'eleme-rider' is not an active child of 'local' on 2023; map only active children of the split unit"`,
    )
  })

  it('rejects a mapping to a unit that is not one of the new units', () => {
    const error = rejection(
      org,
      unitSplit(
        { unit: 'local', into: parts, children: { eleme: 'to-home', koubei: 'cloud' } },
        { id: 'e1', effective: '2023' },
      ),
    )
    expect(formatError(error)).toMatchInlineSnapshot(
      `"UnitSplit 'local' (event 'e1'): child 'koubei' is mapped to 'cloud', which is not one of the new units; map it to a unit listed in into"`,
    )
  })

  it('rejects an unknown parent for a new unit', () => {
    const error = rejection(
      org,
      unitSplit(
        { unit: 'local', into: [{ unit: 'n', name: 'N', parent: 'nowhere' }], retain: true },
        { id: 'e1', effective: '2023' },
      ),
    )
    expect(formatError(error)).toMatchInlineSnapshot(
      `"UnitSplit 'local' (event 'e1'): into[0].parent 'nowhere' does not exist on 2023; create it earlier or fix the id"`,
    )
  })

  it('rejects a parent for a new unit that is listed after it', () => {
    const error = rejection(
      org,
      unitSplit(
        {
          unit: 'local',
          into: [
            { unit: 'to-home', name: 'H', parent: 'to-store' },
            { unit: 'to-store', name: 'S' },
          ],
          children: { eleme: 'to-home', koubei: 'to-store' },
        },
        { id: 'e1', effective: '2023' },
      ),
    )
    expect(formatError(error)).toMatchInlineSnapshot(
      `"UnitSplit 'local' (event 'e1'): into[0].parent 'to-store' does not exist on 2023; create it earlier or fix the id"`,
    )
  })

  it('rejects an ended parent for a new unit', () => {
    const error = rejection(
      org,
      unitSplit(
        { unit: 'local', into: [{ unit: 'n', name: 'N', parent: 'old' }], retain: true },
        { id: 'e1', effective: '2023' },
      ),
    )
    expect(formatError(error)).toMatchInlineSnapshot(
      `"UnitSplit 'local' (event 'e1'): into[0].parent 'old' ended (dissolved) on 2021-06-30; refer to its successor or date the event earlier"`,
    )
  })

  it('rejects a parent for a new unit inside the subtree of the source', () => {
    const error = rejection(
      org,
      unitSplit(
        { unit: 'local', into: [{ unit: 'n', name: 'N', parent: 'eleme' }], retain: true },
        { id: 'e1', effective: '2023' },
      ),
    )
    expect(formatError(error)).toMatchInlineSnapshot(
      `"UnitSplit 'local' (event 'e1'): into[0].parent 'eleme' is inside the subtree of 'local'; choose a parent outside that subtree"`,
    )
  })

  it('rejects the source as the parent of a new unit when the source ends', () => {
    const error = rejection(
      org,
      unitSplit(
        { unit: 'local', into: [{ unit: 'n', name: 'N', parent: 'local' }], children: { eleme: 'n', koubei: 'n' } },
        { id: 'e1', effective: '2023' },
      ),
    )
    expect(formatError(error)).toMatchInlineSnapshot(
      `"UnitSplit 'local' (event 'e1'): into[0].parent 'local' is the split unit, which ends; set retain: true to keep it, or choose another parent"`,
    )
  })
})

describe('UnitSplit structural sharing', () => {
  it('gives the same state in a replay of the history as in a step', () => {
    expect(toJSON(replayOrThrow([...history, split]))).toEqual(toJSON(applied(org, split)))
  })

  it('leaves the state before unchanged', () => {
    const before = JSON.stringify(toJSON(org))
    evolve(org, split)
    expect(JSON.stringify(toJSON(org))).toBe(before)
  })

  it('shares every unit the split does not touch with the state before', () => {
    expect(unit(evolve(org, split), 'other')).toBe(unit(org, 'other'))
  })

  it('shares the subtrees of the moved children with the state before', () => {
    expect(unit(evolve(org, split), 'eleme-rider')).toBe(unit(org, 'eleme-rider'))
  })

  it('returns a frozen state with frozen new units', () => {
    const after = evolve(org, split)
    expect([Object.isFrozen(after), Object.isFrozen(unit(after, 'to-home'))]).toEqual([true, true])
  })
})
