/**
 * The one table of command-line flags: what each sets, for which commands, and how help shows it.
 * The parser (args.ts) and the help text (help.ts) both read it; the environment variables come
 * from config.ts's ENV_VARS and the defaults from its DEFAULTS, so no second list can drift.
 */
import { DEFAULTS, type Config } from '../config.js'
import { SCOPE_KIND_TABLE } from '../scopes/scope-kinds.js'

export const COMMANDS = ['serve', 'build', 'check'] as const
export type Command = (typeof COMMANDS)[number]

/** One line per command, for `feedstand help`. */
export const COMMAND_SUMMARY: Readonly<Record<Command, string>> = {
  serve: 'serve the feeds over HTTP (follows the seeds folder for changes; --no-watch to stop that)',
  build: 'write every feed into the output folder (atomically; --watch to keep it fresh)',
  check: 'read every seed and report problems; exits 1 when there is an error',
}

export interface Flag {
  /** Long name, without the dashes. */
  name: string
  short?: string
  /** Placeholder of the value (`--port N`); absent for a switch. */
  value?: string
  /** The config key it sets (feedstand.config.json, ENV_VARS); absent for CLI-only flags. */
  key?: string
  /** A switch that sets `key` to false (`--no-watch`). */
  negates?: boolean
  /** Commands it applies to; empty: only without a command (`--version`). */
  commands: readonly Command[]
  help: string
  /** The default as help shows it. */
  shown?: (d: Config) => string
}

const ALL = COMMANDS
const PUBLISH: readonly Command[] = ['serve', 'build']

export const FLAGS: readonly Flag[] = [
  { name: 'seeds', value: 'DIR', key: 'seeds', commands: ALL, help: 'seed folder', shown: (d) => d.seedsDir },
  { name: 'out', value: 'DIR', key: 'out', commands: PUBLISH, help: 'output folder (serve: finds the cache a build into it left)', shown: (d) => d.outDir },
  {
    name: 'cache-dir', value: 'DIR', key: 'cacheDir', commands: PUBLISH,
    help: 'persistent cache of parsed seeds (and the build manifest), shared by build and serve',
    shown: () => '<parent of --out>/.feedstand-cache',
  },
  { name: 'port', value: 'N', key: 'port', commands: ['serve'], help: 'port to listen on (0: any free port)', shown: (d) => String(d.port) },
  { name: 'host', value: 'HOST', key: 'host', commands: ['serve'], help: 'address to listen on', shown: (d) => d.host },
  {
    name: 'base-url', value: 'URL', key: 'baseUrl', commands: PUBLISH,
    help: 'public URL the feeds are published under: their self links, ids and OPML entries',
    shown: (d) => d.baseUrl.replace(`:${d.port}`, ':{port}'),
  },
  { name: 'max-items', value: 'N', key: 'maxItems', commands: PUBLISH, help: 'items per feed document', shown: (d) => String(d.maxItems) },
  { name: 'archive-size', value: 'N', key: 'archiveSize', commands: PUBLISH, help: 'items per full archive (written once, never changed)', shown: (d) => String(d.archiveSize) },
  { name: 'history', value: 'archives|none', key: 'history', commands: PUBLISH, help: 'archives: heads, bridge and RFC 5005 archives; none: heads and pages only', shown: (d) => d.history },
  { name: 'archive-encodings', value: 'gzip|gzip-only|all|none', key: 'archiveEncodings', commands: ['build'], help: 'compressed files beside each archive: gzip, all (gzip and br) or none; gzip-only: the .gz alone (for nginx or the Worker)', shown: (d) => d.archiveEncodings },
  { name: 'max-limit', value: 'N', key: 'maxLimit', commands: ['serve'], help: 'largest ?limit=N a reader may ask for', shown: () => 'max-items' },
  { name: 'only-published', key: 'onlyPublished', commands: ALL, help: 'hold back articles marked "published: false"', shown: (d) => onOff(d.onlyPublished) },
  {
    name: 'scopes', value: 'KINDS', key: 'scopes', commands: PUBLISH,
    help: 'scope kinds that get feeds and pages: topics, providers, categories (comma-separated, or none)',
    shown: (d) => d.scopeKinds.map((k) => SCOPE_KIND_TABLE[k].many).join(','),
  },
  { name: 'hub-url', value: 'URL', key: 'hubUrl', commands: PUBLISH, help: 'WebSub hub: advertise it and ping it when feeds change', shown: () => 'none' },
  { name: 'title', value: 'TEXT', key: 'title', commands: PUBLISH, help: 'site title', shown: (d) => JSON.stringify(d.site.title) },
  { name: 'description', value: 'TEXT', key: 'description', commands: PUBLISH, help: 'site description', shown: (d) => JSON.stringify(d.site.description) },
  { name: 'language', value: 'TAG', key: 'language', commands: PUBLISH, help: 'site language (BCP 47, like en or pt-BR)', shown: (d) => d.site.language },
  { name: 'max-age', value: 'N', key: 'maxAge', commands: PUBLISH, help: 'Cache-Control max-age in seconds; RSS <ttl> follows', shown: (d) => String(d.maxAge) },
  { name: 'watch', key: 'watch', commands: PUBLISH, help: 'follow the seeds folder for changes', shown: () => 'on for serve, off for build' },
  { name: 'no-watch', key: 'watch', negates: true, commands: PUBLISH, help: 'do not follow the seeds folder' },
  { name: 'strict', key: 'strict', commands: ['build'], help: 'exit 1 when any seed has an error', shown: (d) => onOff(d.strict) },
  { name: 'json', commands: ['check'], help: 'print the report as one JSON document' },
  { name: 'config', value: 'FILE', commands: ALL, help: 'config file (a JSON object of config keys)', shown: () => 'feedstand.config.json, if present' },
  { name: 'help', short: 'h', commands: ALL, help: 'show help (also: feedstand help [command])' },
  { name: 'version', short: 'v', commands: [], help: 'print the version' },
]

function onOff(b: boolean): string {
  return b ? 'on' : 'off'
}

/** The flag that sets config key `key` (not its negation). */
export function flagFor(key: string): Flag | undefined {
  return FLAGS.find((f) => f.key === key && !f.negates)
}

/** Default shown for a flag, read from config.ts's DEFAULTS. */
export function shownDefault(flag: Flag): string | undefined {
  return flag.shown?.(DEFAULTS)
}
