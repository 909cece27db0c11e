// fast-check arbitraries of VALID histories, built by a model of the org that tracks which units
// exist, which are active, their tree and their leaders, so every event it emits passes the rules
// of DESIGN §2. Each history is drawn as a list of small random "steps"; a step is read against the
// model to pick an event that fits (falling back to UnitCreated when its kind does not apply), so
// shrinking the steps always gives another valid history.

import fc from 'fast-check'
import {
  dayText,
  type Event,
  instantText,
  type Json,
  leaderAssigned,
  leaderRemoved,
  type Name,
  parseDate,
  personRegistered,
  unitAttributesSet,
  unitCreated,
  unitDissolved,
  unitMerged,
  unitMoved,
  unitReclassified,
  unitRenamed,
  unitSplit,
} from '../../src/index.js'

/** Ids that break naive code: prototype keys, CJK text, emoji. */
export const HOSTILE_IDS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', '大淘寶', '🏢'] as const

/** People the generator assigns; hostile ones included. */
export const PEOPLE = ['dai-shan', 'lu-su', 'jiang-fan', '__proto__', 'constructor', '戴珊', '👩‍💼'] as const

/** Roles the generator assigns. */
export const ROLES = ['head', 'cto', 'toString', '__proto__'] as const

/** Attribute keys the generator sets; hostile ones included. */
export const ATTRIBUTE_KEYS = ['brands', 'size', '__proto__', 'constructor', 'toString', '責任', '🏷️'] as const

const TITLES = ['CEO', '總裁', 'CTO / CRO'] as const

/** The first instant the generated histories start from. */
export const HISTORY_START = Date.UTC(2020, 0, 1)

// ---------------------------------------------------------------------------------------------
// Values: names, JSON, attributes

/** A JSON object built with `Object.fromEntries`, so `__proto__` is an own data key. */
const objectOf = <V>(entries: readonly (readonly [string, V])[]): { [key: string]: V } => Object.fromEntries(entries)

/** A display name: plain text, or texts by language (sometimes with a hostile key). */
export const nameArb: fc.Arbitrary<Name> = fc.oneof(
  { arbitrary: fc.string({ minLength: 1, maxLength: 8 }), weight: 3 },
  { arbitrary: fc.constantFrom('大淘寶', '淘寶', '🏢 HQ', 'constructor'), weight: 2 },
  {
    arbitrary: fc
      .record({ zh: fc.constantFrom('大淘寶', '天貓', '阿里媽媽'), en: fc.string({ minLength: 1, maxLength: 6 }) })
      .map(({ zh, en }): Name => ({ 'zh-Hant': zh, en })),
    weight: 2,
  },
  {
    arbitrary: fc.constantFrom<Name>(
      objectOf([['__proto__', '原型']]),
      objectOf([
        ['en', 'x'],
        ['constructor', 'y'],
      ]),
    ),
    weight: 1,
  },
)

const leafArb: fc.Arbitrary<Json> = fc.oneof(
  fc.string({ maxLength: 6 }),
  fc.integer({ min: -1000, max: 1000 }),
  fc.boolean(),
  fc.constantFrom('淘寶', '天貓', '🏢'),
)

/** A JSON value of an attribute (never `-0`, `NaN` or `undefined`: it survives JSON text). */
export const jsonArb: fc.Arbitrary<Json> = fc.oneof(
  { arbitrary: leafArb, weight: 3 },
  { arbitrary: fc.array(leafArb, { maxLength: 3 }), weight: 1 },
  {
    arbitrary: fc
      .uniqueArray(fc.tuple(fc.constantFrom(...ATTRIBUTE_KEYS), leafArb), { maxLength: 3, selector: ([k]) => k })
      .map((entries) => objectOf(entries) as Json),
    weight: 1,
  },
)

