import type { Command } from '../command.js'
import { at } from './at.js'
import { diff } from './diff.js'
import { validate } from './validate.js'

/** Every subcommand, in the order of the main help. */
export const COMMANDS: readonly Command[] = [validate, at, diff]
