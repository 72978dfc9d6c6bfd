/**
 * The HTTP contract every way of serving Feedstand must keep (like unstorage's `testDriver`): one
 * function registers the same assertions against a target, so the Node server, nginx over the
 * static tree and (later) the Worker can never drift apart. A target that cannot do something
 * says so in its capabilities, and those tests show up as skipped with that reason, not as absent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Format } from '../../src/paths.js'
import { readFeed } from '../paging/feed-links.js'
import { CORPUS } from './fixture.js'
import { decoded, wire, type Wire } from './http.js'
import { COMPRESSIBLE, EXPOSED_HEADERS, KINDS, REVALIDATING } from './kinds.js'

/** `true`: the target does it; otherwise why it cannot (shown as the skip reason). */
export type Capability = true | { skip: string }

export interface Capabilities {
  /** `?page=N` answered with a 302 to the paged walk's Nth document. */
  pageQuery: Capability
  /** `?limit=N` answered with the newest N items. */
  limitQuery: Capability
  /** 405 (with Allow) for methods other than GET, HEAD and OPTIONS. */
  methodNotAllowed: Capability
  /** brotli (`br`) offered when the client accepts it. */
  brotli: Capability
  /** Last-Modified is the newest item's date (the same on every build), not a file time. */
  itemLastModified: Capability
  /** A matching If-None-Match gives 304 whatever If-Modified-Since says (RFC 9110 §13.1.3: the latter is then ignored). */
  ifNoneMatchWins: Capability
}

export interface RunningTarget {
  /** Where the target listens, without trailing slash: `http://127.0.0.1:8123`. */
  baseUrl: string
  stop(): Promise<void>
}

export interface Target {
  name: string
  capabilities: Capabilities
  /** Starts the target over the contract corpus (test/contract/fixture.ts). */
  start(): Promise<RunningTarget>
}

