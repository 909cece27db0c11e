import { distance } from 'fastest-levenshtein'

/**
 * The candidates closest to a misspelt word (edit distance at most a third of its length, at least
 * 2), nearest first: for “did you mean …?” hints.
 * @example
 * closest('parnet', ['unit', 'name', 'parent']) // ['parent']
 * @since 0.1.0
 */
export function closest(word: string, candidates: Iterable<string>, limit = 3): string[] {
  const most = Math.max(2, Math.floor(word.length / 3))
  const scored: [string, number][] = []
  for (const c of candidates) {
    if (Math.abs(c.length - word.length) > most) continue
    const d = distance(word.toLowerCase(), c.toLowerCase())
    if (d <= most) scored.push([c, d])
  }
  return scored
    .sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, limit)
    .map(([c]) => c)
}