const attributeEntriesArb = (withNull: boolean) =>
  fc.uniqueArray(fc.tuple(fc.constantFrom(...ATTRIBUTE_KEYS), withNull ? fc.option(jsonArb, { freq: 4 }) : jsonArb), {
    maxLength: 3,
    selector: ([k]) => k,
  })

// ---------------------------------------------------------------------------------------------
// Dates

/** How the next event's date is chosen. */
export interface DateStep {
  /** Keep the previous event's start instant (a tie), written as `sameForm` picks. */
  readonly same: boolean
  readonly sameForm: number
  /** Hours to move on (at least one) when not a tie. */
  readonly hours: number
  readonly form: 'day' | 'month' | 'year' | 'instant'
}

const dateStepArb: fc.Arbitrary<DateStep> = fc.record({
  same: fc.boolean(),
  sameForm: fc.nat({ max: 7 }),
  hours: fc.integer({ min: 1, max: 24 * 45 }),
  form: fc.oneof(
    { arbitrary: fc.constant('day' as const), weight: 12 },
    { arbitrary: fc.constant('month' as const), weight: 2 },
    { arbitrary: fc.constant('instant' as const), weight: 3 },
    { arbitrary: fc.constant('year' as const), weight: 1 },
  ),
})

const monthText = (ms: number) => dayText(ms).slice(0, 7)
const yearText = (ms: number) => dayText(ms).slice(0, 4)

function ceilTo(ms: number, form: 'day' | 'month' | 'year'): number {
  const d = new Date(ms)
  const y = d.getUTCFullYear()
  const m = d.getUTCMonth()
  const floor =
    form === 'day' ? Date.UTC(y, m, d.getUTCDate()) : form === 'month' ? Date.UTC(y, m, 1) : Date.UTC(y, 0, 1)
  if (floor === ms) return ms
  return form === 'day' ? floor + 86_400_000 : form === 'month' ? Date.UTC(y, m + 1, 1) : Date.UTC(y + 1, 0, 1)
}

/** Every canonical text of the date that starts at `ms` (`2022-01`, `2022-01-01`, `2022-01-01T00:00:00Z`…). */
export function textsStartingAt(ms: number): string[] {
  const out = [instantText(ms)]
  if (ceilTo(ms, 'day') === ms) out.push(dayText(ms))
  if (ceilTo(ms, 'month') === ms) out.push(monthText(ms))
  if (ceilTo(ms, 'year') === ms) out.push(yearText(ms))
  return out
}

interface Dated {
  readonly start: number
  readonly text: string
}

/** The date of the next event: never before the previous one. */
function nextDate(previous: Dated | undefined, step: DateStep): Dated {
  if (previous !== undefined && step.same) {
    // Mostly the same text; sometimes another text of the same instant (`2022-01` and `2022-01-01`).
    const texts = textsStartingAt(previous.start)
    return { start: previous.start, text: step.sameForm < 5 ? previous.text : pick(texts, step.sameForm) }
  }
  const target = previous === undefined ? HISTORY_START : previous.start + step.hours * 3_600_000
  if (step.form === 'instant') return { start: target, text: instantText(target) }
  const start = ceilTo(target, step.form)
  const text = step.form === 'day' ? dayText(start) : step.form === 'month' ? monthText(start) : yearText(start)
  return { start, text }
}

// ---------------------------------------------------------------------------------------------
// The model

interface ModelUnit {
  readonly id: string
  parent: string | null
  active: boolean
  readonly children: string[]
  readonly leaders: { person: string; role: string }[]
}

/** What a generated history should replay to: the tree of active units and their leaders. */
export interface Expected {
  /** Active units with their parent and leaders (`role\u0000person`), by id. */
  readonly active: ReadonlyMap<string, { readonly parent: string | null; readonly leaders: readonly string[] }>
  /** Ids of every unit that ended. */
  readonly ended: ReadonlySet<string>
}

class Model {
  readonly units = new Map<string, ModelUnit>()
  readonly eventIds = new Set<string>()
  private next = 0

  get(id: string): ModelUnit {
    return this.units.get(id)!
  }

