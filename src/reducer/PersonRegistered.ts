import type { PersonRegistered } from '../events/PersonRegistered.js'
import { personDraft, type Working } from './access.js'

/** The effect of {@link PersonRegistered}: name, and aliases when given. It is never rejected. */
export function applyPersonRegistered(s: Working, e: PersonRegistered): void {
  const person = personDraft(s, e.data.person)
  person.name = e.data.name
  if (e.data.aliases !== undefined) person.aliases = [...e.data.aliases]
}
