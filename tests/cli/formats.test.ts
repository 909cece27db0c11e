import { isRight } from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { applyJsonPatch } from '../../src/index.js'
import { cli } from '../support/cli.js'

const seed = 'events/alibaba-2021-2022.ndjson'

describe('org-history at --format', () => {
  it('draws a Mermaid flowchart of units, leaders and the hierarchy', async () => {
    const r = await cli('at', '2022-01-06', seed, '--format', 'mermaid', '--lang', 'en')
    expect(r.status).toBe(0)
    const lines = r.out.split('\n')
    expect(lines[0]).toBe('flowchart TD')
    expect(lines).toContain('  n5["Taobao #amp; Tmall<br/>head: Trudy Dai<br/>CTO: 魯肅<br/>CCO/CRO: 師太"]')
    expect(lines.filter((l) => l.includes(' --> '))).toHaveLength(16)
  })

  it('draws a Graphviz digraph of units, leaders and the hierarchy', async () => {
    const r = await cli('at', '2022-01-06', seed, '--format', 'dot', '--lang', 'zh-Hant')
    const lines = r.out.split('\n')
    expect([lines[0], lines.at(-1)]).toEqual(['digraph org {', '}'])
    expect(lines).toContain('  n5 [label="大淘寶\\nhead: 戴珊\\nCTO: 魯肅\\nCCO/CRO: 師太", tooltip="taobao-tmall"];')
    expect(lines.filter((l) => l.includes(' -> '))).toHaveLength(16)
  })

  it('rejects a format at does not have, listing the ones it has', async () => {
    expect((await cli('at', '2022', seed, '--format', 'svg')).err).toBe(
      "org-history: at has no format 'svg'; expected one of tree, json, mermaid, dot",
    )
  })
})

describe('org-history diff --format', () => {
  it('prints the diff as Markdown', async () => {
    const r = await cli('diff', '2021-12-31', '2022-01-06', seed, '--format', 'markdown')
    expect(r.out.split('\n')[0]).toBe('## 2021-12-31 → 2022-01-06')
    expect(r.out).toContain('### Units ended\n\n- **淘寶 (Taobao)** `taobao` merged into 大淘寶 (Taobao & Tmall)')
  })

  it('prints an RFC 6902 JSON Patch that turns one state into the other', async () => {
    const before = JSON.parse((await cli('at', '2021-12-31', seed, '--json')).out)
    const after = JSON.parse((await cli('at', '2022-01-06', seed, '--json')).out)
    const patch = JSON.parse((await cli('diff', '2021-12-31', '2022-01-06', seed, '--format', 'patch')).out)
    expect(patch[0]).toEqual({ op: 'replace', path: '/at', value: '2022-01-06' })
    const applied = applyJsonPatch(before, patch)
    expect(isRight(applied) && applied.right).toEqual(after)
  })

  it('prints an empty patch between a date and itself, but for nothing', async () => {
    expect((await cli('diff', '2022-01-06', '2022-01-06', seed, '--format', 'patch')).out).toBe('[]')
  })

  it('names people and units in the language asked for', async () => {
    expect((await cli('diff', '2021-12-31', '2022-01-06', seed, '--lang', 'en')).out).toContain(
      '  + Taobao & Tmall [taobao-tmall] head: Trudy Dai',
    )
  })

  it('rejects a format diff does not have, listing the ones it has', async () => {
    expect((await cli('diff', '2021', '2022', seed, '--format', 'tree')).err).toBe(
      "org-history: diff has no format 'tree'; expected one of text, json, markdown, patch",
    )
  })
})

describe('--known-at', () => {
  it('is taken by at, diff, log, lineage and validate', async () => {
    for (const argv of [
      ['at', '2022-01-06', seed],
      ['diff', '2021', '2022', seed],
      ['log', seed],
      ['lineage', 'taobao', seed],
      ['validate', seed],
    ])
      expect((await cli(...argv, '--known-at', '2022-01-07')).status).toBe(0)
  })

  it('rejects a date that does not parse', async () => {
    expect((await cli('log', seed, '--known-at', 'yesterday')).err).toBe(
      "org-history: --known-at 'yesterday' is not a date (use YYYY, YYYY-MM, YYYY-MM-DD or an RFC 3339 date-time with Z or an offset)",
    )
  })
})

describe('--lang', () => {
  it('falls back to a language of the same family', async () => {
    expect((await cli('at', '2022-01-06', seed, '--lang', 'zh-TW')).out).toContain('大淘寶 [taobao-tmall]  head: 戴珊')
  })

  it('takes a list, most preferred first', async () => {
    expect((await cli('at', '2022-01-06', seed, '--lang', 'fr,en')).out).toContain('Taobao & Tmall [taobao-tmall]')
  })
})
