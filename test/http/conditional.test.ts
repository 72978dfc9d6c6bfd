/**
 * Conditional GET and caching headers (RFC 9110 §13, RFC 9111), in-process through app.request():
 * validators from the bytes and the items, 304 on either validator, the headers of 200, 304 and HEAD.
 */
import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Hono } from 'hono'
import { createApp, respond } from '../../src/http/app.js'
import type { Site } from '../../src/documents/site.js'
import { HEAD, urlPath } from '../../src/paths.js'
import { SeedDir, dateOf } from './fixture.js'

let seeds: SeedDir
let site: Site
let app: Hono

// Articles 1…7; even ones also in "Chips". Three items per document: head 7,6,5; bridge (page 2): 4;
// archives (from the oldest): 1 = 1,2,3 and 2 = 4,5,6.
beforeAll(async () => {
  seeds = await SeedDir.create()
  await seeds.write(1, 7, (i) => (i % 2 === 0 ? ['AI', 'Chips'] : ['AI']))
  site = await seeds.site({ maxItems: 3 })
  app = createApp({ site: () => site })
})
afterAll(() => seeds.cleanup())

const httpDate = (ms: number) => new Date(ms).toUTCString()

function headerRecord(h: Headers): Record<string, string> {
  const out: Record<string, string> = {}
  h.forEach((value, name) => (out[name] = value))
  return out
}

/** One path of every kind of document the issue names. */
const KINDS: Record<string, number> = {
  '/rss.xml': dateOf(7),
  '/atom.xml': dateOf(7),
  '/feed.json': dateOf(7),
  '/topics/chips/rss.xml': dateOf(6),
  '/rss/page/2.xml': dateOf(4),
  '/atom/archive/1.xml': dateOf(3),
  '/feed/archive/2.json': dateOf(6),
  '/topics.json': dateOf(7),
  '/topics.opml': dateOf(7),
  '/': dateOf(7),
}

describe('validators', () => {
  it('every document has a strong ETag that is the hash of its body bytes', async () => {
    for (const key of site.keys()) {
      const res = await app.request(urlPath(key))
      const body = new Uint8Array(await res.arrayBuffer())
      const hash = createHash('sha256').update(body).digest('base64url').slice(0, 27)
      expect(res.headers.get('etag'), urlPath(key)).toBe(`"${hash}"`)
    }
  })

  it('identical bytes give the identical ETag in another snapshot (restart, other machine)', async () => {
    const again = await seeds.site({ maxItems: 3 })
    for (const key of site.keys()) expect(again.get(key)!.etag, urlPath(key)).toBe(site.get(key)!.etag)
  })

  it('Last-Modified is the newest item date of that very document', async () => {
    for (const [path, ms] of Object.entries(KINDS)) {
      expect((await app.request(path)).headers.get('last-modified'), path).toBe(httpDate(ms))
    }
  })

  it('Last-Modified is never later than the response (an article dated a little ahead)', () => {
    const doc = site.get({ type: 'feed', scope: null, format: 'rss', page: HEAD })!
    const now = dateOf(7) - 60_000
    expect(respond(doc, new Headers(), now).headers.get('last-modified')).toBe(httpDate(now))
  })
})

describe('304 Not Modified', () => {
  for (const [path, ms] of Object.entries(KINDS)) {
    it(`${path}: 304 on If-None-Match and on If-Modified-Since, with ETag, Cache-Control and Vary`, async () => {
      const full = await app.request(path)
      const etag = full.headers.get('etag')!
      for (const headers of [{ 'if-none-match': etag }, { 'if-modified-since': httpDate(ms) }] as Record<string, string>[]) {
        const res = await app.request(path, { headers })
        expect(res.status, JSON.stringify(headers)).toBe(304)
        expect(await res.text()).toBe('')
        expect(res.headers.get('etag')).toBe(etag)
        expect(res.headers.get('cache-control')).toBe(full.headers.get('cache-control'))
        expect(res.headers.get('vary')).toBe('Accept-Encoding')
        expect(res.headers.get('content-type')).toBeNull()
        expect(res.headers.get('content-length')).toBeNull()
      }
    })
  }

  it('If-None-Match: a list, weak comparison and * all match', async () => {
    const etag = (await app.request('/rss.xml')).headers.get('etag')!
    for (const inm of [`"nope", ${etag}`, `W/${etag}`, `"a",W/"b" , W/${etag}`, '*']) {
      expect((await app.request('/rss.xml', { headers: { 'if-none-match': inm } })).status, inm).toBe(304)
    }
  })

  it('If-None-Match that does not match gives 200 with the body', async () => {
    const res = await app.request('/rss.xml', { headers: { 'if-none-match': '"stale", W/"older"' } })
    expect(res.status).toBe(200)
    expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(500)
  })

  it('If-Modified-Since is ignored when If-None-Match is present', async () => {
    const headers = { 'if-none-match': '"stale"', 'if-modified-since': httpDate(dateOf(9)) }
    expect((await app.request('/rss.xml', { headers })).status).toBe(200)
  })

  it('If-Modified-Since: 304 at or after Last-Modified, 200 before it, ignored when not one valid date', async () => {
    const at = async (value: string) => (await app.request('/rss.xml', { headers: { 'if-modified-since': value } })).status
    expect(await at(httpDate(dateOf(7)))).toBe(304)
    expect(await at(httpDate(dateOf(8)))).toBe(304)
    expect(await at(httpDate(dateOf(7) - 1000))).toBe(200)
    expect(await at('yesterday')).toBe(200)
    expect(await at(`${httpDate(dateOf(8))}, ${httpDate(dateOf(8))}`)).toBe(200)
  })
})

