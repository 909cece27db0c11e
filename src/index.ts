// The public surface of org-history: explicit named exports only.

export { applyDiff, formatDiffApplyError } from './diff/apply.js'
export { diff } from './diff/diff.js'
export { toJsonPatch } from './diff/patch.js'
export type { DiffApplyError } from './diff/types.js'
export { CHANGE_KINDS, type Change, type Diff, type HoldingFields } from './diff/types.js'
export { DATE_FORMS, dayText, instantText, type OrgDate, type Precision, parseDate } from './domain/date.js'
export type { EventId, Origin, PersonId, UnitId } from './domain/ids.js'
export { jsonEqual } from './domain/json.js'
export {
  applyJsonPatch,
  formatJsonPatchError,
  formatPointer,
  type JsonPatch,
  type JsonPatchError,
  type JsonPatchOperation,
  parsePointer,
} from './domain/jsonPointer.js'
export { displayName, type Name, nameEquals } from './domain/name.js'
export {
  type Attributes,
  emptyState,
  type Json,
  type Leader,
  type NameChange,
  type OrgState,
  type Person,
  type Role,
  type Unit,
  type UnitStatus,
} from './domain/state.js'
export type { Trie } from './domain/trie.js'
export { formatError, where } from './errors/format.js'
export type {
  DecodeError,
  EventRef,
  HistoryError,
  HistoryRuleError,
  InvalidatedBy,
  ParseError,
  PlanConflict,
  RuleError,
} from './errors/types.js'
export { EventRetracted, EventRetractedData, eventRetracted } from './events/EventRetracted.js'
export {
  deriveEventId,
  type EventOf,
  Inferred,
  type Meta,
  type MetaInput,
  Source,
  sourcesOf,
} from './events/envelope.js'
export {
  decodeEvent,
  EVENT_CODECS,
  EVENT_TYPES,
  type Event,
  EventCodec,
  type EventOfType,
  type EventType,
  encodeEvent,
} from './events/event.js'
export { LeaderAssigned, LeaderAssignedData, leaderAssigned } from './events/LeaderAssigned.js'
export { LeaderRemoved, LeaderRemovedData, leaderRemoved } from './events/LeaderRemoved.js'
export {
  type PersonRegistered,
  PersonRegistered as PersonRegisteredCodec,
  personRegistered,
} from './events/PersonRegistered.js'
export { eventJsonSchema, historyJsonSchema } from './events/schema.js'
export type { JsonSchema } from './events/shape.js'
export {
  type UnitAttributesSet,
  UnitAttributesSet as UnitAttributesSetCodec,
  unitAttributesSet,
} from './events/UnitAttributesSet.js'
export { UnitCreated, UnitCreatedData, unitCreated } from './events/UnitCreated.js'
export { UnitDissolved, UnitDissolvedData, unitDissolved } from './events/UnitDissolved.js'
export { UnitMerged, UnitMergedData, unitMerged } from './events/UnitMerged.js'
export { UnitMoved, UnitMovedData, unitMoved } from './events/UnitMoved.js'
export { UnitReclassified, UnitReclassifiedData, unitReclassified } from './events/UnitReclassified.js'
export { UnitRenamed, UnitRenamedData, unitRenamed } from './events/UnitRenamed.js'
export { UnitSplit, UnitSplitData, unitSplit } from './events/UnitSplit.js'
export type { Inference } from './import/candidates.js'
export { type Imported, type ImportOptions, importSnapshots, importSnapshotsOrThrow } from './import/importSnapshots.js'
export type { Gap, Review, ReviewStep } from './import/review.js'
export { reviewMarkdown } from './import/reviewMarkdown.js'
export {
  formatImportError,
  type ImportError,
  importError,
  type Snapshot,
  type SnapshotLeader,
  type SnapshotPerson,
  type SnapshotUnit,
} from './import/snapshot.js'
export { validateSnapshots } from './import/validate.js'
// Plans (DESIGN §8)
export { type Aspect, sharedAspect, type Touch, touches } from './plan/aspects.js'
export { compare, PLAN_CHANGE_KINDS, type PlanChange } from './plan/compare.js'
export { holds } from './plan/holds.js'
export { PlanTimeline, type PlanTimelineOptions } from './plan/PlanTimeline.js'
export { type PlanFinding, type Rebase, rebasePlan, rebasePlanOrThrow } from './plan/rebase.js'
export {
  type PlanEventStatus,
  type PlanStatus,
  type PlanStatusOptions,
  planStatuses,
  planStatusesOrThrow,
} from './plan/statuses.js'
export { type EndedJSON, type PersonJSON, type StateJSON, toJSON, type UnitJSON, unitToJSON } from './queries/json.js'
export { type Lineage, type LineageLink, type LineageNode, lineage } from './queries/lineage.js'
export { leadersOf, people, person, rolesOf } from './queries/people.js'
export {
  activeCount,
  activeUnits,
  ancestors,
  children,
  endedUnits,
  roots,
  subtree,
  unit,
  walk,
} from './queries/units.js'
export { check } from './reducer/check.js'
export { evolve, step } from './reducer/evolve.js'
export { appliedNote, type Comparison, comparisonMarkdown, overlapWarning, renderComparison } from './render/compare.js'
export { renderDiff } from './render/diffText.js'
export { dotText, renderDot } from './render/dot.js'
export { leaderLabel, nameLabel, personLabel, type TextOptions, unitLabel } from './render/labels.js'
export { renderLineage } from './render/lineageText.js'
export { eventSummary, type LogOptions, type LogStyle, renderLog, sourceLabel } from './render/log.js'
export { type LogEntryJSON, type LogJSON, logJSON } from './render/logJSON.js'
export { codeSpan, diffMarkdown, escapeMarkdown, logMarkdown } from './render/markdown.js'
export { mermaidText, renderMermaid } from './render/mermaid.js'
export { type PageData, type PageOptions, renderPage } from './render/page/renderPage.js'
export { renderTree } from './render/tree.js'
export { displayWidth, padColumns } from './render/width.js'
// The SQL read model (DESIGN §9)
export { DEFAULT_SCHEMA, type ScriptOptions, sqlScript, sqlScriptChunks } from './sql/script.js'
export type { LeaderVersion, PersonVersion, Rectangle, UnitVersion, Versioned, Versions } from './sql/unitVersion.js'
export { versionsOf } from './sql/versions.js'
export { type FormatOptions, formatHistory, HISTORY_FORMATS, type HistoryFormat } from './store/format.js'
export { createMemoryStore, type MemoryStoreOptions } from './store/memory.js'
export { decodeEvents, isYamlFile, type Located, parseHistory, parseJsonValues } from './store/parse.js'
export type { AppendError, Appended, EventStore, ExpectedVersion, StoredEvent, VersionRange } from './store/port.js'
export { parseYamlValues } from './store/yaml.js'
export { diffBetween, diffBetweenOrThrow } from './timeline/between.js'
export {
  type AtOptions,
  foldEvents,
  HistoryErrors,
  replay,
  replayOrThrow,
  stateAt,
  stateAtOrThrow,
  statesAt,
  statesAtOrThrow,
} from './timeline/replay.js'
export { type Every, foldHistory, type RangeOptions, replaySteps, type Step, statesBetween } from './timeline/steps.js'
export { Timeline, type TimelineOptions } from './timeline/Timeline.js'
export { type HeldByOptions, heldBy, type Tenure, tenures } from './timeline/tenures.js'
export { type UnitHistoryEntry, unitHistory } from './timeline/unitHistory.js'
