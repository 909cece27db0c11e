import type { Event, Json, Name } from '../../src/index.js'

/**
 * Seeded generator of large synthetic, valid histories for the benchmark: a tree of units created
 * first, then ~20 years of reorganizations, leader changes, renames and attribute changes, dated in
 * non-decreasing order. A model of the org is kept alongside, so every event passes the rules of
 * DESIGN §2; the tree keeps a bounded fan-out and depth, and the number of active units stays near
 * the target (ended units are replaced).
 */

/** The kinds of change after the creations, with their relative weights. */
export interface Mix {
  renamed: number
  moved: number
  merged: number
  split: number
  dissolved: number
  created: number
  leaderAssigned: number
  leaderRemoved: number
  attributesSet: number
  personRegistered: number
}

export const DEFAULT_MIX: Mix = {
  leaderAssigned: 24,
  attributesSet: 22,
  renamed: 12,
  moved: 12,
  personRegistered: 8,
  leaderRemoved: 7,
  merged: 4,
  split: 4,
  created: 5,
  dissolved: 2,
}

export interface GenerateOptions {
  /** Total number of events, creations included. */
  readonly events: number
  /** Units created first; the number of active units stays around it afterwards. */
  readonly units: number
  readonly seed: number
  /** Weights of the kinds of change (missing kinds: 0). Defaults to {@link DEFAULT_MIX}. */
  readonly mix?: Partial<Mix>
  /** Year of the creations; the changes follow over `years` years. */
  readonly startYear?: number
  readonly years?: number
}

/** mulberry32: a small, fast, seeded PRNG returning numbers in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const MAX_CHILDREN = 12
const MAX_DEPTH = 8
const INITIAL_FANOUT = [2, 8] as const
const TRIES = 8
const KINDS = ['group', 'segment', 'business-group', 'business-unit', 'division', 'department', 'team', 'squad', 'cell']
const ROLES = ['cto', 'cfo', 'coo', 'president', 'chief-people-officer']
const ZH = ['淘寶', '天貓', '雲', '國際', '本地生活', '數字', '商業', '物流', '創新', '媒體']

interface MUnit {
  readonly id: string
  parent: MUnit | null
  readonly children: MUnit[]
  depth: number
  holdings: { person: string; role: string }[]
  /** Index in the list of active units, and in the list of its depth. */
  at: number
  atDepth: number
}

type Kind = keyof Mix
type LeaderAssignedData = Extract<Event, { type: 'LeaderAssigned' }>['data']

class Generator {
  readonly out: Event[] = []
  readonly rand: () => number
  readonly active: MUnit[] = []
  readonly byDepth: MUnit[][] = Array.from({ length: MAX_DEPTH + 1 }, () => [])
  readonly people: number
  nextUnit = 0
  nextEvent = 0
  date = ''

  constructor(
    readonly target: number,
    seed: number,
  ) {
    this.rand = mulberry32(seed)
    this.people = Math.max(50, target * 2)
  }

  int(n: number): number {
    return Math.floor(this.rand() * n)
  }

  pick<T>(list: readonly T[]): T {
    return list[this.int(list.length)]!
  }

  id(): string {
    return `e${this.nextEvent++}`
  }

  person(): string {
    return `p${this.int(this.people)}`
  }

  name(n: number, depth: number): Name {
    const label = `${KINDS[Math.min(depth, KINDS.length - 1)]} ${n}`
    return this.rand() < 0.15 ? { en: label, 'zh-Hant': `${this.pick(ZH)}${this.pick(ZH)}${n}` } : label
  }

  push(event: Event): void {
    this.out.push(event)
  }

  // ── the model ────────────────────────────────────────────────────────────────────────────────

  addUnit(parent: MUnit | null, depth: number): MUnit {
    const u: MUnit = { id: `u${this.nextUnit++}`, parent, children: [], depth, holdings: [], at: 0, atDepth: 0 }
    parent?.children.push(u)
    this.track(u)
    return u
  }

  track(u: MUnit): void {
    u.at = this.active.length
    this.active.push(u)
    const level = this.byDepth[u.depth]!
    u.atDepth = level.length
    level.push(u)
  }

  untrack(u: MUnit): void {
    const last = this.active.pop()!
    if (last !== u) {
      this.active[u.at] = last
      last.at = u.at
    }
    const level = this.byDepth[u.depth]!
    const lastAtDepth = level.pop()!
    if (lastAtDepth !== u) {
      level[u.atDepth] = lastAtDepth
      lastAtDepth.atDepth = u.atDepth
    }
  }

