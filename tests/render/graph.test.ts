import { describe, expect, it } from 'vitest'
import {
  dotText,
  type Event,
  leaderAssigned,
  mermaidText,
  personRegistered,
  renderDot,
  renderMermaid,
  replayOrThrow,
  stateAtOrThrow,
  unitCreated,
} from '../../src/index.js'
import { readHistoryOrThrow } from '../../src/node.js'

const seed = stateAtOrThrow(readHistoryOrThrow(['events/alibaba-2021-2022.ndjson']), '2022-01-06')

/** Names and ids no renderer may trust: quotes, brackets, braces, pipes, backslashes, entities, CJK, emoji. */
const HOSTILE = [
  'say "hi"',
  'a]b[c',
  '{x} | (y)',
  '<b>bold</b> & co',
  'back\\slash \\N \\l end\\',
  'line\nbreak\ttab',
  '#35; %% `code` ;',
  '大淘寶 🚀 é',
  'end',
]

const hostile: Event[] = [
  unitCreated({ unit: 'root "id"', name: HOSTILE[0]! }, { id: 'e0', effective: '2020' }),
  ...HOSTILE.slice(1).map((name, i) =>
    unitCreated({ unit: `u${i} ]"\\`, name, parent: 'root "id"' }, { id: `e${i + 1}`, effective: '2020' }),
  ),
  personRegistered({ person: 'p', name: 'P "the" <boss> \\' }, { id: 'p', effective: '2020' }),
  leaderAssigned(
    { unit: 'root "id"', person: 'p', title: 'CEO | [interim]', acting: true },
    { id: 'l', effective: '2020' },
  ),
]
const hostileState = replayOrThrow(hostile)
const hostileLabels = [
  `${HOSTILE[0]}\nCEO | [interim]: P "the" <boss> \\ (acting)`,
  ...HOSTILE.slice(1).map((n) => n.replace(/[\n\t]+/g, ' ')),
]

/** A DOT tokenizer as Graphviz's lexer reads quoted strings: `\"` and `\\` are pairs, a string ends at a lone `"`. */
function tokenize(dot: string): string[] {
  const tokens: string[] = []
  let i = 0
  while (i < dot.length) {
    const ch = dot[i]!
    if (/\s/.test(ch)) i++
    else if (ch === '"') {
      let j = i + 1
      while (j < dot.length && dot[j] !== '"')
        j += dot[j] === '\\' && (dot[j + 1] === '"' || dot[j + 1] === '\\') ? 2 : 1
      if (j >= dot.length) throw new Error(`unterminated string at ${i}`)
      tokens.push(dot.slice(i, j + 1))
      i = j + 1
    } else if (dot.startsWith('->', i)) {
      tokens.push('->')
      i += 2
    } else if ('{}[];,='.includes(ch)) tokens.push(dot[i++]!)
    else {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(dot.slice(i))
      if (m === null) throw new Error(`unexpected ${JSON.stringify(ch)} at ${i}`)
      tokens.push(m[0])
      i += m[0].length
    }
  }
  return tokens
}

