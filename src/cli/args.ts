/** Command line → command name + raw config layer. Pure: argv is handed in. */
import { parseArgs } from 'node:util'
import type { RawConfig } from '../config.js'

export const COMMANDS = ['build', 'serve', 'check'] as const
export type Command = (typeof COMMANDS)[number]

const OPTIONS = {
  seeds: { type: 'string' },
  out: { type: 'string' },
  port: { type: 'string' },
  host: { type: 'string' },
  'base-url': { type: 'string' },
  'max-items': { type: 'string' },
  'max-limit': { type: 'string' },
  'only-published': { type: 'boolean' },
  'hub-url': { type: 'string' },
  title: { type: 'string' },
  description: { type: 'string' },
  language: { type: 'string' },
  'max-age': { type: 'string' },
  config: { type: 'string' },
  watch: { type: 'boolean' },
  'no-watch': { type: 'boolean' },
  strict: { type: 'boolean' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const

export interface ParsedArgs {
  command: Command | undefined
  flags: RawConfig
  configFile: string | undefined
  json: boolean
  help: boolean
  version: boolean
}

export class UsageError extends Error {
  override name = 'UsageError'
}

export function parseCli(argv: readonly string[]): ParsedArgs {
  let parsed
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true })
  } catch (err) {
    throw new UsageError((err as Error).message)
  }
  const { values, positionals } = parsed
  const [command, ...extra] = positionals
  if (command !== undefined && !COMMANDS.includes(command as Command)) throw new UsageError(`unknown command "${command}"`)
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`)
  const flags: RawConfig = {}
  const copy = (flag: keyof typeof values, key: string) => {
    if (values[flag] !== undefined) flags[key] = values[flag]
  }
  copy('seeds', 'seeds')
  copy('out', 'out')
  copy('port', 'port')
  copy('host', 'host')
  copy('base-url', 'baseUrl')
  copy('max-items', 'maxItems')
  copy('max-limit', 'maxLimit')
  copy('only-published', 'onlyPublished')
  copy('hub-url', 'hubUrl')
  copy('title', 'title')
  copy('description', 'description')
  copy('language', 'language')
  copy('max-age', 'maxAge')
  copy('watch', 'watch')
  copy('strict', 'strict')
  if (values['no-watch']) flags.watch = false
  return {
    command: command as Command | undefined,
    flags,
    configFile: values.config,
    json: values.json ?? false,
    help: values.help ?? false,
    version: values.version ?? false,
  }
}

export const USAGE = `Usage: feedstand <command> [options]

Commands:
  serve    serve the feeds over HTTP (follows seeds/ for changes; --no-watch to stop that)
  build    write every feed into the output folder (atomically; --watch to keep it fresh)
  check    read every seed and report problems; exits 1 when there is an error

Options (each also FEEDSTAND_<NAME> in the environment, or a key in feedstand.config.json):
  --seeds DIR          seed folder (default: seeds)
  --out DIR            output folder for build (default: feeds)
  --port N             port for serve (default: 3000)
  --host HOST          address for serve (default: 127.0.0.1)
  --base-url URL       absolute URL the feeds are published under (default: http://localhost:PORT)
  --max-items N        items per feed document (default: 50)
  --max-limit N        largest ?limit=N a reader may ask for (default: max-items)
  --only-published     hold back articles marked "published: false"
  --hub-url URL        WebSub hub: advertise it and ping it when feeds change
  --title, --description, --language   site metadata
  --max-age N          Cache-Control max-age in seconds (default: 300); RSS <ttl> follows
  --config FILE        config file (default: feedstand.config.json, if present)
  --watch, --no-watch  follow seeds/ for changes (serve: on by default; build: off)
  --strict             build: exit 1 when any seed has an error
  --json               check: print problems as JSON
  -h, --help           this text
  -v, --version        print the version
`