  detach(u: MUnit): void {
    const siblings = u.parent!.children
    siblings.splice(siblings.indexOf(u), 1)
  }

  reparent(u: MUnit, parent: MUnit): void {
    this.detach(u)
    u.parent = parent
    parent.children.push(u)
  }

  end(u: MUnit): void {
    this.detach(u)
    this.untrack(u)
    u.holdings = []
  }

  /** A random active unit at depth ≥ `minDepth`, if one turns up in a few tries. */
  activeUnit(minDepth: number, ok: (u: MUnit) => boolean = () => true): MUnit | undefined {
    for (let i = 0; i < TRIES; i++) {
      const u = this.pick(this.active)
      if (u.depth >= minDepth && ok(u)) return u
    }
    return undefined
  }

  /** A random active unit of a given depth that passes `ok`, if one turns up in a few tries. */
  atDepth(depth: number, ok: (u: MUnit) => boolean): MUnit | undefined {
    const level = this.byDepth[depth]!
    for (let i = 0; i < TRIES && level.length > 0; i++) {
      const u = this.pick(level)
      if (ok(u)) return u
    }
    return undefined
  }

  // ── the creations ────────────────────────────────────────────────────────────────────────────

  /** A tree built breadth first: 2–8 children per unit, so depth grows with log(units). */
  createTree(units: number): void {
    const root = this.addUnit(null, 0)
    this.push({ id: this.id(), type: 'UnitCreated', effective: this.date, data: { unit: root.id, name: 'Group' } })
    const queue = [root]
    for (let q = 0; this.nextUnit < units && q < queue.length; q++) {
      const parent = queue[q]!
      if (parent.depth >= MAX_DEPTH - 1) break
      const [lo, hi] = INITIAL_FANOUT
      const k = lo + this.int(hi - lo + 1)
      for (let j = 0; j < k && this.nextUnit < units; j++) queue.push(this.created(parent))
    }
  }

  created(parent: MUnit): MUnit {
    const u = this.addUnit(parent, parent.depth + 1)
    const n = this.nextUnit
    const data: Extract<Event, { type: 'UnitCreated' }>['data'] = {
      unit: u.id,
      name: this.name(n, u.depth),
      kind: KINDS[Math.min(u.depth, KINDS.length - 1)]!,
      parent: parent.id,
    }
    const withAttributes =
      this.rand() < 0.3 ? { ...data, attributes: { costCenter: `cc-${n}`, headcount: 10 + this.int(500) } } : data
    this.push({ id: this.id(), type: 'UnitCreated', effective: this.date, data: withAttributes })
    return u
  }

  // ── the changes ──────────────────────────────────────────────────────────────────────────────

  /** Keeps the number of active units near the target: turns growth into shrinkage above it. */
  balance(kind: Kind): Kind {
    const n = this.active.length
    const t = this.target
    if (kind === 'created' && n > t) return 'dissolved'
    if (kind === 'dissolved' && n < t) return 'created'
    if (kind === 'split' && n > t * 1.02) return 'merged'
    if (kind === 'merged' && n < t * 0.98) return 'split'
    return kind
  }

  change(kind: Kind): void {
    const done = this.tryChange(this.balance(kind))
    if (!done) this.renamed()
  }

  tryChange(kind: Kind): boolean {
    switch (kind) {
      case 'renamed':
        return this.renamed()
      case 'moved':
        return this.moved()
      case 'merged':
        return this.merged()
      case 'split':
        return this.split()
      case 'dissolved':
        return this.dissolved()
      case 'created':
        return this.createdAnywhere()
      case 'leaderAssigned':
        return this.leaderAssigned()
      case 'leaderRemoved':
        return this.leaderRemoved()
      case 'attributesSet':
        return this.attributesSet()
      case 'personRegistered':
        return this.personRegistered()
    }
  }

  renamed(): boolean {
    const u = this.pick(this.active)
    const name = this.name(this.nextEvent, u.depth)
    this.push({ id: this.id(), type: 'UnitRenamed', effective: this.date, data: { unit: u.id, name } })
    return true
  }

