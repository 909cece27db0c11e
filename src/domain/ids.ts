/** Identifier of a unit. Any non-empty string, including `__proto__`, CJK text or emoji. @since 0.1.0 */
export type UnitId = string
/** Identifier of a person. @since 0.1.0 */
export type PersonId = string
/** Identifier of an event, unique within a history. @since 0.1.0 */
export type EventId = string

/** Where an event was read from: a file and a 1-based line. @since 0.1.0 */
export interface Origin {
  readonly file: string
  readonly line: number
}
