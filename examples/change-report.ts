// A diff between two dates turned into a Markdown change report, grouped by kind of change,
// with the events (and their sources) that explain it.
import { fileURLToPath } from 'node:url'
import { type Change, nameLabel, sourcesOf, Timeline, unit } from 'org-history'
import { readHistoryOrThrow } from 'org-history/node'

const seed = fileURLToPath(new URL('../events/alibaba-2021-2022.ndjson', import.meta.url))
const history = readHistoryOrThrow([seed])
const timeline = Timeline.fromOrThrow(history)
const [from, to] = ['2021-12-31', '2022-01-06']
const after = timeline.atOrThrow(to)
const before = timeline.atOrThrow(from)
const name = (id: string | null) => (id === null ? '(root)' : nameLabel((unit(after, id) ?? unit(before, id))!.name))

const describe = (c: Change): string => {
  switch (c.kind) {
    case 'unit-added':
      return `**${name(c.unit)}** created under ${name(c.parent)}`
    case 'unit-ended':
      return `**${name(c.unit)}** ${c.status}${c.successors.length > 0 ? ` into ${c.successors.map(name).join(', ')}` : ''}`
    case 'unit-renamed':
      return `${nameLabel(c.from)} renamed **${nameLabel(c.to)}**`
    case 'unit-moved':
      return `**${name(c.unit)}** moved from ${name(c.from)} to ${name(c.to)}`
    case 'unit-reclassified':
      return `**${name(c.unit)}** reclassified from ${c.from ?? '(no kind)'} to ${c.to ?? '(no kind)'}`
    case 'attributes-changed':
      return `**${name(c.unit)}**: ${Object.keys(c.to).join(', ')} set`
    case 'leader-added':
      return `**${c.person}** ${c.acting ? 'acting ' : ''}${c.title ?? c.role} of ${name(c.unit)}`
    case 'leader-removed':
      return `**${c.person}** no longer ${c.role} of ${name(c.unit)}`
    case 'leader-updated':
      return `**${c.person}** (${c.role} of ${name(c.unit)}) ${JSON.stringify(c.from)} → ${JSON.stringify(c.to)}`
  }
}

const d = timeline.diffOrThrow(from, to)
console.log(`# Changes from ${from} to ${to}\n`)
for (const c of d.changes) console.log(`- ${describe(c)}`)
console.log('\n## Sources\n')
const byId = new Map(history.map((e) => [e.id, e]))
const cited = new Set(
  d.events.flatMap((id) => sourcesOf(byId.get(id)!).map((s) => `${s.publisher ?? ''}: ${s.title ?? ''}`)),
)
for (const source of cited) console.log(`- ${source}`)
