/**
 * The Hono app: looks the request path up in the path table and answers from the current
 * snapshot's precomputed documents. Nothing is rendered, hashed or compressed per request
 * (beyond the first request for a lazily rendered page).
 */
import { Hono } from 'hono'
import type { Context } from 'hono'
import type { Site } from '../documents/site.js'
import { revalidatingCacheControl, type Document, type Representation } from '../documents/document.js'
import { pagedWalk } from '../documents/paging.js'
import { absoluteUrl, parsePath, topicPageWithoutSlash, withPage, type DocKey } from '../paths.js'
import { isNotModified } from './conditional.js'
import { acceptedEncodings } from './negotiate.js'

export interface AppOptions {
  /** The current snapshot. Read once per request, so a response's ETag and body always belong together. */
  site: () => Site
  /** Extra lines for /healthz (the live server adds its reload state). */
  health?: () => Record<string, string | number>
}

type FeedKey = Extract<DocKey, { type: 'feed' }>

const NOT_FOUND = 'Not found. Every feed is listed at /topics.json (and on / for people).\n'

const ERROR_HEADERS = { 'Access-Control-Allow-Origin': '*', 'X-Content-Type-Options': 'nosniff' }

const PREFLIGHT_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, HEAD',
  'Access-Control-Allow-Headers': 'If-None-Match, If-Modified-Since, Cache-Control',
  'Access-Control-Max-Age': '86400',
}

export function createApp(options: AppOptions): Hono {
  const app = new Hono()

  app.get('/healthz', (c) => {
    const site = options.site()
    const { problems, articles, topics } = site.catalog
    const lines: Record<string, string | number> = {
      articles: articles.length,
      topics: topics.size,
      errors: problems.filter((p) => p.severity === 'error').length,
      warnings: problems.filter((p) => p.severity === 'warning').length,
      ...options.health?.(),
    }
    const body = 'ok\n' + Object.entries(lines).map(([k, v]) => `${k}: ${v}`).join('\n') + '\n'
    return c.text(body, 200, { 'Cache-Control': 'no-store' })
  })

  app.get('*', (c) => {
    const site = options.site()
    const resolved = resolve(site, c)
    // Errors are readable cross-origin too, so a web-based reader sees "404", not a CORS failure.
    if (typeof resolved === 'string') return c.text(resolved, resolved === NOT_FOUND ? 404 : 400, ERROR_HEADERS)
    if (resolved instanceof Response) return resolved
    return respond(resolved, c.req.raw.headers)
  })

  // CORS preflight: a script that sets If-None-Match or If-Modified-Since itself asks first.
  app.options('*', () => new Response(null, { status: 204, headers: PREFLIGHT_HEADERS }))

  // Any other method. As the fallback, not an `all('*')` route: then a GET matches exactly one
  // handler, which Hono calls and answers synchronously; with a second matching route every
  // request took Hono's async compose path (measured: twice the server CPU per 304).
  app.notFound((c) => c.text('Method not allowed: feeds are read with GET or HEAD.\n', 405, { Allow: 'GET, HEAD' }))
  app.onError((err, c) => {
    console.error(err)
    return c.text('Internal error\n', 500)
  })
  return app
}

