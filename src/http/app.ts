/**
 * The Hono app: looks the request path up in the path table and answers from the current
 * snapshot's precomputed documents. Nothing is rendered, hashed or compressed per request
 * (beyond the first request for a lazily rendered page).
 */
import { Hono } from 'hono'
import type { Context } from 'hono'
import { revalidatingCacheControl, type Document, type Representation } from '../documents/document.js'
import type { DocumentSource, FeedKey } from '../documents/document-source.js'
import { absoluteUrl, parsePath, topicPageWithoutSlash } from '../paths.js'
import { isNotModified } from './conditional.js'
import { acceptedEncodings } from './negotiate.js'
import { resolveView } from './view-route.js'
import { COMMON_HEADERS, ERROR_HEADERS, answer, textAnswer } from './text-answer.js'

export interface AppOptions {
  /**
   * The current snapshot (a `Site` on Node). Read once per request, so a response's ETag and body
   * always belong together. Given the request's context: the Worker hands each request the
   * documents it loaded for it (src/adapter/workers/), through `c.env`.
   */
  site: (c: Context) => DocumentSource
  /** Extra lines for /healthz (the live server adds its reload state). */
  health?: () => Record<string, string | number>
}

const NOT_FOUND = textAnswer('Not found. Every feed is listed at /topics.json (and on / for people).\n', ERROR_HEADERS)

const HEALTH_HEADERS = { ...COMMON_HEADERS, 'Cache-Control': 'no-store' }

const METHOD_NOT_ALLOWED = textAnswer('Method not allowed: feeds are read with GET or HEAD.\n', { ...COMMON_HEADERS, Allow: 'GET, HEAD' })
const INTERNAL_ERROR = textAnswer('Internal error\n', COMMON_HEADERS)

const PREFLIGHT_HEADERS = {
  ...COMMON_HEADERS,
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, HEAD',
  'Access-Control-Allow-Headers': 'If-None-Match, If-Modified-Since, Cache-Control',
  'Access-Control-Max-Age': '86400',
}

export function createApp(options: AppOptions): Hono {
  const app = new Hono()

  app.get('/healthz', (c) => {
    const lines = { ...options.site(c).health(), ...options.health?.() }
    const body = 'ok\n' + Object.entries(lines).map(([k, v]) => `${k}: ${v}`).join('\n') + '\n'
    return answer(200, textAnswer(body, HEALTH_HEADERS))
  })

  app.get('*', (c) => {
    const site = options.site(c)
    const resolved = resolve(site, c)
    if (resolved === undefined) return answer(404, NOT_FOUND)
    if (typeof resolved === 'string') return answer(400, textAnswer(resolved, ERROR_HEADERS))
    if (resolved instanceof Response) return resolved
    return respond(resolved, c.req.raw.headers)
  })

  // CORS preflight: a script that sets If-None-Match or If-Modified-Since itself asks first.
  app.options('*', () => new Response(null, { status: 204, headers: PREFLIGHT_HEADERS }))

  // Any other method. As the fallback, not an `all('*')` route: then a GET matches exactly one
  // handler, which Hono calls and answers synchronously; with a second matching route every
  // request took Hono's async compose path (measured: twice the server CPU per 304).
  app.notFound(() => answer(405, METHOD_NOT_ALLOWED))
  app.onError((err) => {
    console.error(err)
    return answer(500, INTERNAL_ERROR)
  })
  return app
}

/** The document a request asks for, a redirect (`?page=N`), the text of a 400 answer, or undefined for a 404. */
function resolve(site: DocumentSource, c: Context): Document | Response | string | undefined {
  const raw = c.req.url
  // The common request, a plain path and no query, needs no URL parsing (a few µs of every answer):
  // its pathname is the path as sent. Anything else goes through the WHATWG parser.
  const path = c.req.path
  const plain = !raw.includes('?') && PLAIN_PATH.test(path) && !path.includes('/.')
  const url = plain ? undefined : new URL(raw)
  const key = parsePath(url ? url.pathname : path)
  if (!key) return slashRedirect(site, url ? url.pathname : path)
  if (key.type === 'feed') {
    // A topic union or a filter (server-only views, src/views/).
    const view = resolveView(site, key, url ? url.pathname : path, url)
    if (view !== null) return view
  }
  const page = url ? url.searchParams.get('page') : null
  const limit = url ? url.searchParams.get('limit') : null
  if (key.type === 'feed' && key.page.kind === 'head') {
    if (page !== null) {
      const n = positiveInt(page)
      if (n === undefined) return `Bad request: page must be a whole number from 1 up, got ${JSON.stringify(page)}.\n`
      if (n > 1) return pageRedirect(site, key, n)
    }
    if (limit !== null) {
      const n = positiveInt(limit)
      const max = site.config.maxLimit
      if (n === undefined || n > max) return `Bad request: limit must be a whole number from 1 to ${max}, got ${JSON.stringify(limit)}.\n`
      if (n < site.config.maxItems) return site.getLimited(key, n)
    }
  }
  return site.get(key)
}

/**
 * `?page=N` for N ≥ 2: a 302 to the Nth document of the paged walk at its own URL (the bridge or
 * an archive, see `pagedWalk`), so each document has one URL and archives stay cacheable as
 * immutable. Only as long-lived as the head: the walk's Nth document moves when articles arrive.
 * Undefined when the scope or the page does not exist.
 */
function pageRedirect(site: DocumentSource, key: FeedKey, n: number): Response | undefined {
  const location = site.walkUrl(key, n)
  if (location === undefined) return undefined
  const headers = {
    Location: location,
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
function slashRedirect(site: DocumentSource, pathname: string): Response | undefined {
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
