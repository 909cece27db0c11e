/**
 * A display name: a plain string, or one string per BCP 47 language tag.
 * @example
 * const name: Name = { 'zh-Hant': '大淘寶', en: 'Taobao & Tmall' }
 * @since 0.1.0
 */
export type Name = string | { readonly [languageTag: string]: string }

/**
 * Picks the text of a name in the first preferred language that has one, falling back to a language
 * of the same family (`zh` for `zh-Hant`), then to the first language the name lists.
 * @param name the name to show
 * @param languages preferred language tags, most preferred first
 * @returns the text to display
 * @example
 * displayName({ 'zh-Hant': '大淘寶', en: 'Taobao & Tmall' }, ['en']) // 'Taobao & Tmall'
 * @since 0.1.0
 */
export function displayName(name: Name, languages: readonly string[] = []): string {
  if (typeof name === 'string') return name
  const tags = Object.keys(name)
  for (const wanted of languages) {
    if (Object.hasOwn(name, wanted)) return name[wanted]!
    const family = wanted.split('-')[0]!.toLowerCase()
    const near = tags.find((tag) => tag.split('-')[0]!.toLowerCase() === family)
    if (near !== undefined) return name[near]!
  }
  const first = tags[0]
  return first === undefined ? '' : name[first]!
}

/**
 * Whether two names are the same (same string, or the same texts for the same languages).
 * @since 0.1.0
 */
export function nameEquals(a: Name, b: Name): boolean {
  if (typeof a === 'string' || typeof b === 'string') return a === b
  const keys = Object.keys(a)
  return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && a[k] === b[k])
}
