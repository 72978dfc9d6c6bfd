/**
 * `feedstand help [command]`, `--help`: written from the flag table (flags.ts), the environment
 * variables of config.ts's ENV_VARS and its DEFAULTS, so help says what the parser and the config
 * actually do.
 */
import { ENV_VARS } from '../config.js'
import { COMMANDS, COMMAND_SUMMARY, FLAGS, flagFor, shownDefault, type Command, type Flag } from './flags.js'

const CONFIG_FILE = 'feedstand.config.json'

/** The overview (no command) or one command's usage and flags. */
export function helpText(command?: Command): string {
  return command ? commandHelp(command) : overview()
}

function overview(): string {
  const width = Math.max(...COMMANDS.map((c) => c.length), 'help'.length) + 4
  const rows = [...COMMANDS.map((c) => [c, COMMAND_SUMMARY[c]] as const), ['help', 'show help: feedstand help [command]'] as const]
  return [
    'Usage: feedstand <command> [options]',
    '',
    'Commands:',
    ...rows.map(([name, text]) => `  ${name.padEnd(width)}${text}`),
    '',
    'Options:',
    ...flagLines(FLAGS.filter((f) => f.name === 'help' || f.name === 'version')),
    '',
    'Run "feedstand help <command>" (or "feedstand <command> --help") for its options.',
  ].join('\n')
}

function commandHelp(command: Command): string {
  return [
    `Usage: feedstand ${command} [options]`,
    '',
    `${COMMAND_SUMMARY[command][0]!.toUpperCase()}${COMMAND_SUMMARY[command].slice(1)}.`,
    '',
    'Options:',
    ...flagLines(FLAGS.filter((f) => f.commands.includes(command))),
    '',
    `Settings apply in layers, each overriding the one before: defaults, ${CONFIG_FILE} (a JSON object`,
    'of the config keys above), environment variables, flags.',
  ].join('\n')
}

/** Each flag on one line, then its default, environment variables and config key below it. */
function flagLines(flags: readonly Flag[]): string[] {
  const label = (f: Flag) => `${f.short ? `-${f.short}, ` : ''}--${f.name}${f.value ? ` ${f.value}` : ''}`
  const width = Math.max(...flags.map((f) => label(f).length)) + 2
  return flags.flatMap((f) => {
    const details = settingDetails(f)
    const first = `  ${label(f).padEnd(width)}${f.help}`
    return details ? [first, `  ${''.padEnd(width)}${details}`] : [first]
  })
}

function settingDetails(f: Flag): string {
  const parts: string[] = []
  const shown = shownDefault(f)
  if (shown !== undefined) parts.push(`default: ${shown}`)
  if (f.key && !f.negates) {
    const env = envVarsFor(f.key)
    if (env.length > 0) parts.push(`env: ${env.join(', ')}`)
    parts.push(`config: ${f.key}`)
  }
  return parts.join('; ')
}

/** The environment variables that set config key `key`, FEEDSTAND_* first. */
export function envVarsFor(key: string): string[] {
  return Object.keys(ENV_VARS)
    .filter((name) => ENV_VARS[name] === key)
    .sort((a, b) => Number(b.startsWith('FEEDSTAND_')) - Number(a.startsWith('FEEDSTAND_')))
}

/** `--base-url URL, FEEDSTAND_BASE_URL or "baseUrl" in feedstand.config.json`: every way to set `key`. */
export function howToSet(key: string): string {
  const flag = flagFor(key)
  const ways = [...(flag ? [`--${flag.name}${flag.value ? ` ${flag.value}` : ''}`] : []), ...envVarsFor(key)]
  return `${ways.join(', ')} or "${key}" in ${CONFIG_FILE}`
}
