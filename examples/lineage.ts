// Where did 大淘寶 come from, and what became of 零售通? Lineage across merges and splits.
import { fileURLToPath } from 'node:url'
import { type LineageNode, lineage, nameLabel, replayOrThrow } from 'org-history'
import { readHistoryOrThrow } from 'org-history/node'

const seed = fileURLToPath(new URL('../events/alibaba-2021-2022.ndjson', import.meta.url))
const org = replayOrThrow(readHistoryOrThrow([seed]))

const print = (nodes: readonly LineageNode[], indent = '  '): void => {
  for (const n of nodes) {
    console.log(`${indent}${nameLabel(n.name)} [${n.unit}] — ${n.link} on ${n.date}`)
    print(n.next, `${indent}  `)
  }
}

console.log('Where did 大淘寶 come from?')
print(lineage(org, 'taobao-tmall')!.predecessors)
console.log('What became of 零售通?')
print(lineage(org, 'lingshoutong')!.successors)
