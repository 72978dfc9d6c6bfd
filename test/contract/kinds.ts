/**
 * Every kind of document a target serves, with the headers the Node server gives it
 * (src/documents/document.ts, src/documents/site.ts): what each target must send too.
 */
import { DEFAULTS } from '../../src/config.js'
import { EXPOSED_HEADERS, immutableCacheControl, revalidatingCacheControl } from '../../src/documents/document.js'

export const REVALIDATING = revalidatingCacheControl(DEFAULTS)
export const IMMUTABLE = immutableCacheControl(DEFAULTS)
export { EXPOSED_HEADERS }

export interface Kind {
  path: string
  contentType: string
  cacheControl: string
  /** Feeds, JSON and OPML are read cross-origin by web-based readers. */
  cors: boolean
  /** Text: has gzip/br variants, so the answer varies by Accept-Encoding. */
  compressible: boolean
  /** Carries the newest item's date as Last-Modified on the Node server. */
  dated: boolean
  /** An HTML page: served with the pages' Content-Security-Policy (issue 12). */
  page?: true
  /** A full RFC 5005 archive: what `--archive-encodings` decides the stored files of. */
  archive?: true
}

const RSS = 'application/rss+xml; charset=utf-8'
const ATOM = 'application/atom+xml; charset=utf-8'
const JSON_FEED = 'application/feed+json; charset=utf-8'

const feed = (path: string, contentType: string, cacheControl = REVALIDATING): Kind => ({
  path, contentType, cacheControl, cors: true, compressible: true, dated: true, ...(cacheControl === IMMUTABLE && { archive: true as const }),
})

export const KINDS: readonly Kind[] = [
  feed('/rss.xml', RSS),
  feed('/atom.xml', ATOM),
  feed('/feed.json', JSON_FEED),
  feed('/topics/chips/rss.xml', RSS),
  feed('/topics/ai/atom.xml', ATOM),
  feed('/topics/ai/feed.json', JSON_FEED),
  feed(`/topics/${encodeURIComponent('中国')}/atom.xml`, ATOM),
  feed(`/topics/${encodeURIComponent('中国')}/rss/archive/1.xml`, RSS, IMMUTABLE),
  // The bridge changes as articles arrive; archives never do (RFC 8246 immutable).
  feed('/rss/page/2.xml', RSS),
  feed('/topics/ai/feed/page/2.json', JSON_FEED),
  feed('/rss/archive/1.xml', RSS, IMMUTABLE),
  feed('/atom/archive/2.xml', ATOM, IMMUTABLE),
  feed('/topics/chips/feed/archive/1.json', JSON_FEED, IMMUTABLE),
  // Provider and category scopes: heads, bridges and archives like a topic's (issue 14).
  feed('/providers/wire-service/atom.xml', ATOM),
  feed('/providers/wire-service/feed/page/2.json', JSON_FEED),
  feed('/providers/wire-service/rss/archive/2.xml', RSS, IMMUTABLE),
  feed('/categories/analysis/feed.json', JSON_FEED),
  feed('/categories/analysis/atom/archive/1.xml', ATOM, IMMUTABLE),
  { ...feed('/scopes.json', 'application/json; charset=utf-8'), dated: true },
  { ...feed('/topics.json', 'application/json; charset=utf-8'), dated: true },
  { ...feed('/topics.opml', 'text/x-opml; charset=utf-8'), dated: true },
  { path: '/', contentType: 'text/html; charset=utf-8', cacheControl: REVALIDATING, cors: false, compressible: true, dated: true, page: true },
  { path: '/index.html', contentType: 'text/html; charset=utf-8', cacheControl: REVALIDATING, cors: false, compressible: true, dated: true, page: true },
  // Each scope's page (issue 12) and the pages' assets.
  { path: '/topics/ai/', contentType: 'text/html; charset=utf-8', cacheControl: REVALIDATING, cors: false, compressible: true, dated: true, page: true },
  { path: '/topics/ai/index.html', contentType: 'text/html; charset=utf-8', cacheControl: REVALIDATING, cors: false, compressible: true, dated: true, page: true },
  { path: `/topics/${encodeURIComponent('中国')}/`, contentType: 'text/html; charset=utf-8', cacheControl: REVALIDATING, cors: false, compressible: true, dated: true, page: true },
  { path: '/providers/wire-service/', contentType: 'text/html; charset=utf-8', cacheControl: REVALIDATING, cors: false, compressible: true, dated: true, page: true },
  { path: '/assets/site.css', contentType: 'text/css; charset=utf-8', cacheControl: REVALIDATING, cors: false, compressible: true, dated: false },
  { path: '/assets/site.js', contentType: 'text/javascript; charset=utf-8', cacheControl: REVALIDATING, cors: false, compressible: true, dated: false },
  { path: '/icon.png', contentType: 'image/png', cacheControl: 'public, max-age=86400', cors: false, compressible: false, dated: false },
]

export const COMPRESSIBLE = KINDS.filter((k) => k.compressible)

export const ARCHIVES = KINDS.filter((k) => k.archive)