/** The document a request asks for, a redirect (`?page=N`), or the text of a 404/400 answer. */
function resolve(site: Site, c: Context): Document | Response | string {
  const raw = c.req.url
  // The common request, a plain path and no query, needs no URL parsing (a few µs of every answer):
  // its pathname is the path as sent. Anything else goes through the WHATWG parser.
  const path = c.req.path
  const plain = !raw.includes('?') && PLAIN_PATH.test(path) && !path.includes('/.')
  const url = plain ? undefined : new URL(raw)
  const key = parsePath(url ? url.pathname : path)
  if (!key) return slashRedirect(site, url ? url.pathname : path) ?? NOT_FOUND
  const page = url ? url.searchParams.get('page') : null
  const limit = url ? url.searchParams.get('limit') : null
  if (key.type === 'feed' && key.page.kind === 'head') {
    if (page !== null) {
      const n = positiveInt(page)
      if (n === undefined) return `Bad request: page must be a whole number from 1 up, got ${JSON.stringify(page)}.\n`
      if (n > 1) return pageRedirect(site, key, n) ?? NOT_FOUND
    }
    if (limit !== null) {
      const n = positiveInt(limit)
      const max = site.config.maxLimit
      if (n === undefined || n > max) return `Bad request: limit must be a whole number from 1 to ${max}, got ${JSON.stringify(limit)}.\n`
      if (n < site.config.maxItems) return site.getLimited(key, n) ?? NOT_FOUND
    }
  }
  return site.get(key) ?? NOT_FOUND
}

/**
 * `?page=N` for N ≥ 2: a 302 to the Nth document of the paged walk at its own URL (the bridge or
 * an archive, see `pagedWalk`), so each document has one URL and archives stay cacheable as
 * immutable. Only as long-lived as the head: the walk's Nth document moves when articles arrive.
 * Undefined when the scope or the page does not exist.
 */
function pageRedirect(site: Site, key: FeedKey, n: number): Response | undefined {
  const items = site.scopeItems(key.topic)
  const page = items && pagedWalk(items.length, site.config.maxItems)[n - 1]
  if (!page) return undefined
  const headers = {
    Location: absoluteUrl(site.config.baseUrl, withPage(key, page)),
    'Cache-Control': revalidatingCacheControl(site.config),
    ...ERROR_HEADERS,
  }
  return new Response(null, { status: 302, headers })
}

/**
 * `/topics/ai` → 301 to `/topics/ai/`, the topic page's one URL (relative links on it resolve
 * against the folder), as static hosts answer a folder without its slash. Only for a topic that
 * exists: any other path without a document stays a 404.
 */
function slashRedirect(site: Site, pathname: string): Response | undefined {
  const key = topicPageWithoutSlash(pathname)
  if (!key || !site.get(key)) return undefined
  const headers = { Location: absoluteUrl(site.config.baseUrl, key), 'Cache-Control': revalidatingCacheControl(site.config), ...ERROR_HEADERS }
  return new Response(null, { status: 301, headers })
}

/** Paths the URL parser would return unchanged: no escapes, no characters it encodes. */
const PLAIN_PATH = /^\/[\w./~-]*$/

function positiveInt(s: string): number | undefined {
  return /^[1-9][0-9]{0,8}$/.test(s) ? Number(s) : undefined
}

/**
 * A 200 or 304 from a document's stored representations: pick one by Accept-Encoding, then
 * answer with its precomputed headers. HEAD is handled by Hono (the GET answer without its body,
 * headers and Content-Length kept).
 *
 * @param now the response's origination time: Last-Modified must not be later (RFC 9110 §8.8.2.1),
 *   and an article may be dated a few minutes ahead (the future tolerance).
 */
export function respond(doc: Document, requestHeaders: Headers, now = Date.now()): Response {
  const rep = pickRepresentation(doc, requestHeaders.get('accept-encoding'))
  const notModified = isNotModified(doc, requestHeaders)
  let headers = notModified ? rep.notModifiedHeaders : rep.headers
  if (doc.lastModifiedMs !== undefined && doc.lastModifiedMs > now) {
    headers = { ...headers, 'Last-Modified': new Date(now).toUTCString() }
  }
  if (notModified) return new Response(null, { status: 304, headers })
  return new Response(rep.body as Uint8Array<ArrayBuffer>, { status: 200, headers })
}

/** The best acceptable stored representation; identity when no other is acceptable or smaller. */
function pickRepresentation(doc: Document, acceptEncoding: string | null): Representation {
  for (const enc of acceptedEncodings(acceptEncoding)) {
    if (enc === 'identity') return doc.identity()
    const v = doc.variant(enc)
    if (v) return v
  }
  return doc.identity()
}