  active(): string[] {
    return [...this.units.values()].filter((u) => u.active).map((u) => u.id)
  }

  /** Whether `id` is `root` or below it. */
  within(id: string | null, root: string): boolean {
    let steps = 0
    for (let at = id; at !== null; at = this.get(at).parent) {
      if (at === root) return true
      if (++steps > this.units.size) throw new Error(`model bug: a cycle through '${at}'`)
    }
    return false
  }

  /** A unit id never used before: hostile when `hint` says so and it is still free. */
  freshUnitId(hint: number): string {
    const hostile = HOSTILE_IDS[hint % (HOSTILE_IDS.length * 3)]
    if (hostile !== undefined && !this.units.has(hostile)) return hostile
    let id: string
    do id = `u${this.next++}`
    while (this.units.has(id))
    return id
  }

  eventId(index: number, hint: number): string {
    const hostile = HOSTILE_IDS[hint % (HOSTILE_IDS.length * 4)]
    const id = hostile !== undefined && !this.eventIds.has(hostile) ? hostile : `e${index}`
    this.eventIds.add(id)
    return id
  }

  private detach(u: ModelUnit): void {
    if (u.parent === null) return
    const siblings = this.get(u.parent).children
    siblings.splice(siblings.indexOf(u.id), 1)
  }

  create(id: string, parent: string | null): void {
    this.units.set(id, { id, parent, active: true, children: [], leaders: [] })
    if (parent !== null) this.get(parent).children.push(id)
  }

  reparent(id: string, parent: string | null): void {
    const u = this.get(id)
    if (u.parent === parent) return
    this.detach(u)
    u.parent = parent
    if (parent !== null) this.get(parent).children.push(id)
  }

  end(id: string): void {
    const u = this.get(id)
    this.detach(u)
    u.active = false
    u.leaders.length = 0
  }

  expected(): Expected {
    const active = new Map<string, { parent: string | null; leaders: string[] }>()
    const ended = new Set<string>()
    for (const u of this.units.values()) {
      if (u.active) active.set(u.id, { parent: u.parent, leaders: u.leaders.map((l) => `${l.role}\u0000${l.person}`) })
      else ended.add(u.id)
    }
    return { active, ended }
  }
}

// ---------------------------------------------------------------------------------------------
// Steps

/** The random choices one event is made from. */
export interface Step {
  /** Which kind of event (0–99, weighted; 0 is UnitCreated so shrinking leans to creations). */
  readonly op: number
  readonly picks: readonly number[]
  readonly flags: readonly boolean[]
  readonly date: DateStep
  readonly name: Name
  readonly names: readonly Name[]
  readonly attributes: readonly (readonly [string, Json | null])[]
  readonly created: readonly (readonly [string, Json])[]
}

export const stepArb: fc.Arbitrary<Step> = fc.record({
  op: fc.nat({ max: 99 }),
  picks: fc.array(fc.nat({ max: 1000 }), { minLength: 10, maxLength: 10 }),
  flags: fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
  date: dateStepArb,
  name: nameArb,
  names: fc.array(nameArb, { minLength: 3, maxLength: 3 }),
  attributes: attributeEntriesArb(true),
  created: attributeEntriesArb(false),
})

const pick = <T>(list: readonly T[], n: number): T => list[n % list.length]!

type Meta = { readonly id: string; readonly effective: string }

/** Each maker returns an event, or `undefined` when its kind does not fit the model now. */
type Maker = (m: Model, s: Step, meta: Meta) => Event | undefined

const makeCreated: Maker = (m, s, meta) => {
  const active = m.active()
  const parent = active.length > 0 && s.flags[0] ? pick(active, s.picks[1]!) : undefined
  const id = m.freshUnitId(s.picks[0]!)
  m.create(id, parent ?? null)
  return unitCreated(
    {
      unit: id,
      name: s.name,
      ...(parent === undefined ? {} : { parent }),
      ...(s.flags[1] ? { kind: pick(['group', 'center', 'segment', '事業群'], s.picks[2]!) } : {}),
      ...(s.created.length > 0 ? { attributes: objectOf(s.created) } : {}),
    },
    meta,
  )
}

