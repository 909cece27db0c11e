import type { UnitId } from '../domain/ids.js'
import type { Watcher } from '../reducer/access.js'

/**
 * For each event of a history in valid-time order, the units its recipe changed: the valid-time
 * index a diff between two dates reads to compare only the units the events between them touched.
 * Kept compact (a unit is a number, the lists of all events one array): about 12 bytes per change.
 */
export class Touches {
  constructor(
    /** Unit ids by number. */
    private readonly ids: readonly UnitId[],
    /** The units of event `i` are `units[starts[i]]` to `units[starts[i + 1]]` (exclusive). */
    private readonly starts: Int32Array,
    private readonly units: Int32Array,
  ) {}

  /** The units changed by the events `from` (inclusive) to `to` (exclusive), each once. */
  between(from: number, to: number): UnitId[] {
    const seen = new Uint8Array(this.ids.length)
    const out: UnitId[] = []
    for (let k = this.starts[from]!; k < this.starts[to]!; k++) {
      const n = this.units[k]!
      if (seen[n] === 1) continue
      seen[n] = 1
      out.push(this.ids[n]!)
    }
    return out
  }
}

/**
 * Collects the units changed by each event while a fold runs: call {@link TouchRecorder.begin} before
 * applying event `i` inside `watchChanges(recorder, …)`, then {@link TouchRecorder.finish}.
 */
export class TouchRecorder implements Watcher {
  private readonly numbers = new Map<UnitId, number>()
  private readonly ids: UnitId[] = []
  private readonly starts: Int32Array
  private readonly touched: number[] = []
  private next = 0

  /** @param size the number of events of the history */
  constructor(private readonly size: number) {
    this.starts = new Int32Array(size + 1)
  }

  /** The unit the event being applied changed last: a recipe changes one unit several times in a row. */
  private last: UnitId | undefined

  readonly units = {
    add: (id: UnitId): void => {
      if (id === this.last) return
      this.last = id
      let n = this.numbers.get(id)
      if (n === undefined) {
        n = this.ids.length
        this.numbers.set(id, n)
        this.ids.push(id)
      }
      this.touched.push(n)
    },
  }

  readonly people = { add: (): void => {} }

  /** Event `index` (and the events skipped before it, which change nothing) starts here. */
  begin(index: number): void {
    this.last = undefined
    for (; this.next <= index; this.next++) this.starts[this.next] = this.touched.length
  }

  finish(): Touches {
    this.begin(this.size)
    return new Touches(this.ids, this.starts, Int32Array.from(this.touched))
  }
}
