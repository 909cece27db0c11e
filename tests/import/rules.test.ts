import { isLeft } from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { importSnapshots, importSnapshotsOrThrow } from '../../src/import/importSnapshots.js'
import { reviewMarkdown } from '../../src/import/reviewMarkdown.js'
import { formatImportError } from '../../src/import/snapshot.js'
import { brief, members, snap, u } from './support.js'

const jan = '2024-01-31'
const feb = '2024-02-29'
const mar = '2024-03-31'

describe('importSnapshots rules', () => {
  it('writes the first snapshot as creations, parents first, registrations and assignments', () => {
    const s = snap(
      jan,
      [u('b', 'g', { leaders: [{ person: 'p', role: 'head', title: 'VP', acting: false }] }), u('g', null)],
      [{ id: 'p', name: 'Pat' }],
    )
    expect(brief(importSnapshotsOrThrow([s]).events)).toMatchInlineSnapshot(`
      [
        "2024-01-31 PersonRegistered {"person":"p","name":"Pat"}",
        "2024-01-31 UnitCreated {"unit":"g","name":"g"}",
        "2024-01-31 UnitCreated {"unit":"b","name":"b","parent":"g"}",
        "2024-01-31 LeaderAssigned {"unit":"b","person":"p","title":"VP"}",
      ]
    `)
  })

  it('renames, moves, reclassifies, sets attributes and changes leaders of a unit in both snapshots', () => {
    const a = snap(jan, [
      u('g', null),
      u('h', null),
      u('x', 'g', {
        attributes: { size: 1, old: true },
        leaders: [{ person: 'p', role: 'head', title: null, acting: true }],
      }),
    ])
    const b = snap(feb, [
      u('g', null),
      u('h', null),
      u('x', 'h', {
        name: 'X2',
        kind: 'division',
        attributes: { size: 2 },
        leaders: [{ person: 'q', role: 'head', title: null, acting: false }],
      }),
    ])
    expect(brief(importSnapshotsOrThrow([a, b]).events.slice(4))).toMatchInlineSnapshot(`
      [
        "2024-02-29 UnitRenamed {"unit":"x","name":"X2"}",
        "2024-02-29 UnitReclassified {"unit":"x","kind":"division"}",
        "2024-02-29 UnitAttributesSet {"unit":"x","attributes":{"size":2,"old":null}}",
        "2024-02-29 UnitMoved {"unit":"x","parent":"h"}",
        "2024-02-29 LeaderRemoved {"unit":"x","person":"p"}",
        "2024-02-29 LeaderAssigned {"unit":"x","person":"q"}",
      ]
    `)
  })

  it('infers a merge of two units into a new one from their members', () => {
    const a = snap(jan, [
      u('g', null),
      u('a', 'g', { members: members('a', 6) }),
      u('b', 'g', { members: members('b', 6) }),
    ])
    const b = snap(feb, [u('g', null), u('ab', 'g', { members: [...members('a', 6), ...members('b', 5)] })])
    const { events, review } = importSnapshotsOrThrow([a, b])
    expect(brief(events.slice(3))).toMatchInlineSnapshot(`
      [
        "2024-02-29 UnitMerged {"units":["a","b"],"into":"ab","name":"ab","parent":"g"} [merge 0.917]",
      ]
    `)
    expect(review.steps[1]!.inferred[0]!.evidence).toBe(
      '6 of 6 members of a are now in ab; 5 of 6 members of b are now in ab',
    )
  })

  it('infers a split whose source ends, mapping its children', () => {
    const a = snap(jan, [u('g', null), u('c', 'g', { members: members('c', 8) }), u('x', 'c')])
    const b = snap(feb, [
      u('g', null),
      u('c1', 'g', { members: members('c', 4) }),
      u('c2', 'g', { members: members('c', 4, 4) }),
      u('x', 'c2'),
    ])
    expect(brief(importSnapshotsOrThrow([a, b]).events.slice(3))).toMatchInlineSnapshot(`
      [
        "2024-02-29 UnitSplit {"unit":"c","into":[{"unit":"c1","name":"c1","parent":"g"},{"unit":"c2","name":"c2","parent":"g"}],"children":{"x":"c2"}} [split 1]",
      ]
    `)
  })

  it('infers an id change as a merge of one unit', () => {
    const a = snap(jan, [u('g', null), u('old', 'g', { members: members('m', 5) })])
    const b = snap(feb, [u('g', null), u('new', 'g', { name: 'New', members: members('m', 5) })])
    expect(brief(importSnapshotsOrThrow([a, b]).events.slice(2))).toMatchInlineSnapshot(`
      [
        "2024-02-29 UnitMerged {"units":["old"],"into":"new","name":"New","parent":"g"} [id-change 1]",
      ]
    `)
  })

  it('infers a spin-out when a continuing unit hands members to a new unit', () => {
    const a = snap(jan, [u('g', null), u('c', 'g', { members: members('m', 10) })])
    const b = snap(feb, [
      u('g', null),
      u('c', 'g', { members: members('m', 6) }),
      u('s', 'g', { members: members('m', 4, 6) }),
    ])
    expect(brief(importSnapshotsOrThrow([a, b]).events.slice(2))).toMatchInlineSnapshot(`
      [
        "2024-02-29 UnitSplit {"unit":"c","into":[{"unit":"s","name":"s","parent":"g"}],"retain":true} [spin-out 1]",
      ]
    `)
  })

  it('dissolves and creates when nothing overlaps, and lists candidates below the threshold', () => {
    const a = snap(jan, [u('g', null), u('a', 'g', { members: members('m', 10) })])
    const b = snap(feb, [u('g', null), u('b', 'g', { members: [...members('m', 3), ...members('n', 7)] })])
    const { events, review } = importSnapshotsOrThrow([a, b])
    expect(brief(events.slice(2))).toMatchInlineSnapshot(`
      [
        "2024-02-29 UnitCreated {"unit":"b","name":"b","parent":"g"}",
        "2024-02-29 UnitDissolved {"unit":"a"}",
      ]
    `)
    expect(review.steps[1]!.below.map((c) => [c.rule, c.confidence])).toEqual([['id-change', 0.3]])
  })

  it('keeps a unit through a gap and lists the gap', () => {
    const a = snap(jan, [u('g', null), u('x', 'g')])
    const b = snap(feb, [u('g', null)])
    const c = snap(mar, [u('g', null), u('x', 'g')])
    const { events, review } = importSnapshotsOrThrow([a, b, c])
    expect(events.filter((e) => e.data && 'unit' in e.data && e.data.unit === 'x').map((e) => e.type)).toEqual([
      'UnitCreated',
    ])
    expect(review.gaps).toEqual([{ unit: 'x', lastSeen: jan, missing: [feb], back: mar }])
  })

  it('resolves ties the same way every time (byte-identical output)', () => {
    const a = snap(jan, [u('g', null), u('a', 'g', { members: ['p', 'q'] })])
    const b = snap(feb, [u('g', null), u('b1', 'g', { members: ['p'] }), u('b2', 'g', { members: ['q'] })])
    const once = JSON.stringify(importSnapshotsOrThrow([a, b]))
    expect(JSON.stringify(importSnapshotsOrThrow([b, a]))).toBe(once)
    expect(JSON.stringify(importSnapshotsOrThrow([a, b]))).toBe(once)
  })
})

