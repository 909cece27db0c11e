export interface ScriptOptions {
  readonly schema?: string
}
export function sqlScript(): string {
  return ''
}
