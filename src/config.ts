/**
 * Configuration, parsed once at the edge (the CLI) and passed in. Layers, later wins:
 * defaults < feedstand.config.json < FEEDSTAND_* environment variables < command-line flags.
 * Everything here is pure: the CLI reads the file, the environment and argv and hands them over.
 */
import { SCOPE_KINDS, SCOPE_KIND_TABLE, type ScopeKind } from './scopes/scope-kinds.js'

export interface SiteConfig {
  title: string
  description: string
  /** BCP 47 tag: RSS `<language>`, Atom `xml:lang`, JSON `language`. */
  language: string
  /** Absolute URL of a square PNG/JPEG/GIF icon; default: the bundled one, served at `/icon.png`. */
  icon?: string
  copyright?: string
}

export interface Config {
  seedsDir: string
  outDir: string
  host: string
  port: number
  /** Absolute http(s) URL the documents are served under, without trailing slash. */
  baseUrl: string
  site: SiteConfig
  /** Items per head and bridge (the documents a subscriber polls). */
  maxItems: number
  /**
   * Items per archive, apart from `maxItems`: archives are written once and read rarely, so fewer,
   * larger ones cost fewer files (CDNs cap a deployment at 20,000) and less work per item. The
   * default keeps an archive of long items under 2 MiB, the smallest reader cap (README "Paging and archives").
   */
  archiveSize: number
  /** `archives` (default): heads, bridges and full archives (RFC 5005); `none`: heads, index documents and pages only. */
  history: History
  /**
   * Which compressed files a static archive gets beside its body: `gzip`, `all` (gzip and brotli)
   * or `none`; `gzip-only`: the `.gz` alone, no body (a third of the bytes of `gzip`: 1.46 GB
   * instead of 6.14 GB at 100k), for nginx with gunzip and the Worker, which decode it for
   * clients without gzip; not for a host that serves files as they are (README "Paging and archives").
   */
  archiveEncodings: ArchiveEncodings
  /** Upper bound of `?limit=N`. */
  maxLimit: number
  /** Hold back articles whose front matter says `published: false`. */
  onlyPublished: boolean
  /** Seed files larger than this are refused (`too-large`). */
  maxFileBytes: number
  /** Longer excerpts are cut at a word boundary (`excerpt-truncated`). */
  maxExcerptLength: number
  /** Cache-Control max-age of heads, pages and index documents; RSS `<ttl>` follows it. */
  maxAge: number
  staleWhileRevalidate: number
  /** Cache-Control max-age of full archives, which never change. */
  archiveMaxAge: number
  /** Which kinds of scope get feeds, pages and index entries (topics, providers, categories). */
  scopeKinds: readonly ScopeKind[]
  /** WebSub hub; when unset, no hub links and no pings. */
  hubUrl?: string
  watch: boolean
  strict: boolean
  /** Folder of the persistent cache (parsed seeds, the build manifest); default `<parent of outDir>/.feedstand-cache`. */
  cacheDir?: string
}

export const HISTORIES = ['archives', 'none'] as const
export type History = (typeof HISTORIES)[number]
export const ARCHIVE_ENCODINGS = ['gzip', 'gzip-only', 'all', 'none'] as const
export type ArchiveEncodings = (typeof ARCHIVE_ENCODINGS)[number]

export const DEFAULTS: Config = {
  seedsDir: 'seeds',
  outDir: 'feeds',
  host: '127.0.0.1',
  port: 3000,
  baseUrl: 'http://localhost:3000',
  site: {
    title: 'Feedstand',
    description: 'News articles, as feeds: one for everything and one per topic.',
    language: 'en',
  },
  maxItems: 50,
  archiveSize: 250,
  history: 'archives',
  archiveEncodings: 'gzip',
  maxLimit: 50,
  onlyPublished: false,
  maxFileBytes: 1024 * 1024,
  maxExcerptLength: 2000,
  maxAge: 300,
  staleWhileRevalidate: 600,
  archiveMaxAge: 31536000,
  scopeKinds: SCOPE_KINDS,
  watch: true,
  strict: false,
}

