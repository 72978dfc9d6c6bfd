/**
 * Every answer of the app carries `Vary: Accept-Encoding` and nosniff, not only the documents:
 * /healthz, 404, 400, 302 and the incompressible icon too; and a HEAD answer states the
 * Content-Length its GET would have (RFC 9110 §9.3.2), in process and over a real Node server.
 */
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http'
import type { Hono } from 'hono'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listen, type RunningServer } from '../../src/cli/serve.js'
import type { Config } from '../../src/config.js'
import { createApp } from '../../src/http/app.js'
import { FIXTURES, siteFromDir } from '../helpers/site.js'

/** One of each kind of answer that is not a feed document (maxItems 2: the fixtures have a page 2). */
const ANSWERS: Record<string, number> = {
  '/healthz': 200,
  '/nope': 404,
  '/topics/nope/rss.xml': 404,
  '/rss.xml?page=x': 400,
  '/rss.xml?limit=0': 400,
  '/rss.xml?page=2': 302,
  '/icon.png': 200,
}

let app: Hono
let config: Config

beforeAll(async () => {
  const built = await siteFromDir(FIXTURES, { maxItems: 2, host: '127.0.0.1', port: 0 })
  config = built.config
  app = createApp({ site: () => built.site })
})

describe('headers of every answer, in process', () => {
  for (const [path, status] of Object.entries(ANSWERS)) {
    it(`${path} → ${status} with Vary: Accept-Encoding and nosniff`, async () => {
      const res = await app.request(path)
      expect(res.status).toBe(status)
      expect(res.headers.get('vary')).toBe('Accept-Encoding')
      expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    })
  }

  it('405 and the CORS preflight too', async () => {
    for (const method of ['POST', 'OPTIONS']) {
      const res = await app.request('/rss.xml', { method })
      expect(res.status, method).toBe(method === 'POST' ? 405 : 204)
      expect(res.headers.get('vary'), method).toBe('Accept-Encoding')
      expect(res.headers.get('x-content-type-options'), method).toBe('nosniff')
    }
  })

  for (const path of ['/healthz', '/nope', '/rss.xml?page=x']) {
    it(`HEAD ${path}: the Content-Length of its GET, no body`, async () => {
      const get = await app.request(path)
      const bytes = (await get.arrayBuffer()).byteLength
      expect(get.headers.get('content-length')).toBe(String(bytes))
      const head = await app.request(path, { method: 'HEAD' })
      expect(head.status).toBe(get.status)
      expect(head.headers.get('content-length')).toBe(String(bytes))
      expect((await head.arrayBuffer()).byteLength).toBe(0)
    })
  }
})

function raw(base: string, path: string, method: string): Promise<{ status: number; headers: IncomingHttpHeaders; length: number }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${base}${path}`, { method, timeout: 10_000 }, (res) => {
      let length = 0
      res.on('data', (c: Buffer) => (length += c.byteLength))
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, length }))
      res.on('error', reject)
    })
    req.on('timeout', () => req.destroy(new Error(`timeout: ${path}`)))
    req.on('error', reject)
    req.end()
  })
}

describe('HEAD over a real Node server', () => {
  let server: RunningServer
  beforeAll(async () => {
    server = await listen(app.fetch, config, { out: () => {}, err: () => {}, now: () => Date.now() })
  })
  afterAll(async () => {
    await server?.close()
  })

  for (const path of ['/healthz', '/nope']) {
    it(`HEAD ${path} states the length GET sends`, async () => {
      const get = await raw(server.url, path, 'GET')
      const head = await raw(server.url, path, 'HEAD')
      expect(get.headers['content-length']).toBe(String(get.length))
      expect(head.status).toBe(get.status)
      expect(head.headers['content-length']).toBe(String(get.length))
      expect(head.headers.vary).toBe('Accept-Encoding')
      expect(head.headers['x-content-type-options']).toBe('nosniff')
      expect(head.length).toBe(0)
    })
  }
})
