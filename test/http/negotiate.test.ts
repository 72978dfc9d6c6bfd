/**
 * Compression: Accept-Encoding with q-values (RFC 9110 §12.5.3), one representation per
 * encoding with its own ETag, made once per document, and 304 whichever encoding is asked.
 */
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Hono } from 'hono'
import type { Compressor } from '../../src/documents/document.js'
import type { Site } from '../../src/documents/site.js'
import { createApp } from '../../src/http/app.js'
import { acceptedEncodings } from '../../src/http/negotiate.js'
import { nodeCompressor } from '../../src/node/compress.js'
import { SeedDir } from './fixture.js'

let seeds: SeedDir
let site: Site
let app: Hono
const calls = { gzip: 0, br: 0 }

beforeAll(async () => {
  seeds = await SeedDir.create()
  await seeds.write(1, 12)
  // The real compressor, counting its calls: compression must happen once per document, not per request.
  const real = nodeCompressor()
  const counting: Compressor = {
    gzip: (b) => (calls.gzip++, real.gzip(b)),
    br: (b) => (calls.br++, real.br(b)),
  }
  site = await seeds.site({ maxItems: 5 }, undefined, counting)
  app = createApp({ site: () => site })
})
afterAll(() => seeds.cleanup())

const get = (path: string, acceptEncoding?: string, extra: Record<string, string> = {}) =>
  app.request(path, { headers: { ...(acceptEncoding !== undefined && { 'accept-encoding': acceptEncoding }), ...extra } })

describe('acceptedEncodings', () => {
  const cases: [string | null, string[]][] = [
    [null, ['identity']],
    ['', ['identity']],
    ['gzip', ['gzip', 'identity']],
    ['gzip, deflate, br', ['br', 'gzip', 'identity']],
    ['gzip;q=1.0, br;q=0.5', ['gzip', 'br', 'identity']],
    ['br;q=0, gzip', ['gzip', 'identity']],
    ['gzip;q=0', ['identity']],
    ['identity;q=0, gzip', ['gzip']],
    ['*', ['br', 'gzip', 'identity']],
    ['*;q=0', []],
    ['*;q=0, identity', ['identity']],
    ['*;q=0.2, gzip;q=0.5', ['gzip', 'br', 'identity']],
    ['identity;q=0.9, gzip;q=0.5', ['identity', 'gzip']],
    ['x-gzip', ['gzip', 'identity']],
    ['GZIP ; Q=0.5 , BR;q=0.4', ['gzip', 'br', 'identity']],
    // An invalid qvalue is ignored: the coding keeps the default weight 1.
    ['gzip;q=2, br;q=0.4', ['gzip', 'br', 'identity']],
    ['compress, deflate', ['identity']],
  ]
  for (const [header, expected] of cases) {
    it(`${JSON.stringify(header)} → ${expected.join(', ') || 'nothing'}`, () => {
      expect(acceptedEncodings(header)).toEqual(expected)
    })
  }
})

describe('compressed representations', () => {
  it('gzip and br bodies decode to the identity bytes, each with its own ETag and length', async () => {
    const plain = await get('/rss.xml')
    const bytes = Buffer.from(await plain.arrayBuffer())
    const etag = plain.headers.get('etag')!
    expect(plain.headers.get('content-encoding')).toBeNull()
    const tags = new Set([etag])
    for (const [enc, decode] of [['gzip', gunzipSync], ['br', brotliDecompressSync]] as const) {
      const res = await get('/rss.xml', enc)
      expect(res.headers.get('content-encoding')).toBe(enc)
      const body = Buffer.from(await res.arrayBuffer())
      expect(Number(res.headers.get('content-length'))).toBe(body.byteLength)
      expect(body.byteLength).toBeLessThan(bytes.byteLength)
      expect(decode(body)).toEqual(bytes)
      tags.add(res.headers.get('etag')!)
      expect(res.headers.get('etag')).toMatch(/^"[^"]+"$/) // strong
    }
    expect(tags.size).toBe(3)
  })

  const chosen: [string, string | null][] = [
    ['gzip, br', 'br'],
    ['gzip;q=1, br;q=0.5', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['identity;q=0, gzip;q=0.1, br;q=0.2', 'br'],
    ['*', 'br'],
    ['*;q=0, gzip', 'gzip'],
    ['gzip;q=0', null],
    ['identity;q=1, br;q=0.5', null],
    // Nothing acceptable: identity anyway (RFC 9110 §12.1 lets the server disregard the field).
    ['identity;q=0, gzip;q=0, br;q=0', null],
  ]
  for (const [header, encoding] of chosen) {
    it(`Accept-Encoding: ${header} → ${encoding ?? 'identity'}`, async () => {
      const res = await get('/atom.xml', header)
      expect(res.status).toBe(200)
      expect(res.headers.get('content-encoding')).toBe(encoding)
      expect(res.headers.get('vary')).toBe('Accept-Encoding')
    })
  }

  it('a document that does not compress (the PNG icon) is always sent as is, and says Vary like every answer (issue 15 #10)', async () => {
    const res = await get('/icon.png', 'br, gzip')
    expect(res.headers.get('content-encoding')).toBeNull()
    expect(res.headers.get('vary')).toBe('Accept-Encoding')
  })

  it('a conditional request gets its 304 whichever encoding it asks for now', async () => {
    const tags = await Promise.all(['identity', 'gzip', 'br'].map(async (e) => (await get('/feed.json', e)).headers.get('etag')!))
    for (const tag of tags) {
      for (const enc of ['identity', 'gzip', 'br']) {
        const res = await get('/feed.json', enc, { 'if-none-match': tag })
        expect(res.status, `${tag} asked as ${enc}`).toBe(304)
        // The 304 names the representation this request would have got (RFC 9110 §15.4.5).
        expect(res.headers.get('etag')).toBe(tags[['identity', 'gzip', 'br'].indexOf(enc)])
      }
    }
  })

  it('compresses each document once, whatever the number of requests', async () => {
    for (let i = 0; i < 25; i++) {
      await get('/topics/ai/rss.xml', 'gzip')
      await get('/topics/ai/rss.xml', 'br')
    }
    const doc = site.get({ type: 'feed', scope: { kind: 'topic', slug: 'ai' }, format: 'rss', page: { kind: 'head' } })!
    expect(doc.variant('gzip')).toBe(doc.variant('gzip'))
    const before = { ...calls }
    for (let i = 0; i < 25; i++) await get('/topics/ai/rss.xml', 'gzip, br')
    expect(calls).toEqual(before)
  })
})
