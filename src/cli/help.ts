export const MAIN_HELP = `org-history: the history of an organization as events

Usage:
  org-history validate <history…>
  org-history at <date> <history…> [--known-at T] [--format tree|json] [--lang TAG]
  org-history diff <from> <to> <history…> [--known-at T] [--format text|json] [--lang TAG]

<history…> is files (.ndjson, .jsonl, .json) or directories of them, read in the order given.
Dates: YYYY, YYYY-MM, YYYY-MM-DD or an RFC 3339 date-time. --json is short for --format json.
Exit status: 0 success, 1 invalid history (errors on stderr as file:line: message), 2 bad usage.

Run 'org-history <command> --help' for one command.`

export const COMMAND_HELP: Record<string, string> = {
  validate: `Usage: org-history validate <history…>

Reads the history, checks every event in valid-time order against the rules of each event type,
and prints every error as file:line: message (exit 1), or a one-line summary (exit 0).`,
  at: `Usage: org-history at <date> <history…> [--known-at T] [--format tree|json] [--lang TAG]

The org on <date>: every event effective on or before it (a date is the whole day, a month or year
its end). --known-at T limits the history to what was recorded by T.
  --format tree   an indented tree with leaders (default)
  --format json   the JSON shape of the state (--json for short)
  --lang TAG      show names in this language (e.g. zh-Hant, en), falling back to a close one`,
  diff: `Usage: org-history diff <from> <to> <history…> [--known-at T] [--format text|json] [--lang TAG]

What changed after <from> up to and including <to>: units added, ended, renamed, moved, attributes
and leaders changed, and the events that explain them.
  --format text   grouped, one change a line (default)
  --format json   the JSON shape of the diff (--json for short)`,
}
