const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/**
 * Text made safe for HTML element content and quoted attribute values.
 * @param text any text
 * @returns the text with `& < > " '` escaped
 * @example
 * escapeHtml('<b>淘寶 & 天貓</b>') // '&lt;b&gt;淘寶 &amp; 天貓&lt;/b&gt;'
 * @since 0.1.0
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!)
}

/**
 * A value as JSON that can sit inside a `<script type="application/json">` element: every `<` is
 * written `\u003c` (so no `</script>` or `<!--` can end or change the element), and U+2028 / U+2029
 * as escapes. `JSON.parse` of the element's text gives the value back unchanged.
 * @param value any JSON value
 * @returns the JSON text, safe inside a script element
 * @example
 * jsonForScript({ name: '</script>' }) // '{"name":"\\u003c/script>"}'
 * @since 0.1.0
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')
}