describe('bad snapshots', () => {
  const at = (line: number) => ({ file: 's.csv', line })
  const messages = (snapshots: Parameters<typeof importSnapshots>[0]) => {
    const r = importSnapshots(snapshots)
    return isLeft(r) ? r.left.map(formatImportError) : []
  }
  it('names a duplicate unit, an unknown parent and a cycle with their lines', () => {
    expect(
      messages([snap(jan, [u('a', null, { origin: at(2) }), u('a', null, { origin: at(3) })])]),
    ).toMatchInlineSnapshot(`
      [
        "s.csv:3: duplicate unit 'a' (first at line 2); each unit is one row",
      ]
    `)
    expect(messages([snap(jan, [u('a', 'zz', { origin: at(2) })])])).toMatchInlineSnapshot(`
      [
        "s.csv:2: unit 'a' has parent 'zz', which is not a unit of this snapshot; add it or leave the parent empty for a root",
      ]
    `)
    expect(
      messages([snap(jan, [u('a', 'b', { origin: at(2) }), u('b', 'a', { origin: at(3) })])]),
    ).toMatchInlineSnapshot(`
      [
        "s.csv:2: the parents of unit 'a' form a cycle: 'a' → 'b' → 'a'",
      ]
    `)
  })
  it('names a date that is not a date and two snapshots of one date', () => {
    expect(messages([{ ...snap('2024-13-01', []), origin: at(1) }])).toMatchInlineSnapshot(`
      [
        "s.csv:1: '2024-13-01' is not a date; use YYYY-MM-DD (or --date, or a date in the file name)",
      ]
    `)
    expect(messages([snap(jan, []), { ...snap(jan, []), file: 'other.csv' }])).toMatchInlineSnapshot(`
      [
        "other.csv:1: a second snapshot of 2024-01-31 (the first is org-2024-01-31.csv); give each date once",
      ]
    `)
  })
})

describe('reviewMarkdown', () => {
  it('lists counts, inferences with evidence and runner-up, and gaps', () => {
    const a = snap(jan, [
      u('g', null),
      u('a', 'g', { members: members('a', 6) }),
      u('b', 'g', { members: members('b', 6) }),
      u('x', 'g'),
    ])
    const b = snap(feb, [u('g', null), u('ab', 'g', { members: [...members('a', 6), ...members('b', 5)] })])
    const c = snap(mar, [u('g', null), u('ab', 'g'), u('x', 'g')])
    expect(reviewMarkdown(importSnapshotsOrThrow([a, b, c]).review)).toMatchInlineSnapshot(`
      "# Import review

      ## 2024-01-31 (org-2024-01-31.csv)

      UnitCreated: 4

      ## 2024-02-29 (org-2024-02-29.csv)

      UnitMerged: 1

      Inferred, lowest confidence first:

      - **merge** \`a\`, \`b\` → \`ab\`: confidence 0.92; 6 of 6 members of a are now in ab; 5 of 6 members of b are now in ab; runner-up: none

      ## 2024-03-31 (org-2024-03-31.csv)

      No events.

      ## Gaps

      - \`x\`: last seen 2024-01-31, missing on 2024-02-29, back on 2024-03-31 (kept active through the gap)
      "
    `)
  })
})