const makeRenamed: Maker = (m, s, meta) => {
  const active = m.active()
  if (active.length === 0) return undefined
  return unitRenamed({ unit: pick(active, s.picks[0]!), name: s.name }, meta)
}

const makeMoved: Maker = (m, s, meta) => {
  const active = m.active()
  if (active.length === 0) return undefined
  const unit = pick(active, s.picks[0]!)
  const parent = pick([null, ...active.filter((id) => !m.within(id, unit))], s.picks[1]!)
  m.reparent(unit, parent)
  return unitMoved({ unit, parent }, meta)
}

function chooseDistinct(list: readonly string[], count: number, picks: readonly number[]): string[] {
  const rest = [...list]
  const out: string[] = []
  for (let i = 0; i < count && rest.length > 0; i++) out.push(...rest.splice(picks[i]! % rest.length, 1))
  return out
}

/** Where a new `into` of a merge goes by default: the first source's parent, above the merged units. */
function defaultMergeParent(m: Model, units: readonly string[]): string | null {
  const first = m.get(units[0]!).parent
  let top: string | undefined
  for (let at = first; at !== null; at = m.get(at).parent) if (units.includes(at)) top = at
  return top === undefined ? first : m.get(top).parent
}

const makeMerged: Maker = (m, s, meta) => {
  const active = m.active()
  if (active.length === 0) return undefined
  const units = chooseDistinct(active, 1 + (s.picks[1]! % 3), s.picks.slice(2))
  const outside = active.filter((id) => units.every((source) => !m.within(id, source)))
  let into: string
  let extra: { name?: Name; kind?: string; parent?: string } = {}
  if (s.flags[0] && outside.length > 0) into = pick(outside, s.picks[5]!)
  else {
    into = m.freshUnitId(s.picks[0]!)
    const parent = s.flags[1] && outside.length > 0 ? pick(outside, s.picks[6]!) : undefined
    extra = { name: s.name, ...(parent === undefined ? {} : { parent }), ...(s.flags[2] ? { kind: 'group' } : {}) }
    m.create(into, parent ?? defaultMergeParent(m, units))
  }
  for (const id of units) {
    for (const child of [...m.get(id).children]) m.reparent(child, into)
    m.end(id)
  }
  return unitMerged({ units, into, ...extra }, meta)
}

const makeSplit: Maker = (m, s, meta) => {
  const active = m.active()
  if (active.length === 0) return undefined
  const unit = pick(active, s.picks[0]!)
  const retain = s.flags[0]!
  const source = m.get(unit)
  const children = [...source.children]
  const outside = active.filter((id) => !m.within(id, unit))
  const parts: { unit: string; name: Name; parent?: string }[] = []
  const count = 1 + (s.picks[1]! % 3)
  for (let i = 0; i < count; i++) {
    const id = m.freshUnitId(s.picks[2 + i]! + i)
    const how = s.picks[5 + i]! % 4
    let parent: string | undefined
    if (how === 1 && parts.length > 0) parent = pick(parts, s.picks[8]!).unit
    else if (how === 2 && outside.length > 0) parent = pick(outside, s.picks[8]!)
    else if (how === 3 && retain) parent = unit
    parts.push({ unit: id, name: s.names[i] ?? s.name, ...(parent === undefined ? {} : { parent }) })
    m.create(id, parent ?? source.parent)
  }
  const mapping: [string, string][] = []
  children.forEach((child, j) => {
    if (retain && ((s.picks[9]! >> j) & 1) === 0) return
    mapping.push([child, pick(parts, s.picks[8]! + j).unit])
  })
  for (const [child, target] of mapping) m.reparent(child, target)
  if (!retain) m.end(unit)
  const retainField = retain ? { retain: true } : s.flags[1] ? { retain: false } : {}
  const childrenField = mapping.length > 0 || s.flags[2] ? { children: objectOf(mapping) } : {}
  return unitSplit({ unit, into: parts, ...retainField, ...childrenField }, meta)
}

