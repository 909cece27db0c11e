import type { UnitId } from '../domain/ids.js'
import type { MetaInput } from '../events/envelope.js'
import type { Event } from '../events/event.js'
import type { Inference } from './candidates.js'
import type { Model } from './model.js'
import type { Snapshot, SnapshotUnit } from './snapshot.js'

/** What the writers of one step share: the model, the later snapshot and the events so far. */
export interface StepContext {
  readonly model: Model
  readonly after: Snapshot
  readonly units: ReadonlyMap<UnitId, SnapshotUnit>
  readonly events: Event[]
}

/** The envelope of every event of a step (DESIGN §7), with `inferred` for an inference. */
export function metaOf(after: Snapshot, inference?: Inference): MetaInput {
  const meta: MetaInput = { effective: after.date, source: { title: after.file }, reorg: `import-${after.date}` }
  if (inference === undefined) return meta
  const { rule, confidence, evidence } = inference
  return { ...meta, inferred: { rule, confidence, evidence } }
}