  /** Moves a unit under a unit of its parent's depth (never its own subtree), or a leaf anywhere. */
  moved(): boolean {
    const u = this.activeUnit(1)
    if (u === undefined) return false
    const room = (p: MUnit) => p !== u.parent && p !== u && p.children.length < MAX_CHILDREN
    const leaf = u.children.length === 0 && this.rand() < 0.3
    const parent = leaf ? this.activeUnit(0, (p) => room(p) && p.depth < MAX_DEPTH) : this.atDepth(u.depth - 1, room)
    if (parent === undefined) return false
    this.reparent(u, parent)
    if (parent.depth + 1 !== u.depth) {
      this.untrack(u)
      u.depth = parent.depth + 1
      this.track(u)
    }
    this.push({ id: this.id(), type: 'UnitMoved', effective: this.date, data: { unit: u.id, parent: parent.id } })
    return true
  }

  /** 2–3 units of one depth (siblings when possible) merge into a new unit or an active one. */
  merged(): boolean {
    const first = this.activeUnit(1)
    if (first === undefined) return false
    const sources = [first]
    const k = this.rand() < 0.7 ? 2 : 3
    const fresh = (u: MUnit) => !sources.includes(u)
    for (let i = 0; i < TRIES && sources.length < k; i++) {
      const siblings = first.parent!.children
      const u = siblings.length > 1 && this.rand() < 0.8 ? this.pick(siblings) : this.pick(this.byDepth[first.depth]!)
      if (fresh(u)) sources.push(u)
    }
    if (sources.length < 2) return false
    const moving = sources.reduce((n, s) => n + s.children.length, 0)
    const toNew = this.rand() < 0.5
    const into = toNew
      ? undefined
      : this.atDepth(first.depth, (u) => fresh(u) && u.children.length + moving <= MAX_CHILDREN)
    if (into === undefined && (!toNew || moving > MAX_CHILDREN)) return false
    const target = into ?? this.addUnit(first.parent, first.depth)
    for (const s of sources) {
      for (const c of [...s.children]) this.reparent(c, target)
      this.end(s)
    }
    const units = sources.map((s) => s.id)
    const data =
      into === undefined
        ? { units, into: target.id, name: this.name(this.nextUnit, target.depth) }
        : { units, into: target.id }
    this.push({ id: this.id(), type: 'UnitMerged', effective: this.date, data })
    return true
  }

  /** A unit splits into 2–3 new siblings; it ends (children all mapped) or continues (spin-out). */
  split(): boolean {
    const k = this.rand() < 0.7 ? 2 : 3
    const retain = this.rand() < 0.4
    const growth = retain ? k : k - 1
    const source = this.activeUnit(1, (u) => u.parent!.children.length + growth <= MAX_CHILDREN)
    if (source === undefined) return false
    const parts = Array.from({ length: k }, () => this.addUnit(source.parent, source.depth))
    const children: Record<string, string> = {}
    let mapped = false
    for (const c of [...source.children]) {
      if (retain && this.rand() >= 0.3) continue
      const part = this.pick(parts)
      this.reparent(c, part)
      children[c.id] = part.id
      mapped = true
    }
    if (!retain) this.end(source)
    const into = parts.map((p) => ({ unit: p.id, name: this.name(this.nextEvent, p.depth) }))
    const base = { unit: source.id, into }
    const withRetain = retain ? { ...base, retain } : this.rand() < 0.5 ? { ...base, retain } : base
    const data = mapped ? { ...withRetain, children } : withRetain
    this.push({ id: this.id(), type: 'UnitSplit', effective: this.date, data })
    return true
  }

  /** A leaf ends; or, with `cascade`, a unit whose children are all leaves. */
  dissolved(): boolean {
    const cascade = this.rand() < 0.2
    const ok = (u: MUnit) => (cascade ? u.children.every((c) => c.children.length === 0) : u.children.length === 0)
    const u = this.activeUnit(1, ok)
    if (u === undefined) return false
    for (const c of [...u.children]) this.end(c)
    this.end(u)
    const data = cascade ? { unit: u.id, cascade } : { unit: u.id }
    this.push({ id: this.id(), type: 'UnitDissolved', effective: this.date, data })
    return true
  }

  createdAnywhere(): boolean {
    const parent = this.activeUnit(0, (p) => p.depth < MAX_DEPTH && p.children.length < MAX_CHILDREN)
    if (parent === undefined) return false
    this.created(parent)
    return true
  }

