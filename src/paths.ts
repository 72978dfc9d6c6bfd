/**
 * The one path table: document key ↔ URL path ↔ file path. The router, the static build,
 * self links, OPML, the index page and `_headers` all go through here; nobody else
 * concatenates paths.
 *
 *   /rss.xml                         global head           feeds/rss.xml
 *   /rss/page/2.xml                  global bridge         feeds/rss/page/2.xml
 *   /rss/archive/1.xml               oldest archive        feeds/rss/archive/1.xml
 *   /topics/ai-hardware/atom.xml     topic head            feeds/topics/ai-hardware/atom.xml
 *   /topics/中国/feed.json           (URL percent-encoded) feeds/topics/中国/feed.json
 *   /topics/ai-hardware/             topic page            feeds/topics/ai-hardware/index.html
 *   /providers/reuters/feed.json     provider head         feeds/providers/reuters/feed.json
 *   /categories/news/                category page         feeds/categories/news/index.html
 *   /scopes.json                     every scope by kind   feeds/scopes.json
 *   /assets/site.css                 page asset            feeds/assets/site.css
 */

import { FORMATS, FORMAT_TABLE, type Format } from './format-table.js'
import { SCOPE_KIND_TABLE, kindOfFolder, type ScopeRef } from './scopes/scope-kinds.js'

export { FORMATS, type Format, type ScopeRef }

/** File name stem and extension of each format (`rss.xml`, `atom.xml`, `feed.json`), from the format table. */
export const FORMAT_FILES: Record<Format, { stem: string; ext: string }> = FORMAT_TABLE

/**
 * `head`: the subscription document (newest items). `page`: the paged walk's page n — only n = 2,
 * the bridge between the head and the newest full archive, is a document (documents/paging.ts).
 * `archive`: RFC 5005 archive n, counted from the oldest.
 */
export type FeedPage = { kind: 'head' } | { kind: 'page'; n: number } | { kind: 'archive'; n: number }

export type DocKey =
  | { type: 'feed'; scope: ScopeRef | null; format: Format; page: FeedPage }
  | { type: 'topics-json' }
  | { type: 'scopes-json' }
  | { type: 'opml' }
  | { type: 'index' }
  | { type: 'icon' }
  | { type: 'scope-page'; scope: ScopeRef }
  | { type: 'asset'; name: AssetName }

/** The pages' own stylesheet and script, served as documents so the CSP needs no inline source. */
export type AssetName = 'site.css' | 'site.js'
export const ASSETS: readonly AssetName[] = ['site.css', 'site.js']

export const HEAD: FeedPage = { kind: 'head' }

/** The document's path relative to the output folder, unencoded (`topics/中国/rss.xml`). */
export function filePath(key: DocKey): string {
  switch (key.type) {
    case 'index':
      return 'index.html'
    case 'icon':
      return 'icon.png'
    case 'topics-json':
      return 'topics.json'
    case 'scopes-json':
      return 'scopes.json'
    case 'opml':
      return 'topics.opml'
    case 'scope-page':
      return `${scopeDir(key.scope)}index.html`
    case 'asset':
      return `assets/${key.name}`
    case 'feed': {
      const dir = key.scope === null ? '' : scopeDir(key.scope)
      const { stem, ext } = FORMAT_FILES[key.format]
      const { page } = key
      if (page.kind === 'head') return `${dir}${stem}.${ext}`
      return `${dir}${stem}/${page.kind}/${page.n}.${ext}`
    }
  }
}

/** The folder of a scope's documents, relative and unencoded (`providers/reuters/`). */
function scopeDir(scope: ScopeRef): string {
  return `${SCOPE_KIND_TABLE[scope.kind].folder}/${scope.slug}/`
}

/** The URL path the server answers for the key, percent-encoded (`/topics/%E4%B8%AD%E5%9B%BD/rss.xml`). */
export function urlPath(key: DocKey): string {
  if (key.type === 'index') return '/'
  // A page's URL is its folder (`/topics/ai/`), as static hosts serve `index.html`.
  if (key.type === 'scope-page') return `/${SCOPE_KIND_TABLE[key.scope.kind].folder}/${encodeSegment(key.scope.slug)}/`
  return '/' + filePath(key).split('/').map(encodeSegment).join('/')
}

/**
 * One path segment, percent-encoded, except `+`: a sub-delimiter that paths may hold as it is
 * (RFC 3986 §3.3) and that no slug contains, so it only ever joins a topic union's slugs (`/topics/ai+chips/`).
 */
