// The main job (`npm start`): replays the seed history and shows Alibaba's org before and after
// the 2021-12 / 2022-01 reorganization, and what changed in between.
import { diffBetweenOrThrow, renderDiff, renderTree, statesAtOrThrow } from '../src/index.js'
import { readHistoryOrThrow } from '../src/node.js'

const history = readHistoryOrThrow(['events/alibaba-2021-2022.ndjson'])
const [before, after] = statesAtOrThrow(history, ['2021-12-31', '2022-01-06'])
const rule = (title: string) => `\n${title}\n${'─'.repeat(Math.min(80, title.length + 8))}`

console.log(`Replayed ${history.length} events of events/alibaba-2021-2022.ndjson`)
console.log(rule('The org on 2021-12-31, before the reorganization'))
console.log(renderTree(before!))
console.log(rule('The org on 2022-01-06, after 戴珊’s letter'))
console.log(renderTree(after!))
console.log(rule('What changed'))
console.log(renderDiff(diffBetweenOrThrow(history, '2021-12-31', '2022-01-06'), [after!, before!]))
