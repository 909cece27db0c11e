// "What did we believe, and when?" A head of a team is recorded late, and a mistaken move is
// retracted: the org of one date as known at different times.
import { eventRetracted, leaderAssigned, leadersOf, Timeline, unit, unitCreated, unitMoved } from 'org-history'

const history = [
  unitCreated(
    { unit: 'group', name: 'Group' },
    { id: 'group', effective: '2021-01-01', recorded: '2021-01-01T09:00:00Z' },
  ),
  unitCreated(
    { unit: 'retail', name: 'Retail', parent: 'group' },
    { id: 'retail', effective: '2021-01-01', recorded: '2021-01-01T09:00:00Z' },
  ),
  unitCreated(
    { unit: 'live', name: 'Live streaming', parent: 'group' },
    { id: 'live', effective: '2021-06-01', recorded: '2021-06-01T09:00:00Z' },
  ),
  // Recorded on 2022-01-10, but effective since 2022-01-01: a late record.
  leaderAssigned(
    { unit: 'live', person: 'dao-fang' },
    { id: 'dao-fang', effective: '2022-01-01', recorded: '2022-01-10T09:00:00Z' },
  ),
  // A move recorded on 2022-01-03 and found wrong on 2022-01-20.
  unitMoved(
    { unit: 'live', parent: 'retail' },
    { id: 'live-to-retail', effective: '2022-01-02', recorded: '2022-01-03T09:00:00Z' },
  ),
  eventRetracted(
    { event: 'live-to-retail', reason: 'misread the letter' },
    { id: 'fix', recorded: '2022-01-20T09:00:00Z' },
  ),
]

const timeline = Timeline.fromOrThrow(history)
for (const knownAt of ['2022-01-05', '2022-01-15', '2022-01-25']) {
  const org = timeline.atOrThrow('2022-01-06', { knownAt })
  const head = leadersOf(org, 'live').map((l) => l.person)
  console.log(
    `the org of 2022-01-06 as known at ${knownAt}: live streaming under ${unit(org, 'live')?.parent}, led by ${head.join(', ') || 'nobody on record'}`,
  )
}
