import { describe, expect, it } from 'vitest'
import {
  codeSpan,
  diffMarkdown,
  escapeMarkdown,
  logMarkdown,
  replaySteps,
  statesAtOrThrow,
  Timeline,
} from '../../src/index.js'
import { readHistoryOrThrow } from '../../src/node.js'

const history = readHistoryOrThrow(['events/alibaba-2021-2022.ndjson'])
const timeline = Timeline.fromOrThrow(history)
const [before, after] = statesAtOrThrow(history, ['2021-12-31', '2022-01-06'])
const d = timeline.diffOrThrow('2021-12-31', '2022-01-06')
const steps = [...replaySteps(history)]

describe('escapeMarkdown', () => {
  it('escapes what could start emphasis, a link, code, HTML or a table cell', () => {
    expect(escapeMarkdown('*a* _b_ [c](d) `e` <f> g|h ~~i~~ \\')).toBe(
      '\\*a\\* \\_b\\_ \\[c\\](d) \\`e\\` \\<f\\> g\\|h \\~\\~i\\~\\~ \\\\',
    )
  })

  it('keeps a plain ampersand and escapes one that would start an entity', () => {
    expect(escapeMarkdown('Taobao & Tmall &amp; &#35;')).toBe('Taobao & Tmall &amp;amp; &amp;#35;')
  })

  it('puts a name with line breaks on one line', () => {
    expect(escapeMarkdown('a\nb\r\nc')).toBe('a b c')
  })
})

describe('codeSpan', () => {
  it('fences an id with one backtick', () => {
    expect(codeSpan('taobao-tmall')).toBe('`taobao-tmall`')
  })

  it('fences text holding backticks with a longer run, padded', () => {
    expect(codeSpan('`a``b')).toBe('``` `a``b ```')
  })

  it('escapes pipes inside a table cell', () => {
    expect(codeSpan('a|b', true)).toBe('`a\\|b`')
  })
})

describe('diffMarkdown', () => {
  const md = diffMarkdown(d, [after!, before!], { languages: ['zh-Hant'] })

  it('starts with the dates and the counts', () => {
    expect(md.split('\n').slice(0, 3)).toEqual(['## 2021-12-31 → 2022-01-06', '', '35 changes, 31 events.'])
  })

  it('has one section per kind of change, one bullet per change', () => {
    expect(md.match(/^### .*/gm)).toEqual([
      '### Units added',
      '### Units ended',
      '### Units moved',
      '### Attributes changed',
      '### Leaders added',
      '### Events',
    ])
    expect(md.match(/^- /gm)).toHaveLength(35)
  })

  it('names the merged units and their successor', () => {
    expect(md).toContain('- **淘寶** `taobao` merged into 大淘寶')
  })

  it('lists the events as code spans', () => {
    expect(md.split('\n').at(-1)).toMatch(/^`cdc-created`, `odc-created`, /)
  })

  it('says there are no changes for a date and itself', () => {
    expect(diffMarkdown(timeline.diffOrThrow('2022-01-06', '2022-01-06'))).toBe(
      '## 2022-01-06 → 2022-01-06\n\n0 changes, 0 events.',
    )
  })
})

describe('logMarkdown', () => {
  const md = logMarkdown(
    steps.filter((s) => s.event.id === 'taobao-tmall-merged'),
    { languages: ['en'] },
  )

  it('is a table with a header and one row per event', () => {
    expect(md.split('\n')).toEqual([
      '| Date | Type | Summary | Reorg | Source |',
      '| --- | --- | --- | --- | --- |',
      '| 2022-01-06 | UnitMerged | Taobao, Tmall → Taobao & Tmall | `alibaba-2022-01` | 淘寶、天貓業務將實現全面融合 (時尚達人圈); 淘寶、天貓業務將實現全面融合 (紅星資本局) |',
    ])
  })

  it('links a source that has a URL', () => {
    const step = {
      ...steps[0]!,
      event: { ...steps[0]!.event, source: { title: 'A (b)', url: 'https://x.org/a b(c)' } },
    }
    expect(logMarkdown([step]).split('\n')[2]).toContain('[A (b)](https://x.org/a%20b%28c%29)')
  })

  it('says so when there are no events', () => {
    expect(logMarkdown([])).toBe('_No events._')
  })
})