/** Registers the contract suite for `target`. */
export function contractSuite(target: Target): void {
  const caps = target.capabilities
  let running: RunningTarget
  const url = (path: string) => running.baseUrl + path
  const get = (path: string, headers: Record<string, string> = {}, method = 'GET') => wire(url(path), method, headers)
  /** A link in a document names the configured base URL; the target listens elsewhere. */
  const local = (href: string) => {
    expect(href.startsWith(CORPUS.base), href).toBe(true)
    return href.slice(CORPUS.base.length)
  }
  /** `it` when the target can, else a skipped test whose name carries the reason. */
  const itIf = (cap: Capability, title: string, fn: () => Promise<void>) =>
    cap === true ? it(title, fn) : it.skip(`${title} (skipped on ${target.name}: ${cap.skip})`, fn)

  describe(`HTTP contract: ${target.name}`, () => {
    beforeAll(async () => {
      running = await target.start()
    })
    afterAll(async () => {
      await running?.stop()
    })

    it('answers every kind of document 200 with its Content-Type (charset), Cache-Control, nosniff, CORS and Vary', async () => {
      for (const k of KINDS) {
        const res = await get(k.path)
        const h = res.headers
        expect(res.status, k.path).toBe(200)
        expect(h['content-type'], k.path).toBe(k.contentType)
        expect(h['cache-control'], k.path).toBe(k.cacheControl)
        expect(h['x-content-type-options'], k.path).toBe('nosniff')
        expect(h['content-encoding'], k.path).toBeUndefined()
        expect(Number(h['content-length']), k.path).toBe(res.body.byteLength)
        expect(h.etag, k.path).toMatch(/^"[^"]+"$/)
        expect(h['access-control-allow-origin'], k.path).toBe(k.cors ? '*' : undefined)
        expect(h['access-control-expose-headers'], k.path).toBe(k.cors ? EXPOSED_HEADERS : undefined)
        expect(h.vary, k.path).toBe(k.compressible ? 'Accept-Encoding' : undefined)
        if (k.dated) expect(Date.parse(h['last-modified']!), k.path).not.toBeNaN()
      }
    })

    it('answers 304 on If-None-Match: the tag, a list holding it, its weak form, and *; 200 on other tags', async () => {
      for (const k of KINDS) {
        const first = await get(k.path)
        const etag = first.headers.etag!
        for (const inm of [etag, `"nope", ${etag}`, `W/${etag}`, `W/"nope",W/${etag}`, '*']) {
          const res = await get(k.path, { 'if-none-match': inm })
          expect(res.status, `${k.path} If-None-Match: ${inm}`).toBe(304)
          expect(res.body.byteLength).toBe(0)
          expect(res.headers.etag).toBe(etag)
          expect(res.headers['cache-control'], k.path).toBe(k.cacheControl)
        }
        expect((await get(k.path, { 'if-none-match': '"nope", W/"other"' })).status, k.path).toBe(200)
      }
    })

    it('answers 304 on If-Modified-Since at or after Last-Modified, 200 before it, and lets If-None-Match win', async () => {
      for (const k of KINDS.filter((k) => k.dated)) {
        const lastModified = (await get(k.path)).headers['last-modified']!
        const ms = Date.parse(lastModified)
        const at = (d: number) => new Date(d).toUTCString()
        for (const ims of [lastModified, at(ms + 86_400_000)]) {
          const res = await get(k.path, { 'if-modified-since': ims })
          expect(res.status, `${k.path} If-Modified-Since: ${ims}`).toBe(304)
          expect(res.headers['last-modified']).toBe(lastModified)
        }
        expect((await get(k.path, { 'if-modified-since': at(ms - 1000) })).status, k.path).toBe(200)
        // RFC 9110 §13.2.2: with If-None-Match present, If-Modified-Since is not the one that decides.
        expect((await get(k.path, { 'if-none-match': '"nope"', 'if-modified-since': lastModified })).status, k.path).toBe(200)
      }
    })

    itIf(caps.ifNoneMatchWins, 'answers 304 on a matching If-None-Match even with an older If-Modified-Since', async () => {
      for (const k of KINDS.filter((k) => k.dated)) {
        const first = await get(k.path)
        const older = new Date(Date.parse(first.headers['last-modified']!) - 86_400_000).toUTCString()
        expect((await get(k.path, { 'if-none-match': first.headers.etag!, 'if-modified-since': older })).status, k.path).toBe(304)
      }
    })

    itIf(caps.itemLastModified, 'sends the newest item\'s date as Last-Modified', async () => {
      const res = await get('/rss.xml')
      expect(res.headers['last-modified']).toBe(new Date(CORPUS.newestMs).toUTCString())
    })

    describe('compression', () => {
      /** Accept-Encoding → the Content-Encoding the target must choose (undefined: identity). */
      const cases: [string, string | undefined, Capability][] = [
        ['gzip', 'gzip', true],
        ['identity', undefined, true],
        ['', undefined, true],
        ['gzip;q=0', undefined, true],
        ['gzip;q=0, br;q=0', undefined, true],
        ['deflate', undefined, true],
        ['br;q=0, gzip', 'gzip', true],
        ['br', 'br', caps.brotli],
        ['gzip;q=0.5, br;q=1', 'br', caps.brotli],
      ]
      for (const [accept, expected, cap] of cases) {
        itIf(cap, `Accept-Encoding: "${accept}" → ${expected ?? 'identity'}, decoding to the identity bytes`, async () => {
          for (const k of COMPRESSIBLE) {
            const plain = await get(k.path)
            const res = await get(k.path, { 'accept-encoding': accept })
            expect(res.status, k.path).toBe(200)
            expect(res.headers['content-encoding'], k.path).toBe(expected)
            expect(res.headers.vary, k.path).toBe('Accept-Encoding')
            expect(res.headers['content-type'], k.path).toBe(k.contentType)
            expect(Number(res.headers['content-length']), k.path).toBe(res.body.byteLength)
            expect(decoded(res).equals(plain.body), k.path).toBe(true)
            // Another representation, other bytes: another strong tag (RFC 9110 §8.8.3).
            if (expected) expect(res.headers.etag, k.path).not.toBe(plain.headers.etag)
          }
        })
      }

      it('sends gzip to a client behind a proxy or CDN too (a Via header)', async () => {
        for (const k of COMPRESSIBLE) {
          const res = await get(k.path, { 'accept-encoding': 'gzip', via: '1.1 cdn.example' })
          expect(res.headers['content-encoding'], k.path).toBe('gzip')
          expect(res.headers.vary, k.path).toBe('Accept-Encoding')
        }
      })

      it('answers a compressed representation 304 on its own tag', async () => {
        for (const k of COMPRESSIBLE) {
          const first = await get(k.path, { 'accept-encoding': 'gzip' })
          const again = await get(k.path, { 'accept-encoding': 'gzip', 'if-none-match': first.headers.etag! })
          expect(again.status, k.path).toBe(304)
        }
      })

      it('any other Accept-Encoding gets an acceptable coding that decodes to the identity bytes', async () => {
        // Which of the acceptable codings is a target's choice (nginx takes gzip whenever its q > 0).
        const all = ['br', 'gzip', 'identity']
        const cases: [string, string[]][] = [
          ['*', all],
          ['gzip, deflate, br', all],
          ['br;q=0.1, gzip;q=0.9', all],
          ['gzip;q=0.2, identity;q=0.5', ['gzip', 'identity']],
          ['identity;q=1, *;q=0', ['identity']],
          ['GZIP', ['gzip', 'identity']],
          ['x-gzip', ['gzip', 'identity']],
        ]
        for (const k of COMPRESSIBLE) {
          const plain = await get(k.path)
          for (const [accept, acceptable] of cases) {
            const res = await get(k.path, { 'accept-encoding': accept })
            expect(res.status).toBe(200)
            expect(acceptable, `${k.path} ${accept}`).toContain(res.headers['content-encoding'] ?? 'identity')
            expect(decoded(res).equals(plain.body), `${k.path} ${accept}`).toBe(true)
          }
        }
      })
    })

    it('answers HEAD with the GET headers, Content-Length included, and no body', async () => {
      for (const k of KINDS) {
        for (const accept of ['identity', 'gzip']) {
          const g = await get(k.path, { 'accept-encoding': accept })
          const h = await get(k.path, { 'accept-encoding': accept }, 'HEAD')
          expect(h.status, k.path).toBe(200)
          expect(h.body.byteLength, k.path).toBe(0)
          expect(h.headers['content-length'], k.path).toBe(String(g.body.byteLength))
          for (const name of ['etag', 'last-modified', 'cache-control', 'content-type', 'content-encoding', 'vary', 'access-control-allow-origin']) {
            expect(h.headers[name], `${k.path} ${name}`).toBe(g.headers[name])
          }
        }
      }
    })

    it('answers 404 for an unknown topic, page, archive or path, for _headers and for the .gz/.br files', async () => {
      for (const path of ['/topics/nope/rss.xml', '/rss/archive/99.xml', '/rss/page/3.xml', '/rss/page/1.xml', '/nope.txt', '/topics/', '/_headers', '/rss.xml.gz', '/rss.xml.br', '/topics/ai/atom/archive/1.xml.gz']) {
        const res = await get(path)
        expect(res.status, path).toBe(404)
        expect(res.headers['content-encoding'], path).toBeUndefined()
      }
    })

    itIf(caps.methodNotAllowed, 'answers 405 with Allow: GET, HEAD for other methods', async () => {
      for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
        const res = await get('/rss.xml', {}, method)
        expect(res.status, method).toBe(405)
        expect(res.headers.allow, method).toBe('GET, HEAD')
      }
    })

    it('answers a CORS preflight: any origin may GET and send the validators', async () => {
      const res = await get('/rss.xml', { origin: 'https://reader.example', 'access-control-request-method': 'GET', 'access-control-request-headers': 'if-none-match' }, 'OPTIONS')
      expect(res.status).toBe(204)
      expect(res.headers['access-control-allow-origin']).toBe('*')
      expect(res.headers['access-control-allow-methods']).toMatch(/\bGET\b/)
      expect(res.headers['access-control-allow-headers']).toMatch(/If-None-Match/i)
    })

    describe('paging (RFC 5005)', () => {
      const formats: Format[] = ['rss', 'atom', 'json']
      const head = (scope: string, f: Format) => `${scope}/${f === 'json' ? 'feed.json' : `${f}.xml`}`

      /** The documents of the walk from the head, following `next`, with their items. */
      async function walk(scope: string, f: Format): Promise<{ path: string; ids: string[] }[]> {
        const docs: { path: string; ids: string[] }[] = []
        let path: string | undefined = head(scope, f)
        while (path !== undefined && docs.length < 20) {
          const res = await get(path)
          expect(res.status, path).toBe(200)
          const view = readFeed(f, res.body.toString('utf8'))
          docs.push({ path, ids: view.ids })
          path = view.links.next === undefined ? undefined : local(view.links.next)
        }
        return docs
      }

      it('following next from each head through the bridge and the archives gives every item once, in order', async () => {
        for (const [scope, ids] of Object.entries(CORPUS.scopes)) {
          for (const f of formats) {
            const docs = await walk(scope, f)
            expect(docs.length, `${scope} ${f}`).toBeGreaterThan(1)
            expect(docs.flatMap((d) => d.ids), `${scope} ${f}`).toEqual(ids)
          }
        }
      })

      itIf(caps.pageQuery, '?page=N answers 302 to the walk\'s Nth document; past the walk 404; page=1 is the head', async () => {
        for (const scope of Object.keys(CORPUS.scopes)) {
          for (const f of formats) {
            const docs = await walk(scope, f)
            for (let n = 2; n <= docs.length; n++) {
              const res = await get(`${head(scope, f)}?page=${n}`)
              expect(res.status, `${scope} ${f} page ${n}`).toBe(302)
              expect(local(res.headers.location!)).toBe(docs[n - 1]!.path)
              expect(res.headers['cache-control']).toBe(REVALIDATING)
            }
            expect((await get(`${head(scope, f)}?page=${docs.length + 1}`)).status).toBe(404)
            const first = await get(`${head(scope, f)}?page=1`)
            expect(first.status).toBe(200)
            expect(readFeed(f, first.body.toString('utf8')).ids).toEqual(docs[0]!.ids)
          }
        }
      })

      itIf(caps.limitQuery, '?limit=N answers the newest N items', async () => {
        const res = await get('/atom.xml?limit=2')
        expect(res.status).toBe(200)
        expect(readFeed('atom', res.body.toString('utf8')).ids).toEqual(CORPUS.scopes['']!.slice(0, 2))
      })

      it('archives are byte-stable and immutable: the same bytes and ETag on every request, in every encoding', async () => {
        for (const k of KINDS.filter((k) => k.path.includes('/archive/'))) {
          for (const accept of ['identity', 'gzip']) {
            const a: Wire = await get(k.path, { 'accept-encoding': accept })
            const b: Wire = await get(k.path, { 'accept-encoding': accept })
            expect(a.body.equals(b.body), k.path).toBe(true)
            expect(a.headers.etag).toBe(b.headers.etag)
            expect(a.headers['cache-control']).toMatch(/\bimmutable\b/)
          }
          const f: Format = k.path.endsWith('.json') ? 'json' : k.path.includes('/atom/') ? 'atom' : 'rss'
          expect(readFeed(f, (await get(k.path)).body.toString('utf8')).archive, k.path).toBe(true)
        }
      })
    })
  })
}
