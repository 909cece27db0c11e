import type { PersonId, UnitId } from '../../domain/ids.js'
import type { Name } from '../../domain/name.js'
import type { OrgState } from '../../domain/state.js'
import type { Event, EventOfType, EventType } from '../../events/event.js'
import { person } from '../../queries/people.js'
import { unit } from '../../queries/units.js'

/**
 * A piece of an event summary: plain English text, or a name the page shows in the reader's
 * chosen language.
 * @since 0.1.0
 */
export type SummaryPart = string | { readonly name: Name }

/** The org just before and just after the events of one date: where summaries look names up. @since 0.1.0 */
export interface SummaryStates {
  readonly before: OrgState
  readonly after: OrgState
}

type Summarize<T extends EventType> = (data: EventOfType<T>['data'], states: SummaryStates) => SummaryPart[]

const unitName = (s: SummaryStates, id: UnitId | null | undefined, of: 'before' | 'after' = 'after') => ({
  name: (id == null ? undefined : (unit(s[of], id)?.name ?? unit(s.after, id)?.name)) ?? id ?? '(top level)',
})

const personName = (s: SummaryStates, id: PersonId) => ({ name: person(s.after, id)?.name ?? id })

/** `a, b and c` as parts. */
function list(items: readonly SummaryPart[]): SummaryPart[] {
  return items.flatMap((item, i) => (i === 0 ? [item] : [i === items.length - 1 ? ' and ' : ', ', item]))
}

const SUMMARIES: { readonly [T in EventType]: Summarize<T> } = {
  UnitCreated: (d, s) => ['Created ', { name: d.name }, ...(d.parent ? [' under ', unitName(s, d.parent)] : [])],
  UnitRenamed: (d, s) => ['Renamed ', unitName(s, d.unit, 'before'), ' to ', { name: d.name }],
  UnitMoved: (d, s) => [
    'Moved ',
    unitName(s, d.unit),
    ' from ',
    unitName(s, unit(s.before, d.unit)?.parent, 'before'),
    ' to ',
    unitName(s, d.parent),
  ],
  UnitMerged: (d, s) => [
    'Merged ',
    ...list(d.units.map((u) => unitName(s, u, 'before'))),
    ' into ',
    d.name === undefined ? unitName(s, d.into) : { name: d.name },
  ],
  UnitSplit: (d, s) => [
    'Split ',
    unitName(s, d.unit, 'before'),
    ' into ',
    ...list(d.into.map((part) => ({ name: part.name }))),
    ...(d.retain ? [' (it continues)'] : []),
  ],
  UnitDissolved: (d, s) => ['Dissolved ', unitName(s, d.unit, 'before'), ...(d.cascade ? [' with its subtree'] : [])],
  LeaderAssigned: (d, s) => [
    personName(s, d.person),
    ` becomes ${d.acting ? 'acting ' : ''}${d.title ?? d.role ?? 'head'} of `,
    unitName(s, d.unit),
    ...(d.mode === 'add' ? [' (alongside the current holders)'] : []),
  ],
  LeaderRemoved: (d, s) => [personName(s, d.person), ` is no longer ${d.role ?? 'head'} of `, unitName(s, d.unit)],
  PersonRegistered: (d) => [
    'Registered ',
    { name: d.name },
    ...(d.aliases?.length ? [' (also known as ', ...list(d.aliases.map((a) => ({ name: a }))), ')'] : []),
  ],
  UnitReclassified: (d, s) => [
    'Reclassified ',
    unitName(s, d.unit),
    ` from ${unit(s.before, d.unit)?.kind ?? 'no kind'} to ${d.kind ?? 'no kind'}`,
  ],
  UnitAttributesSet: (d, s) => [`Set ${Object.keys(d.attributes).join(', ')} of `, unitName(s, d.unit)],
  EventRetracted: (d) => [`Retracted event ${d.event}`],
}

/**
 * A one-line summary of an event, with unit and person names looked up in the org before and
 * after the events of its date.
 * @param event the event to summarize
 * @param states the org before and after the events of the event's date
 * @returns text and names, in reading order
 * @example
 * summarize(merged, { before, after }) // ['Merged ', { name: '淘寶' }, ' and ', { name: '天貓' }, ' into ', { name: … }]
 * @since 0.1.0
 */
export function summarize(event: Event, states: SummaryStates): SummaryPart[] {
  return (SUMMARIES[event.type] as Summarize<EventType>)(event.data as never, states)
}