/** A layer as found in a file, the environment or flags: loosely typed, checked by `resolveConfig`. */
export type RawConfig = Record<string, unknown>

export class ConfigError extends Error {
  override name = 'ConfigError'
}

/** Environment variable → raw config key: the one list, read by `configFromEnv` and the CLI's help. */
export const ENV_VARS: Readonly<Record<string, string>> = {
  FEEDSTAND_SEEDS: 'seeds',
  FEEDSTAND_OUT: 'out',
  FEEDSTAND_HOST: 'host',
  HOST: 'host',
  FEEDSTAND_PORT: 'port',
  PORT: 'port',
  FEEDSTAND_BASE_URL: 'baseUrl',
  FEEDSTAND_MAX_ITEMS: 'maxItems',
  FEEDSTAND_ARCHIVE_SIZE: 'archiveSize',
  FEEDSTAND_HISTORY: 'history',
  FEEDSTAND_ARCHIVE_ENCODINGS: 'archiveEncodings',
  FEEDSTAND_MAX_LIMIT: 'maxLimit',
  FEEDSTAND_ONLY_PUBLISHED: 'onlyPublished',
  FEEDSTAND_HUB_URL: 'hubUrl',
  FEEDSTAND_TITLE: 'title',
  FEEDSTAND_DESCRIPTION: 'description',
  FEEDSTAND_LANGUAGE: 'language',
  FEEDSTAND_MAX_AGE: 'maxAge',
  FEEDSTAND_CACHE_DIR: 'cacheDir',
  FEEDSTAND_SCOPES: 'scopes',
}

/** Map FEEDSTAND_* (and PORT, HOST) environment variables to a raw layer. */
export function configFromEnv(env: Record<string, string | undefined>): RawConfig {
  const raw: RawConfig = {}
  // FEEDSTAND_PORT wins over PORT, whatever the order of the table.
  for (const [name, key] of Object.entries(ENV_VARS)) {
    const value = env[name]
    if (value !== undefined && value !== '' && (raw[key] === undefined || name.startsWith('FEEDSTAND_'))) raw[key] = value
  }
  return raw
}

/** Merge raw layers over the defaults and check every value; throws ConfigError naming the setting. */
export function resolveConfig(...layers: RawConfig[]): Config {
  const raw: RawConfig = Object.assign({}, ...layers)
  const c: Config = structuredClone(DEFAULTS)
  const str = (key: string) => (raw[key] === undefined ? undefined : String(raw[key]))
  c.seedsDir = str('seeds') ?? str('seedsDir') ?? c.seedsDir
  c.outDir = str('out') ?? str('outDir') ?? c.outDir
  c.host = str('host') ?? c.host
  c.port = int(raw, 'port', c.port, 0, 65535)
  c.baseUrl = baseUrl(str('baseUrl') ?? (raw.port !== undefined ? `http://localhost:${c.port}` : c.baseUrl))
  c.site.title = str('title') ?? c.site.title
  c.site.description = str('description') ?? c.site.description
  c.site.language = language(str('language') ?? c.site.language)
  const icon = str('icon')
  if (icon !== undefined) c.site.icon = httpUrl('icon', icon)
  const copyright = str('copyright')
  if (copyright !== undefined) c.site.copyright = copyright
  c.maxItems = int(raw, 'maxItems', c.maxItems, 1, 10000)
  c.archiveSize = int(raw, 'archiveSize', c.archiveSize, 1, 100000)
  c.history = oneOf(raw, 'history', c.history, HISTORIES)
  c.archiveEncodings = oneOf(raw, 'archiveEncodings', c.archiveEncodings, ARCHIVE_ENCODINGS)
  c.maxLimit = int(raw, 'maxLimit', Math.max(c.maxItems, c.maxLimit), 1, 10000)
  c.onlyPublished = bool(raw, 'onlyPublished', c.onlyPublished)
  c.maxFileBytes = int(raw, 'maxFileBytes', c.maxFileBytes, 1, 1 << 30)
  c.maxExcerptLength = int(raw, 'maxExcerptLength', c.maxExcerptLength, 1, 1 << 20)
  c.maxAge = int(raw, 'maxAge', c.maxAge, 0, 31536000)
  c.staleWhileRevalidate = int(raw, 'staleWhileRevalidate', c.staleWhileRevalidate, 0, 31536000)
  c.archiveMaxAge = int(raw, 'archiveMaxAge', c.archiveMaxAge, 0, 31536000)
  const scopes = raw.scopes ?? raw.scopeKinds
  if (scopes !== undefined) c.scopeKinds = scopeKinds(scopes)
  const hub = str('hubUrl')
  if (hub) c.hubUrl = httpUrl('hubUrl', hub)
  c.watch = bool(raw, 'watch', c.watch)
  c.strict = bool(raw, 'strict', c.strict)
  const cacheDir = str('cacheDir')
  if (cacheDir) c.cacheDir = cacheDir
  return c
}

