// A plan drafted before the 2021-12 announcement (examples/plans/tmall-separate.ndjson, hypothetical:
// 天貓 kept as a business group of its own) against what happened: what the plan would still change
// on 2022-01-06, and where each of its events stands.
import { fileURLToPath } from 'node:url'
import { compare, PlanTimeline, planStatusesOrThrow, renderComparison, Timeline } from 'org-history'
import { readHistoryOrThrow } from 'org-history/node'

const path = (p: string) => fileURLToPath(new URL(p, import.meta.url))
const fact = Timeline.fromOrThrow(readHistoryOrThrow([path('../events/alibaba-2021-2022.ndjson')]))
const plan = readHistoryOrThrow([path('plans/tmall-separate.ndjson')])

// The org under the plan shares the fact timeline's checkpoints before the plan's first date.
const planned = PlanTimeline.fromOrThrow(fact, plan)
const date = '2022-01-06'
const [left, right] = [fact.atOrThrow(date), planned.atOrThrow(date)]
const changes = compare(left, right)
const statuses = planStatusesOrThrow(fact, plan, date)

console.log(
  renderComparison({ at: date, left: 'fact', right: 'tmall-separate', changes, plan: statuses }, [right, left], plan),
)

const missed = statuses.filter((s) => s.status === 'missed').map((s) => s.event)
console.log(`\nNot done as planned: ${missed.join(', ')}`)
