// Two org charts a month apart, as an HR system exports them, turned into a history with lineage.
import { formatHistory, importSnapshotsOrThrow, type Snapshot, type SnapshotUnit } from 'org-history'

const unit = (id: string, parent: string | null, members: string[]): SnapshotUnit => ({
  id,
  name: id,
  kind: null,
  parent,
  attributes: {},
  leaders: [],
  members,
})

const january: Snapshot = {
  date: '2024-01-31',
  file: 'january',
  units: [unit('acme', null, []), unit('ops-west', 'acme', ['w1', 'w2', 'w3']), unit('ops-east', 'acme', ['e1', 'e2'])],
  people: [],
}
const february: Snapshot = {
  date: '2024-02-29',
  file: 'february',
  units: [unit('acme', null, []), unit('operations', 'acme', ['w1', 'w2', 'w3', 'e1', 'e2'])],
  people: [],
}

const { events, review } = importSnapshotsOrThrow([january, february])
for (const line of formatHistory(events, 'ndjson')) process.stdout.write(line)
for (const inferred of review.steps[1]!.inferred)
  console.log(`${inferred.rule} ${inferred.confidence}: ${inferred.evidence}`)
