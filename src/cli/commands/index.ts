import type { Command } from '../command.js'
import { append } from './append.js'
import { at } from './at.js'
import { compare } from './compare.js'
import { convert } from './convert.js'
import { diff } from './diff.js'
import { importCommand } from './import.js'
import { lineage } from './lineage.js'
import { log } from './log.js'
import { render } from './render.js'
import { repair } from './repair.js'
import { schema } from './schema.js'
import { sql } from './sql.js'
import { validate } from './validate.js'
import { verify } from './verify.js'

/** Every subcommand, in the order of the main help. */
export const COMMANDS: readonly Command[] = [
  validate,
  at,
  diff,
  log,
  lineage,
  render,
  append,
  verify,
  repair,
  schema,
  convert,
  compare,
  sql,
  importCommand,
]
