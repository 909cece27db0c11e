/**
 * An assignment of rows to columns with the largest total weight (the Hungarian method on costs
 * `1 - weight`), each row and column used at most once; a pair of weight 0 is never chosen.
 * @param weights a rows × columns matrix of weights in [0, 1]
 * @returns for each row, its column or -1
 */
export function assign(weights: readonly (readonly number[])[]): number[] {
  const rows = weights.length
  const cols = rows === 0 ? 0 : weights[0]!.length
  const n = Math.max(rows, cols)
  if (n === 0) return []
  const cost = (i: number, j: number) => (i < rows && j < cols ? 1 - weights[i]![j]! : 1)
  const u = new Float64Array(n + 1)
  const v = new Float64Array(n + 1)
  const match = new Int32Array(n + 1)
  const way = new Int32Array(n + 1)
  for (let i = 1; i <= n; i++) {
    match[0] = i
    let j0 = 0
    const minv = new Float64Array(n + 1).fill(Number.POSITIVE_INFINITY)
    const used = new Uint8Array(n + 1)
    do {
      used[j0] = 1
      const i0 = match[j0]!
      let delta = Number.POSITIVE_INFINITY
      let j1 = 0
      for (let j = 1; j <= n; j++) {
        if (used[j]) continue
        const c = cost(i0 - 1, j - 1) - u[i0]! - v[j]!
        if (c < minv[j]!) [minv[j], way[j]] = [c, j0]
        if (minv[j]! < delta) [delta, j1] = [minv[j]!, j]
      }
      for (let j = 0; j <= n; j++)
        if (used[j]) {
          u[match[j]!]! += delta
          v[j]! -= delta
        } else minv[j]! -= delta
      j0 = j1
    } while (match[j0] !== 0)
    do {
      const j1 = way[j0]!
      match[j0] = match[j1]!
      j0 = j1
    } while (j0 !== 0)
  }
  const result = new Array<number>(rows).fill(-1)
  for (let j = 1; j <= n; j++) {
    const i = match[j]! - 1
    if (i < rows && j - 1 < cols && weights[i]![j - 1]! > 0) result[i] = j - 1
  }
  return result
}