/** What a DOT label shows: `\\` a backslash, `\"` a quote, `\n` a line break. */
const dotLabel = (quoted: string) =>
  quoted.slice(1, -1).replace(/\\(["\\n])/g, (_, c: string) => (c === 'n' ? '\n' : c))

/** Parses `digraph ID { … }` with node, edge and default-attribute statements; the labels of the nodes in order. */
function parseDot(dot: string): { labels: string[]; edges: [string, string][] } {
  const t = tokenize(dot)
  let i = 0
  const take = (expected?: string) => {
    const token = t[i++]
    if (token === undefined || (expected !== undefined && token !== expected))
      throw new Error(`expected ${expected ?? 'a token'} at token ${i - 1}, got ${token}`)
    return token
  }
  const attrs = () => {
    const out: Record<string, string> = {}
    take('[')
    while (t[i] !== ']') {
      const key = take()
      take('=')
      out[key] = take()
      if (t[i] === ',') i++
    }
    take(']')
    return out
  }
  take('digraph')
  take()
  take('{')
  const nodes = new Map<string, string>()
  const edges: [string, string][] = []
  while (t[i] !== '}') {
    const id = take()
    if (t[i] === '->') {
      i++
      edges.push([id, take()])
    } else {
      const a = attrs()
      if (id !== 'graph' && id !== 'node') nodes.set(id, dotLabel(a.label!))
    }
    take(';')
  }
  take('}')
  if (i !== t.length) throw new Error('text after the graph')
  for (const [from, to] of edges) if (!nodes.has(from) || !nodes.has(to)) throw new Error(`edge to an unknown node`)
  return { labels: [...nodes.values()], edges }
}

const ENTITY: Record<string, string> = { quot: '"', amp: '&', lt: '<', gt: '>' }

/** Checks Mermaid flowchart lines: the header, comments, `nK["…"]` nodes and `nA --> nB` edges; the labels as shown. */
function parseMermaid(text: string): { labels: string[]; edges: [string, string][] } {
  const [header, ...lines] = text.split('\n')
  expect(header).toBe('flowchart TD')
  const labels = new Map<string, string>()
  const edges: [string, string][] = []
  for (const line of lines) {
    const node = /^ {2}(n\d+)\["([^"]*)"\]$/.exec(line)
    const edge = /^ {2}(n\d+) --> (n\d+)$/.exec(line)
    if (node !== null) {
      const raw = node[2]!.replaceAll('<br/>', '')
      expect(raw).not.toMatch(/[`<>%]|#(?!\w+;)/)
      const shown = node[2]!
        .split('<br/>')
        .map((part) => part.replace(/#(\w+);/g, (_, e: string) => ENTITY[e] ?? String.fromCodePoint(Number(e))))
      labels.set(node[1]!, shown.join('\n'))
    } else if (edge !== null) edges.push([edge[1]!, edge[2]!])
    else expect(line).toMatch(/^ {2}%% n\d+: [^\n]*$/)
  }
  for (const [from, to] of edges) expect(labels.has(from) && labels.has(to)).toBe(true)
  return { labels: [...labels.values()], edges }
}

describe('renderMermaid', () => {
  it('draws every active unit of the seed with its leaders, and the hierarchy', () => {
    const { labels, edges } = parseMermaid(renderMermaid(seed, { languages: ['zh-Hant'] }))
    expect(labels).toHaveLength(17)
    expect(labels).toContain('大淘寶\nhead: 戴珊\nCTO: 魯肅\nCCO/CRO: 師太')
    expect(edges).toHaveLength(16)
  })

  it('stays valid, and shows each name as it is, whatever the names and ids hold', () => {
    expect(parseMermaid(renderMermaid(hostileState)).labels.sort()).toEqual([...hostileLabels].sort())
  })

  it('marks acting leaders', () => {
    expect(renderMermaid(hostileState)).toContain('(acting)')
  })

  it('escapes quotes, entities, comments, HTML and code as entity codes', () => {
    expect(mermaidText('"#%<>&`')).toBe('#quot;#35;#37;#lt;#gt;#amp;#96;')
  })
})

describe('renderDot', () => {
  it('draws every active unit of the seed with its leaders, and the hierarchy', () => {
    const { labels, edges } = parseDot(renderDot(seed, { languages: ['en'] }))
    expect(labels).toHaveLength(17)
    expect(labels).toContain('Taobao & Tmall\nhead: Trudy Dai\nCTO: 魯肅\nCCO/CRO: 師太')
    expect(edges).toHaveLength(16)
  })

  it('stays valid, and shows each name as it is, whatever the names and ids hold', () => {
    expect(parseDot(renderDot(hostileState)).labels.sort()).toEqual([...hostileLabels].sort())
  })

  it('draws units with an acting leader dashed', () => {
    expect(renderDot(hostileState).split('\n')[3]).toContain('style="rounded,dashed"')
  })

  it('doubles backslashes so \\N and \\l stay literal, and escapes quotes', () => {
    expect(dotText('\\N "x"\n')).toBe('\\\\N \\"x\\" ')
  })
})
