import { isLeft } from 'fp-ts/lib/Either.js'
import { toJsonPatch } from '../../diff/patch.js'
import type { Diff } from '../../diff/types.js'
import type { OrgState } from '../../domain/state.js'
import { renderDiff } from '../../render/diffText.js'
import type { TextOptions } from '../../render/labels.js'
import { diffMarkdown } from '../../render/markdown.js'
import { colourDiff } from '../colour.js'
import { type Command, dateArg, formatFlag, knownAtFlag, languagesFlag, palette, reportErrors } from '../command.js'
import { EXIT } from '../io.js'
import { PLAN_HELP, PLAN_OPTION, withPlannedTimeline } from '../plan.js'

/** Each format, from the diff and the two states (later first). */
const FORMATS: Record<string, (d: Diff, states: readonly [OrgState, OrgState], options: TextOptions) => string> = {
  text: (d, states, options) => colourDiff(renderDiff(d, states, options), palette()),
  json: (d) => JSON.stringify(d, null, 2),
  markdown: diffMarkdown,
  patch: (_, [after, before]) => JSON.stringify(toJsonPatch(before, after), null, 2),
}

/** `org-history diff`: what changed between two dates as text, JSON, Markdown or a JSON Patch. @since 0.1.0 */
export const diff: Command = {
  name: 'diff',
  usage:
    'org-history diff <from> <to> <history…> [--plan FILE]… [--known-at T] [--format text|json|markdown|patch] [--lang TAG]',
  help: `Usage: org-history diff <from> <to> <history…> [--plan FILE]… [--known-at T] [--format text|json|markdown|patch] [--lang TAG]

What changed after <from> up to and including <to>: units added, ended, renamed, moved, attributes
and leaders changed, and the events that explain them.
  --format text      grouped, one change a line (default)
  --format json      the JSON shape of the diff (--json for short)
  --format markdown  a heading, one section per kind of change, and the events
  --format patch     an RFC 6902 JSON Patch turning 'at <from> --json' into 'at <to> --json'
  --known-at T       both states as recorded by T (transaction time)
  --lang TAG         names in this language (e.g. zh-Hant, en)
${PLAN_HELP}`,
  options: {
    ...PLAN_OPTION,
    format: { type: 'string' },
    json: { type: 'boolean' },
    'known-at': { type: 'string' },
    lang: { type: 'string' },
  },
  run({ io, args, flags }) {
    const from = dateArg(args[0], 'first date')
    const to = dateArg(args[1], 'second date')
    const format = formatFlag('diff', flags, Object.keys(FORMATS))
    const options = knownAtFlag(flags)
    return withPlannedTimeline(io, args.slice(2), flags, 'diff', (timeline) => {
      const d = timeline.diff(from, to, options)
      if (isLeft(d)) return reportErrors(io, d.left)
      const states = [timeline.atOrThrow(to, options), timeline.atOrThrow(from, options)] as const
      io.out(FORMATS[format]!(d.right, states, { languages: languagesFlag(flags) }))
      return EXIT.ok
    })
  },
}