const makeDissolved: Maker = (m, s, meta) => {
  const active = m.active()
  if (active.length === 0) return undefined
  const unit = pick(active, s.picks[0]!)
  const cascade = m.get(unit).children.length > 0 || s.flags[0]
  const pending = [unit]
  for (let id = pending.pop(); id !== undefined; id = pending.pop()) {
    pending.push(...m.get(id).children)
    m.end(id)
  }
  return unitDissolved({ unit, ...(cascade ? { cascade: true } : {}) }, meta)
}

const makeAssigned: Maker = (m, s, meta) => {
  const active = m.active()
  if (active.length === 0) return undefined
  const u = m.get(pick(active, s.picks[0]!))
  const person = pick(PEOPLE, s.picks[1]!)
  const role = pick(ROLES, s.picks[2]!)
  const mode = pick([undefined, 'replace', 'add', 'add'] as const, s.picks[3]!)
  // `replace` (the default) ends the other holders of the role, also when the person already holds it.
  if (mode !== 'add') {
    const kept = u.leaders.filter((l) => l.role !== role || l.person === person)
    u.leaders.splice(0, u.leaders.length, ...kept)
  }
  if (!u.leaders.some((l) => l.person === person && l.role === role)) u.leaders.push({ person, role })
  return leaderAssigned(
    {
      unit: u.id,
      person,
      ...(role === 'head' && s.flags[0] ? {} : { role }),
      ...(s.flags[1] ? { title: pick(TITLES, s.picks[4]!) } : {}),
      ...(s.flags[2] ? { acting: s.flags[3]! } : {}),
      ...(mode === undefined ? {} : { mode }),
    },
    meta,
  )
}

const makeRemoved: Maker = (m, s, meta) => {
  const held = m.active().flatMap((id) => m.get(id).leaders.map((l) => ({ unit: id, ...l })))
  if (held.length === 0) return undefined
  const { unit, person, role } = pick(held, s.picks[0]!)
  const leaders = m.get(unit).leaders
  leaders.splice(
    leaders.findIndex((l) => l.person === person && l.role === role),
    1,
  )
  return leaderRemoved({ unit, person, ...(role === 'head' && s.flags[0] ? {} : { role }) }, meta)
}

const makeRegistered: Maker = (_m, s, meta) =>
  personRegistered(
    {
      person: pick(PEOPLE, s.picks[0]!),
      name: s.name,
      ...(s.flags[0]
        ? { aliases: ['阿里', { en: 'Ali', 'zh-Hant': '阿里' }, 'constructor', '🐱'].slice(0, 1 + (s.picks[1]! % 4)) }
        : {}),
    },
    meta,
  )

const makeReclassified: Maker = (m, s, meta) => {
  const active = m.active()
  if (active.length === 0) return undefined
  const kind = s.flags[0] ? null : pick(['division', 'department', 'center', '事業群'], s.picks[1]!)
  return unitReclassified({ unit: pick(active, s.picks[0]!), kind }, meta)
}

const makeAttributesSet: Maker = (m, s, meta) => {
  const active = m.active()
  if (active.length === 0) return undefined
  return unitAttributesSet({ unit: pick(active, s.picks[0]!), attributes: objectOf(s.attributes) }, meta)
}

/** Event makers with the upper bound of their share of `Step.op` (0–99). */
const MAKERS: readonly (readonly [number, Maker])[] = [
  [24, makeCreated],
  [32, makeRenamed],
  [42, makeMoved],
  [50, makeMerged],
  [58, makeSplit],
  [64, makeDissolved],
  [79, makeAssigned],
  [85, makeRemoved],
  [89, makeRegistered],
  [94, makeReclassified],
  [100, makeAttributesSet],
]

