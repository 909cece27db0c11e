import { parseDate } from '../domain/date.js'
import type { OrgState } from '../domain/state.js'
import { trieDiff } from '../domain/trie.js'
import type { RuleError } from '../errors/types.js'
import type { Event } from '../events/event.js'
import { fold } from '../timeline/fold.js'
import { inValidTimeOrder, type Ordered } from '../timeline/order.js'
import { type Entry, personEntry, unitChanges } from './rows.js'

const NEVER = Number.POSITIVE_INFINITY
const ALWAYS = Number.NEGATIVE_INFINITY

/** A version current in transaction time (its `recordedTo` is still open). */
export interface Row extends Entry {
  readonly validFrom: number
  validTo: number
  recordedFrom: number
}

/** A version no longer current: closed in transaction time. */
export interface Closed extends Row {
  readonly recordedTo: number
}

const instant = (text: string | undefined) => (text === undefined ? ALWAYS : parseDate(text)!.start)
const rowKey = (r: Row) => `${r.entity}\u0001${r.validFrom}\u0001${r.validTo}\u0001${r.sig}`

/** When each event (by valid-time index) stops counting: the earliest recorded retraction of it. */
function retractionTimes(events: readonly Event[], ordered: Ordered): Float64Array {
  const at = new Float64Array(ordered.events.length).fill(NEVER)
  const index = new Map<string, number>()
  ordered.events.forEach((e, i) => {
    index.set(e.id, i)
  })
  for (const r of events) {
    if (r.type !== 'EventRetracted') continue
    const i = index.get(r.data.event)
    if (i !== undefined) at[i] = Math.min(at[i]!, instant(r.recorded))
  }
  return at
}

/**
 * Builds the bitemporal versions of a history. Transaction time is walked in order of its distinct
 * instants (each `recorded` of an event or of a retraction); at each one, the valid-time versions
 * are recomputed only from the earliest valid time the newly known (or retracted) events touch,
 * and only for the entities that change from there. Versions that differ from before are closed
 * in transaction time; the others keep their rows. Events recorded in valid-time order cost one
 * step each (the replay resumes from the last state); a late event costs a replay of the history
 * up to its date plus the events after it.
 */
export class VersionBuilder {
  private readonly ordered: Ordered
  private readonly visible: Uint8Array
  private readonly closed: Closed[] = []
  private readonly rowsOf = new Map<string, Row[]>()
  private final: OrgState
  /** The start of the last instant whose events changed the org (`NEVER`: unknown). */
  private lastStart = ALWAYS
  private baseOfLast: OrgState | undefined
  private lastEntities: readonly string[] = []
  /** Events skipped by the fold because a view of the history broke a rule. */
  readonly skipped: RuleError[] = []

  constructor(history: readonly Event[]) {
    this.ordered = inValidTimeOrder(history)
    const n = this.ordered.events.length
    const recordedAt = Float64Array.from(this.ordered.events, (e) => instant(e.recorded))
    const retractedAt = retractionTimes(history, this.ordered)
    this.visible = new Uint8Array(n)
    const changes = new Map<number, number[]>()
    const at = (t: number, i: number) => {
      const list = changes.get(t)
      if (list === undefined) changes.set(t, [i])
      else list.push(i)
    }
    for (let i = 0; i < n; i++) {
      const [from, to] = [recordedAt[i]!, retractedAt[i]!]
      if (from >= to) continue
      if (from === ALWAYS) this.visible[i] = 1
      else at(from, i)
      if (to !== NEVER) at(to, i)
    }
    this.final = fold(undefined, { events: this.ordered.events, from: 0, to: 0 }, this.skipped)
    this.regenerate(0, ALWAYS)
    for (const t of [...changes.keys()].sort((a, b) => a - b)) {
      let first = n
      for (const i of changes.get(t)!) {
        this.visible[i] = 1 - this.visible[i]!
        first = Math.min(first, i)
      }
      this.regenerate(first, t)
    }
  }