function int(raw: RawConfig, key: string, fallback: number, min: number, max: number): number {
  const value = raw[key]
  if (value === undefined) return fallback
  const n = typeof value === 'number' ? value : /^\s*-?\d+\s*$/.test(String(value)) ? Number(value) : NaN
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new ConfigError(`${key}: expected a whole number from ${min} to ${max}, got ${JSON.stringify(value)}`)
  }
  return n
}

function oneOf<T extends string>(raw: RawConfig, key: string, fallback: T, values: readonly T[]): T {
  const value = raw[key]
  if (value === undefined) return fallback
  if (values.includes(String(value) as T)) return String(value) as T
  throw new ConfigError(`${key}: expected ${values.join(' or ')}, got ${JSON.stringify(value)}`)
}

function bool(raw: RawConfig, key: string, fallback: boolean): boolean {
  const value = raw[key]
  if (value === undefined) return fallback
  if (typeof value === 'boolean') return value
  const s = String(value).toLowerCase()
  if (['1', 'true', 'yes', 'on'].includes(s)) return true
  if (['0', 'false', 'no', 'off'].includes(s)) return false
  throw new ConfigError(`${key}: expected true or false, got ${JSON.stringify(value)}`)
}

function httpUrl(key: string, value: string): string {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new ConfigError(`${key}: ${JSON.stringify(value)} is not an absolute URL`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(`${key}: ${JSON.stringify(value)} must be an http or https URL`)
  }
  return url.href
}

function baseUrl(value: string): string {
  return httpUrl('baseUrl', value).replace(/\/+$/, '').replace(/[?#].*$/, '')
}

/**
 * `topics,providers,categories` (or a JSON array of them; singular or plural, any order, `none`
 * for the global feed alone) → the kinds in table order, without repeats.
 */
function scopeKinds(value: unknown): readonly ScopeKind[] {
  const words = Array.isArray(value) ? value.map(String) : String(value).split(',')
  const wanted = new Set<ScopeKind>()
  for (const w of words.map((x) => x.trim().toLowerCase()).filter((x) => x !== '' && x !== 'none')) {
    const kind = (Object.keys(SCOPE_KIND_TABLE) as ScopeKind[]).find((k) => w === k || w === SCOPE_KIND_TABLE[k].many)
    if (!kind) throw new ConfigError(`scopes: expected a list of ${SCOPE_KINDS.map((k) => SCOPE_KIND_TABLE[k].many).join(', ')} (or none), got ${JSON.stringify(value)}`)
    wanted.add(kind)
  }
  return SCOPE_KINDS.filter((k) => wanted.has(k))
}

function language(value: string): string {
  if (!/^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/.test(value)) {
    throw new ConfigError(`language: ${JSON.stringify(value)} is not a language tag like "en" or "pt-BR"`)
  }
  return value
}
