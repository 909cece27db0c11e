import { isLeft } from 'fp-ts/lib/Either.js'
import type { OrgState } from '../../domain/state.js'
import { toJSON } from '../../queries/json.js'
import { renderDot } from '../../render/dot.js'
import type { TextOptions } from '../../render/labels.js'
import { renderMermaid } from '../../render/mermaid.js'
import { renderTree } from '../../render/tree.js'
import { colourTree } from '../colour.js'
import { type Command, dateArg, formatFlag, knownAtFlag, languagesFlag, palette, reportErrors } from '../command.js'
import { EXIT } from '../io.js'
import { PLAN_HELP, PLAN_OPTION, withPlannedTimeline } from '../plan.js'

const FORMATS: Record<string, (state: OrgState, options: TextOptions) => string> = {
  tree: (state, options) => colourTree(renderTree(state, options), palette()),
  json: (state) => JSON.stringify(toJSON(state), null, 2),
  mermaid: renderMermaid,
  dot: renderDot,
}

/** `org-history at`: the org on a date as a tree, JSON, Mermaid or DOT. @since 0.1.0 */
export const at: Command = {
  name: 'at',
  usage: 'org-history at <date> <history…> [--plan FILE]… [--known-at T] [--format tree|json|mermaid|dot] [--lang TAG]',
  help: `Usage: org-history at <date> <history…> [--plan FILE]… [--known-at T] [--format tree|json|mermaid|dot] [--lang TAG]

The org on <date>: every event effective on or before it (a date is the whole day, a month or year
its end). --known-at T limits the history to what was recorded by T.
  --format tree     an indented tree with leaders (default)
  --format json     the JSON shape of the state (--json for short)
  --format mermaid  a Mermaid flowchart: units with their leaders, parent → child
  --format dot      a Graphviz digraph of the same (dot -Tsvg draws it)
  --lang TAG        show names in this language (e.g. zh-Hant, en, or a list: en,zh-Hant),
                    falling back to a close one (zh for zh-Hant), then to the name's first language
${PLAN_HELP}`,
  options: {
    ...PLAN_OPTION,
    format: { type: 'string' },
    json: { type: 'boolean' },
    'known-at': { type: 'string' },
    lang: { type: 'string' },
  },
  run({ io, args, flags }) {
    const date = dateArg(args[0], 'date')
    const format = formatFlag('at', flags, Object.keys(FORMATS))
    const options = knownAtFlag(flags)
    return withPlannedTimeline(io, args.slice(1), flags, 'at', (timeline) => {
      const state = timeline.at(date, options)
      if (isLeft(state)) return reportErrors(io, state.left)
      io.out(FORMATS[format]!(state.right, { languages: languagesFlag(flags) }))
      return EXIT.ok
    })
  },
}
