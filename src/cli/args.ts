/** Command line → command name + raw config layer. Pure: argv is handed in. */
import { parseArgs } from 'node:util'
import type { RawConfig } from '../config.js'
import { COMMANDS, FLAGS, type Command, type Flag } from './flags.js'

export { COMMANDS, type Command } from './flags.js'

export interface ParsedArgs {
  /** The command to run, or the one asked about (`feedstand help build`). */
  command: Command | undefined
  flags: RawConfig
  configFile: string | undefined
  json: boolean
  /** `help`, `--help` or `-h`: print the help of `command` (or the overview) and stop. */
  help: boolean
  version: boolean
}

/** A command line that cannot be run; `command` (when known) points the hint at its help. */
export class UsageError extends Error {
  override name = 'UsageError'
  constructor(message: string, readonly command?: Command) {
    super(message)
  }
}

const BY_NAME = new Map<string, Flag>(FLAGS.flatMap((f) => [[f.name, f], ...(f.short ? [[f.short, f] as [string, Flag]] : [])]))

/**
 * Parses leniently (`strict: false`, with tokens) and checks each token against FLAGS itself, so
 * every mistake gets one line of ours: Node's strict messages run to three sentences and close
 * with an unbalanced quote (`as in '-- "--bogus"`).
 */
export function parseCli(argv: readonly string[]): ParsedArgs {
  const { tokens } = parseArgs({ args: [...argv], options: parserOptions(), allowPositionals: true, strict: false, tokens: true })
  const positionals = tokens.flatMap((t) => (t.kind === 'positional' ? [t.value] : []))
  let [command, ...extra] = positionals
  let help = false
  if (command === 'help') {
    help = true
    ;[command, ...extra] = extra
  }
  if (command !== undefined && !COMMANDS.includes(command as Command)) {
    throw new UsageError(`unknown command "${command}" (commands: ${[...COMMANDS, 'help'].join(', ')})`)
  }
  const cmd = command as Command | undefined
  const flags: RawConfig = {}
  const parsed = { configFile: undefined as string | undefined, json: false, help, version: false }
  for (const t of tokens) {
    if (t.kind !== 'option') continue
    const flag = BY_NAME.get(t.name)
    if (!flag) throw new UsageError(`unknown option ${t.rawName}`, cmd)
    const value = optionValue(flag, t.rawName, t.value, t.inlineValue, cmd)
    if (flag.key) flags[flag.key] = flag.negates ? false : value
    else if (flag.name === 'config') parsed.configFile = value as string
    else if (flag.name === 'json' || flag.name === 'help' || flag.name === 'version') parsed[flag.name] = true
  }
  // After the options: `--foo value` is an unknown option, not a stray argument.
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`, cmd)
  return { command: cmd, flags, ...parsed }
}

function parserOptions() {
  return Object.fromEntries(FLAGS.map((f) => [f.name, { type: f.value ? 'string' : 'boolean', ...(f.short ? { short: f.short } : {}) } as const]))
}

function optionValue(flag: Flag, raw: string, value: string | undefined, inline: boolean | undefined, cmd: Command | undefined): string | boolean {
  if (!flag.value) {
    if (value !== undefined) throw new UsageError(`${raw} takes no value (got "${value}")`, cmd)
    return true
  }
  // Without `=`, a value that looks like a flag is a forgotten value: `--port --host x`.
  if (value === undefined || (!inline && value.startsWith('-'))) throw new UsageError(`${raw} needs a value: ${raw} ${flag.value}`, cmd)
  return value
}