  /** Every version: those closed in transaction time, then the current ones. */
  rows(): { readonly closed: readonly Closed[]; readonly current: readonly Row[] } {
    const current: Row[] = []
    for (const rows of this.rowsOf.values()) current.push(...rows)
    return { closed: this.closed, current }
  }

  /** Recomputes the versions from the valid time of event `first` on, as known from `t`. */
  private regenerate(first: number, t: number): void {
    const { events, starts } = this.ordered
    const n = events.length
    if (first >= n) return
    const s = starts[first]!
    let g = first
    while (g > 0 && starts[g - 1] === s) g--
    const pulled: Row[] = []
    const open = new Map<string, Row>()
    const done = new Set<string>()
    const pull = (entity: string) => {
      if (done.has(entity)) return
      done.add(entity)
      const rows = this.rowsOf.get(entity)
      if (rows === undefined) return
      while (rows.length > 0 && (rows[rows.length - 1]!.validTo >= s || rows[rows.length - 1]!.validFrom >= s)) {
        const row = rows.pop()!
        pulled.push(row)
        if (row.validFrom < s) open.set(entity, { ...row, validTo: NEVER })
      }
    }
    const include = (i: number) => this.visible[i] === 1
    let state: OrgState
    if (s > this.lastStart) state = this.final!
    else if (s === this.lastStart) {
      state = this.baseOfLast!
      for (const e of this.lastEntities) pull(e)
    } else {
      state = fold(undefined, { events, from: 0, to: g, include }, this.skipped)
      for (const [entity, rows] of this.rowsOf) {
        const last = rows[rows.length - 1]
        if (last !== undefined && (last.validFrom >= s || (last.validTo !== NEVER && last.validTo >= s))) pull(entity)
      }
      this.lastStart = NEVER
    }
    const produced: Row[] = []
    const change = (entity: string, entry: Entry | undefined, at: number) => {
      pull(entity)
      const current = open.get(entity)
      if (current !== undefined && entry !== undefined && current.sig === entry.sig) return
      if (current !== undefined) {
        current.validTo = at
        produced.push(current)
        open.delete(entity)
      }
      if (entry !== undefined) open.set(entity, { ...entry, validFrom: at, validTo: NEVER, recordedFrom: t })
    }
    for (let i = g; i < n; ) {
      let j = i + 1
      while (j < n && starts[j] === starts[i]) j++
      let any = false
      for (let k = i; k < j && !any; k++) any = include(k)
      const next = any ? fold(state, { events, from: i, to: j, include }, this.skipped) : state
      if (any) {
        const at = starts[i]!
        const touched: string[] = []
        const emit = (entity: string, entry: Entry | undefined) => {
          touched.push(entity)
          change(entity, entry, at)
        }
        trieDiff(state.units, next.units, (_id, before, after) => unitChanges(before, after, emit))
        trieDiff(state.people, next.people, (id, _before, after) => {
          touched.push(`p${id}`)
          change(`p${id}`, personEntry(after, id), at)
        })
        this.lastStart = at
        this.baseOfLast = state
        this.lastEntities = touched
      }
      state = next
      i = j
    }
    this.final = state
    this.settle(pulled, [...produced, ...open.values()], t)
  }

  /** Keeps the transaction time of versions recomputed unchanged; closes the others at `t`. */
  private settle(before: readonly Row[], after: readonly Row[], t: number): void {
    const old = new Map<string, Row>()
    for (const row of before) old.set(rowKey(row), row)
    for (const row of after) {
      if (old.size > 0) {
        const key = rowKey(row)
        const same = old.get(key)
        row.recordedFrom = same === undefined ? t : same.recordedFrom
        old.delete(key)
      } else row.recordedFrom = t
      const rows = this.rowsOf.get(row.entity)
      if (rows === undefined) this.rowsOf.set(row.entity, [row])
      else rows.push(row)
    }
    for (const row of old.values()) if (row.recordedFrom < t) this.closed.push({ ...row, recordedTo: t })
  }
}
