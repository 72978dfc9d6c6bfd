/**
 * The Hono app: looks the request path up in the path table and answers from the current
 * snapshot's precomputed documents. Nothing is rendered, hashed or compressed per request
 * (beyond the first request for a lazily rendered page).
 */
import { Hono } from 'hono'
import type { Context } from 'hono'
import type { Site } from '../documents/site.js'
import type { Document } from '../documents/document.js'
import { parsePath, type DocKey } from '../paths.js'
import { isNotModified } from './conditional.js'
import { acceptedEncodings } from './negotiate.js'

export interface AppOptions {
  /** The current snapshot. Read once per request, so a response's ETag and body always belong together. */
  site: () => Site
  /** Extra lines for /healthz (the live server adds its reload state). */
  health?: () => Record<string, string | number>
}

const NOT_FOUND = 'Not found. Every feed is listed at /topics.json (and on / for people).\n'

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
    if (typeof resolved === 'string') return c.text(resolved, resolved === NOT_FOUND ? 404 : 400)
    return respond(resolved, c.req.raw.headers)
  })

  app.all('*', (c) => c.text('Method not allowed: feeds are read with GET or HEAD.\n', 405, { Allow: 'GET, HEAD' }))
  app.onError((err, c) => {
    console.error(err)
    return c.text('Internal error\n', 500)
  })
  return app
}

/** The document a request asks for, or the text of a 404/400 answer. */
function resolve(site: Site, c: Context): Document | string {
  const url = new URL(c.req.url)
  let key: DocKey | undefined = parsePath(url.pathname)
  if (!key) return NOT_FOUND
  const page = url.searchParams.get('page')
  const limit = url.searchParams.get('limit')
  if (key.type === 'feed' && key.page.kind === 'head') {
    if (page !== null) {
      const n = positiveInt(page)
      if (n === undefined) return `Bad request: page must be a whole number from 1 up, got ${JSON.stringify(page)}.\n`
      key = n === 1 ? key : { ...key, page: { kind: 'page', n } }
    }
    if (limit !== null && key.page.kind === 'head') {
      const n = positiveInt(limit)
      const max = site.config.maxLimit
      if (n === undefined || n > max) return `Bad request: limit must be a whole number from 1 to ${max}, got ${JSON.stringify(limit)}.\n`
      if (n < site.config.maxItems) return site.getLimited(key, n) ?? NOT_FOUND
    }
  }
  return site.get(key) ?? NOT_FOUND
}

function positiveInt(s: string): number | undefined {
  return /^[1-9][0-9]{0,8}$/.test(s) ? Number(s) : undefined
}

/** A 200 or 304 from a document's stored representations. HEAD is handled by Hono (GET without the body). */
export function respond(doc: Document, requestHeaders: Headers): Response {
  let rep = doc.identity()
  for (const enc of acceptedEncodings(requestHeaders.get('accept-encoding'))) {
    const v = enc === 'identity' ? rep : doc.variant(enc)
    if (v) {
      rep = v
      break
    }
  }
  const headers: Record<string, string> = {
    'Content-Type': doc.contentType,
    'Cache-Control': doc.cacheControl,
    ETag: rep.etag,
    Vary: 'Accept-Encoding',
    'X-Content-Type-Options': 'nosniff',
  }
  if (doc.contentType.includes('xml') || doc.contentType.includes('json')) headers['Access-Control-Allow-Origin'] = '*'
  if (doc.lastModifiedMs !== undefined) headers['Last-Modified'] = new Date(doc.lastModifiedMs).toUTCString()
  if (doc.links.length > 0) headers.Link = doc.links.join(', ')
  if (isNotModified(doc, requestHeaders)) {
    delete headers['Content-Type']
    return new Response(null, { status: 304, headers })
  }
  if (rep.encoding) headers['Content-Encoding'] = rep.encoding
  headers['Content-Length'] = String(rep.body.byteLength)
  return new Response(rep.body as Uint8Array<ArrayBuffer>, { status: 200, headers })
}