/** Now and then, how an importer inferred the event (it changes nothing in replay). */
const inferredOf = (s: Step) =>
  s.flags[4] && s.flags[5] && s.picks[7]! % 3 === 0
    ? {
        inferred: {
          rule: pick(['merge', 'split', 'id-change'], s.picks[6]!),
          confidence: (s.picks[6]! % 101) / 100,
          ...(s.flags[3] ? { evidence: '3 of 4 members' } : {}),
        },
      }
    : {}

/** Reads steps against the model: a valid history in non-decreasing date order, and what it replays to. */
export function buildHistory(steps: readonly Step[]): { events: Event[]; expected: Expected } {
  const m = new Model()
  const events: Event[] = []
  let date: Dated | undefined
  steps.forEach((s, i) => {
    date = nextDate(date, s.date)
    const meta = { id: m.eventId(i, s.picks[9]!), effective: date.text, ...inferredOf(s) }
    const maker = MAKERS.find(([bound]) => s.op < bound)![1]
    events.push(maker(m, s, meta) ?? makeCreated(m, s, meta)!)
  })
  return { events, expected: m.expected() }
}

/** Sizes of generated histories. */
export interface HistoryOptions {
  readonly minEvents?: number
  readonly maxEvents?: number
}

/** A valid history with what it should replay to. */
export function generatedHistoryArb(
  options: HistoryOptions = {},
): fc.Arbitrary<{ events: Event[]; expected: Expected }> {
  const { minEvents = 0, maxEvents = 40 } = options
  return fc.array(stepArb, { minLength: minEvents, maxLength: maxEvents, size: 'medium' }).map(buildHistory)
}

/** A valid history: explicit unique ids, effective dates never decreasing. */
export function historyArb(options: HistoryOptions = {}): fc.Arbitrary<Event[]> {
  return generatedHistoryArb(options).map((h) => h.events)
}

// ---------------------------------------------------------------------------------------------
// Query dates

/** How a query date is drawn relative to a history. */
export interface DateChoice {
  readonly kind: number
  readonly index: number
  readonly hours: number
}

export const dateChoiceArb: fc.Arbitrary<DateChoice> = fc.record({
  kind: fc.nat({ max: 9 }),
  index: fc.nat({ max: 1000 }),
  hours: fc.integer({ min: -48, max: 48 }),
})

/**
 * A query date for a history: an event's own date, another form of it (its day, month, year, the
 * instant it starts), an instant near it, or a date before or after the whole history.
 */
export function queryDate(history: readonly Event[], c: DateChoice): string {
  const dated = history.filter((e) => e.effective !== undefined)
  if (dated.length === 0 || c.kind === 0) return '2019-12-31'
  if (c.kind === 1) return '2099'
  const text = pick(dated, c.index).effective!
  const start = parseDate(text)!.start
  switch (c.kind) {
    case 2:
    case 3:
      return text
    case 4:
      return dayText(start)
    case 5:
      return monthText(start)
    case 6:
      return yearText(start)
    case 7:
      return instantText(start)
    default:
      return instantText(Math.max(0, start + c.hours * 3_600_000))
  }
}

/** A valid history and a date to query it at. */
export function historyAndDateArb(options: HistoryOptions = {}): fc.Arbitrary<{ history: Event[]; date: string }> {
  return fc
    .tuple(historyArb(options), dateChoiceArb)
    .map(([history, choice]) => ({ history, date: queryDate(history, choice) }))
}

/** A valid history and several dates to query it at (any order, duplicates possible). */
export function historyAndDatesArb(options: HistoryOptions = {}): fc.Arbitrary<{ history: Event[]; dates: string[] }> {
  return fc
    .tuple(historyArb(options), fc.array(dateChoiceArb, { maxLength: 6 }))
    .map(([history, choices]) => ({ history, dates: choices.map((c) => queryDate(history, c)) }))
}