describe('caching and security headers', () => {
  it('heads, pages and index documents revalidate; full archives are immutable for a year', async () => {
    for (const path of ['/rss.xml', '/topics/ai/feed.json', '/rss/page/2.xml', '/topics.json', '/topics.opml', '/']) {
      expect((await app.request(path)).headers.get('cache-control'), path).toBe('public, max-age=300, stale-while-revalidate=600')
    }
    for (const path of ['/rss/archive/1.xml', '/topics/ai/atom/archive/2.xml']) {
      expect((await app.request(path)).headers.get('cache-control'), path).toBe('public, max-age=31536000, immutable')
    }
  })

  it('Cache-Control is configurable and RSS <ttl> follows max-age', async () => {
    const other = await seeds.site({ maxItems: 3, maxAge: 120, staleWhileRevalidate: 30, archiveMaxAge: 86400 })
    const otherApp = createApp({ site: () => other })
    const head = await otherApp.request('/rss.xml')
    expect(head.headers.get('cache-control')).toBe('public, max-age=120, stale-while-revalidate=30')
    expect(await head.text()).toContain('<ttl>2</ttl>')
    expect((await otherApp.request('/rss/archive/1.xml')).headers.get('cache-control')).toBe('public, max-age=86400, immutable')
    expect(await (await app.request('/rss.xml')).text()).toContain('<ttl>5</ttl>')
  })

  it('nosniff everywhere; CORS on feeds, JSON and OPML but not on the HTML page', async () => {
    for (const path of Object.keys(KINDS)) {
      const res = await app.request(path)
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff')
      expect(res.headers.get('vary'), path).toBe('Accept-Encoding')
      const cors = path === '/' ? null : '*'
      expect(res.headers.get('access-control-allow-origin'), path).toBe(cors)
      expect(res.headers.get('access-control-expose-headers'), path).toBe(cors && 'ETag, Link')
    }
  })

  it('answers a CORS preflight for conditional requests', async () => {
    const res = await app.request('/rss.xml', { method: 'OPTIONS', headers: { origin: 'https://reader.example', 'access-control-request-headers': 'if-none-match' } })
    expect(res.status).toBe(204)
    expect(res.headers.get('access-control-allow-origin')).toBe('*')
    expect(res.headers.get('access-control-allow-headers')).toContain('If-None-Match')
  })

  it('a 404 is readable cross-origin', async () => {
    const res = await app.request('/rss/page/99.xml')
    expect(res.status).toBe(404)
    expect(res.headers.get('access-control-allow-origin')).toBe('*')
  })
})

describe('HEAD', () => {
  for (const encoding of ['identity', 'gzip', 'br']) {
    it(`has the same headers as GET, Content-Length included, and no body (${encoding})`, async () => {
      for (const path of Object.keys(KINDS)) {
        const headers: Record<string, string> = { 'accept-encoding': encoding }
        const get = await app.request(path, { headers })
        const head = await app.request(path, { method: 'HEAD', headers })
        expect(head.status).toBe(200)
        expect(headerRecord(head.headers), path).toEqual(headerRecord(get.headers))
        expect(Number(head.headers.get('content-length'))).toBe((await get.arrayBuffer()).byteLength)
        expect((await head.arrayBuffer()).byteLength).toBe(0)
      }
    })
  }

  it('answers 304 to a conditional HEAD', async () => {
    const etag = (await app.request('/atom.xml')).headers.get('etag')!
    const res = await app.request('/atom.xml', { method: 'HEAD', headers: { 'if-none-match': etag } })
    expect(res.status).toBe(304)
  })
})