  leaderAssigned(): boolean {
    const u = this.pick(this.active)
    const confirm = u.holdings.length > 0 && this.rand() < 0.1
    const held = confirm ? this.pick(u.holdings) : undefined
    const person = held?.person ?? this.person()
    const role = held?.role ?? (this.rand() < 0.6 ? 'head' : this.pick(ROLES))
    const r = this.rand()
    const mode = r < 0.15 ? 'add' : r < 0.25 ? 'replace' : undefined
    const data: { -readonly [K in keyof LeaderAssignedData]: LeaderAssignedData[K] } = { unit: u.id, person }
    if (role !== 'head') data.role = role
    if (mode !== undefined) data.mode = mode
    if (!confirm && this.rand() < 0.1) data.acting = true
    if (this.rand() < 0.3) data.title = `Title ${this.int(100)}`
    // `replace` ends the other holders of the role, also when the person already holds it.
    if (mode !== 'add') u.holdings = u.holdings.filter((h) => h.role !== role || h.person === person)
    if (!u.holdings.some((h) => h.person === person && h.role === role)) u.holdings.push({ person, role })
    this.push({ id: this.id(), type: 'LeaderAssigned', effective: this.date, data })
    return true
  }

  leaderRemoved(): boolean {
    const u = this.activeUnit(0, (x) => x.holdings.length > 0)
    if (u === undefined) return this.leaderAssigned()
    const h = this.pick(u.holdings)
    u.holdings = u.holdings.filter((x) => x !== h)
    const data = h.role === 'head' ? { unit: u.id, person: h.person } : { unit: u.id, person: h.person, role: h.role }
    this.push({ id: this.id(), type: 'LeaderRemoved', effective: this.date, data })
    return true
  }

  attributesSet(): boolean {
    const u = this.pick(this.active)
    const n = this.int(1000)
    const variants: Record<string, Json>[] = [
      { headcount: n },
      { costCenter: `cc-${n}`, budget: n * 1000 },
      { brands: [this.pick(ZH), this.pick(ZH)] },
      { description: `Responsible for line ${n}` },
      { description: null },
      { brands: null, headcount: n },
    ]
    const attributes = this.pick(variants)
    this.push({ id: this.id(), type: 'UnitAttributesSet', effective: this.date, data: { unit: u.id, attributes } })
    return true
  }

  personRegistered(): boolean {
    const person = this.person()
    const n = person.slice(1)
    const name: Name = this.rand() < 0.3 ? { en: `Person ${n}`, 'zh-Hant': `${this.pick(ZH)}${n}` } : `Person ${n}`
    const data = this.rand() < 0.2 ? { person, name, aliases: [`P. ${n}`] } : { person, name }
    this.push({ id: this.id(), type: 'PersonRegistered', effective: this.date, data })
    return true
  }
}

function dayText(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10)
}

/** Cumulative weights, for picking a kind with one random number. */
function chooser(mix: Partial<Mix>): (r: number) => Kind {
  const entries = Object.entries({ ...mix }).filter(([, w]) => (w ?? 0) > 0) as [Kind, number][]
  if (entries.length === 0) throw new Error('generateHistory: the mix has no positive weight')
  const total = entries.reduce((s, [, w]) => s + w, 0)
  let acc = 0
  const bounds = entries.map(([k, w]) => [k, (acc += w) / total] as const)
  return (r) => bounds.find(([, b]) => r < b)?.[0] ?? bounds[bounds.length - 1]![0]
}

/**
 * A valid synthetic history: `units` creations on the first day, then `events - units` changes over
 * `years` years, dates non-decreasing, every event with an explicit id. Deterministic for a seed.
 * @example
 * generateHistory({ events: 1_000_000, units: 10_000, seed: 1 })
 */
export function generateHistory(options: GenerateOptions): Event[] {
  const { events, units, seed, mix = DEFAULT_MIX, startYear = 2005, years = 20 } = options
  const g = new Generator(units, seed)
  const start = Date.UTC(startYear, 0, 1)
  const days = Math.round((Date.UTC(startYear + years, 0, 1) - start) / 86_400_000) - 1
  g.date = dayText(start)
  g.createTree(Math.min(units, events))
  while (g.nextUnit < Math.min(units, events)) g.createdAnywhere()
  const kindOf = chooser(mix)
  const changes = events - g.out.length
  let day = -1
  for (let i = 0; i < changes; i++) {
    const d = 1 + Math.floor((i * days) / changes)
    if (d !== day) g.date = dayText(start + (day = d) * 86_400_000)
    g.change(kindOf(g.rand()))
  }
  return g.out
}
