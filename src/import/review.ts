import type { UnitId } from '../domain/ids.js'
import type { Inference } from './candidates.js'

/**
 * What one step of an import wrote and inferred.
 * @example
 * const step: ReviewStep = { date: '2024-02-29', file: 'feb.csv', counts: { UnitRenamed: 1 }, inferred: [], below: [] }
 * @since 0.2.0
 */
export interface ReviewStep {
  readonly date: string
  readonly file: string
  /** Events written, by type. */
  readonly counts: Readonly<Record<string, number>>
  /** The merges, splits, spin-outs and id changes written, with their confidence. */
  readonly inferred: readonly Inference[]
  /** Candidates below the minimum confidence that fell back to dissolve + create. */
  readonly below: readonly Inference[]
}

/**
 * A unit missing from some snapshots and back later with its id: kept active through the gap.
 * @example
 * const gap: Gap = { unit: 'ops', lastSeen: '2024-01-31', missing: ['2024-02-29'], back: '2024-03-31' }
 * @since 0.2.0
 */
export interface Gap {
  readonly unit: UnitId
  readonly lastSeen: string
  readonly missing: readonly string[]
  readonly back: string
}

/**
 * What a person should check after an import: every step's counts and inferences, and the gaps.
 * @example
 * const review: Review = { steps: [], gaps: [] }
 * @since 0.2.0
 */
export interface Review {
  readonly steps: readonly ReviewStep[]
  readonly gaps: readonly Gap[]
}