function encodeSegment(segment: string): string {
  return encodeURIComponent(segment).replace(/%2B/g, '+')
}

/** An absolute URL for the key under the configured base URL (which may carry a path prefix). */
export function absoluteUrl(baseUrl: string, key: DocKey): string {
  return baseUrl + urlPath(key)
}

/**
 * The key's URL path under the base URL's own path (`/prefix/topics/ai/`), without scheme and
 * host: how the pages link to each other and to their assets, so they work on whatever host
 * serves them (the server on 127.0.0.1, a CDN preview) and their CSP `'self'` holds there.
 */
export function siteRelativeUrl(baseUrl: string, key: DocKey): string {
  return new URL(baseUrl + '/').pathname.replace(/\/$/, '') + urlPath(key)
}

const STEM_TO_FORMAT: ReadonlyMap<string, Format> = new Map(FORMATS.map((f) => [FORMAT_FILES[f].stem, f]))

const alternatives = (words: Iterable<string>) => [...new Set(words)].map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')

/**
 * A feed file under its scope: `stem.ext`, `stem/page/n.ext` or `stem/archive/n.ext`, with stems
 * and extensions from the format table (`/^(rss|atom|feed)(?:\/(page|archive)\/([1-9][0-9]{0,8}))?\.(xml|json)$/`).
 */
const FEED_FILE = new RegExp(
  `^(${alternatives(STEM_TO_FORMAT.keys())})(?:\\/(page|archive)\\/([1-9][0-9]{0,8}))?\\.(${alternatives(FORMATS.map((f) => FORMAT_FILES[f].ext))})$`,
)

/**
 * The key of a request path, or undefined when no document can live there. Checks the shape only:
 * whether the topic or page exists is the document set's business.
 */
export function parsePath(pathname: string): DocKey | undefined {
  if (pathname === '/' || pathname === '/index.html') return { type: 'index' }
  if (pathname === '/topics.json') return { type: 'topics-json' }
  if (pathname === '/scopes.json') return { type: 'scopes-json' }
  if (pathname === '/topics.opml') return { type: 'opml' }
  if (pathname === '/icon.png') return { type: 'icon' }
  if (pathname.startsWith('/assets/')) {
    const name = ASSETS.find((a) => pathname === `/assets/${a}`)
    return name && { type: 'asset', name }
  }
  let rest = pathname.slice(1)
  let scope: ScopeRef | null = null
  const slash = rest.indexOf('/')
  const kind = slash > 0 ? kindOfFolder(rest.slice(0, slash)) : undefined
  if (kind) {
    const end = rest.indexOf('/', slash + 1)
    if (end < 0) return undefined
    const decoded = safeDecode(rest.slice(slash + 1, end))
    if (!decoded || decoded.includes('/')) return undefined
    scope = { kind, slug: decoded }
    rest = rest.slice(end + 1)
    if (rest === '' || rest === 'index.html') return { type: 'scope-page', scope }
  }
  const m = FEED_FILE.exec(rest)
  if (!m) return undefined
  const [, stem, pageKind, n, ext] = m as unknown as [string, string, string | undefined, string | undefined, string]
  const format = STEM_TO_FORMAT.get(stem)!
  if (FORMAT_FILES[format].ext !== ext) return undefined
  if (pageKind === undefined) return { type: 'feed', scope, format, page: HEAD }
  const num = Number(n)
  // Page 1 is the head itself: one document, one URL.
  if (pageKind === 'page' && num < 2) return undefined
  return { type: 'feed', scope, format, page: { kind: pageKind as 'page' | 'archive', n: num } }
}

/**
 * The scope page a path names without its trailing slash (`/topics/ai`, `/providers/reuters`),
 * else undefined. The page lives at its folder URL; the server answers this form with a redirect
 * to it, as static hosts do.
 */
export function topicPageWithoutSlash(pathname: string): DocKey | undefined {
  if (pathname.endsWith('/')) return undefined
  const key = parsePath(pathname + '/')
  return key?.type === 'scope-page' ? key : undefined
}

function safeDecode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment)
  } catch {
    return undefined
  }
}

/** Same key, other page: the links between pages and archives are built with this. */
export function withPage(key: DocKey & { type: 'feed' }, page: FeedPage): DocKey {
  return { ...key, page }
}
