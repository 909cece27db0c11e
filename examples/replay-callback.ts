// Replays a history with a callback: counts the changes of each reorganization and lists the
// units each event touched, without keeping the intermediate states.
import { fileURLToPath } from 'node:url'
import { diff, foldHistory, replaySteps } from 'org-history'
import { readHistoryOrThrow } from 'org-history/node'

const seed = fileURLToPath(new URL('../events/alibaba-2021-2022.ndjson', import.meta.url))
const history = readHistoryOrThrow([seed])

const perReorg = foldHistory(history, new Map<string, number>(), (counts, { event, before, after }) =>
  counts.set(event.reorg ?? '(none)', (counts.get(event.reorg ?? '(none)') ?? 0) + diff(before, after).changes.length),
)
for (const [reorg, changes] of perReorg) console.log(`${reorg}: ${changes} changes`)

for (const { event, before, after } of replaySteps(history, { from: '2022-01-05' })) {
  const touched = [...new Set(diff(before, after).changes.map((c) => c.unit))]
  console.log(`${event.effective} ${event.type} ${event.id}: ${touched.join(', ')}`)
}
