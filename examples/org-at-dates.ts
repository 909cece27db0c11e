// The seed history's org at several dates: how many units were active, who led the group's
// China digital commerce, and the whole tree after the 2022-01 reorganization.
import { fileURLToPath } from 'node:url'
import { activeCount, leadersOf, renderTree, Timeline } from 'org-history'
import { readHistoryOrThrow } from 'org-history/node'

const seed = fileURLToPath(new URL('../events/alibaba-2021-2022.ndjson', import.meta.url))
const timeline = Timeline.fromOrThrow(readHistoryOrThrow([seed]))

for (const date of ['2021-02-28', '2021-03-31', '2021-12-31', '2022-01-01', '2022-01-06']) {
  const org = timeline.atOrThrow(date)
  const cdc = leadersOf(org, 'china-digital-commerce').map((l) => l.person)
  console.log(
    `${date}: ${activeCount(org)} active units; China Digital Commerce led by ${cdc.join(', ') || '(not yet created)'}`,
  )
}

console.log(`\n${renderTree(timeline.atOrThrow('2022-01-06'), { languages: ['en'] })}`)
