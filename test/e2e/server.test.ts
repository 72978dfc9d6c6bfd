/**
 * End to end: the real server (`runServe`, @hono/node-server) on a loopback port, read by real
 * HTTP clients: node:http for the raw bytes (gzip/br on the wire, HEAD) and fetch (undici) as
 * an aggregator would use it (decoding, conditional requests, paging).
 */
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { resolveConfig } from '../../src/config.js'
import { runServe, type RunningServer } from '../../src/cli/serve.js'
import type { Io } from '../../src/io.js'
import { TEST_NOW } from '../helpers/site.js'
import { BASE, SeedDir, idOf } from '../http/fixture.js'
import { readFeed } from '../paging/feed-links.js'

let seeds: SeedDir
let server: RunningServer
const lines: string[] = []
const io: Io = { out: (l) => lines.push(l), err: (l) => lines.push(l), now: () => TEST_NOW }

beforeAll(async () => {
  seeds = await SeedDir.create()
  await seeds.write(1, 7)
  const config = resolveConfig({ seeds: seeds.seeds, host: '127.0.0.1', port: 0, baseUrl: BASE, maxItems: 3, archiveSize: 3, watch: false })
  server = await runServe(config, io)
})
afterAll(async () => {
  await server?.close()
  await seeds?.cleanup()
})

interface Raw {
  status: number
  headers: IncomingHttpHeaders
  body: Buffer
}

/** One request with node:http: the bytes exactly as they came over the wire, nothing decoded. */
function raw(path: string, method = 'GET', headers: Record<string, string> = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${server.url}${path}`, { method, headers, timeout: 10_000 }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }))
      res.on('error', reject)
    })
    req.on('timeout', () => req.destroy(new Error(`timeout: ${path}`)))
    req.on('error', reject)
    req.end()
  })
}

describe('the real server over loopback', () => {
  it('listens on 127.0.0.1 with an OS-assigned port', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(server.port).toBeGreaterThan(0)
  })

  it('sends gzip and br on the wire that decode to the identity bytes, with matching Content-Length', async () => {
    const plain = await raw('/rss.xml', 'GET', { 'accept-encoding': 'identity' })
    expect(plain.status).toBe(200)
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(Number(plain.headers['content-length'])).toBe(plain.body.byteLength)
    expect(plain.headers.date).toBeDefined()
    for (const [enc, decode] of [['gzip', gunzipSync], ['br', brotliDecompressSync]] as const) {
      const res = await raw('/rss.xml', 'GET', { 'accept-encoding': enc })
      expect(res.headers['content-encoding']).toBe(enc)
      expect(res.headers.vary).toBe('Accept-Encoding')
      expect(res.headers.etag).toBe(plain.headers.etag!.replace(/"$/, `-${enc}"`))
      expect(Number(res.headers['content-length'])).toBe(res.body.byteLength)
      expect(decode(res.body).equals(plain.body)).toBe(true)
    }
  })

  it('HEAD sends the GET headers, Content-Length included, and no body', async () => {
    for (const enc of ['identity', 'gzip']) {
      const get = await raw('/atom.xml', 'GET', { 'accept-encoding': enc })
      const head = await raw('/atom.xml', 'HEAD', { 'accept-encoding': enc })
      expect(head.status).toBe(200)
      expect(head.body.byteLength).toBe(0)
      expect(head.headers['content-length']).toBe(String(get.body.byteLength))
      for (const name of ['etag', 'last-modified', 'cache-control', 'content-type', 'content-encoding', 'vary']) {
        expect(head.headers[name], name).toBe(get.headers[name])
      }
    }
  })

  it('answers fetch like an aggregator expects: decoded body, then 304 on either validator', async () => {
    const first = await fetch(`${server.url}/feed.json`)
    expect(first.status).toBe(200)
    const feed = readFeed('json', await first.text())
    expect(feed.ids[0]).toBe(idOf(7))
    const etag = first.headers.get('etag')!
    const lastModified = first.headers.get('last-modified')!
    for (const headers of [{ 'if-none-match': etag }, { 'if-modified-since': lastModified }] as Record<string, string>[]) {
      const again = await fetch(`${server.url}/feed.json`, { headers })
      expect(again.status).toBe(304)
      expect(await again.text()).toBe('')
      expect(again.headers.get('etag')).toBe(etag)
      expect(again.headers.get('cache-control')).toBe('public, max-age=300, stale-while-revalidate=600')
    }
    const raw304 = await raw('/feed.json', 'GET', { 'if-none-match': etag })
    expect(raw304.status).toBe(304)
    expect(raw304.body.byteLength).toBe(0)
  })

  it('lets a client walk the pages over the wire and see every item once', async () => {
    const ids: string[] = []
    let url: string | undefined = `${BASE}/atom.xml`
    for (let hops = 0; url && hops < 10; hops++) {
      const res = await fetch(`${server.url}${url.slice(BASE.length)}`)
      expect(res.status).toBe(200)
      const view = readFeed('atom', await res.text())
      ids.push(...view.ids)
      url = view.links.next
    }
    expect(ids).toEqual([7, 6, 5, 4, 3, 2, 1].map(idOf))
    expect((await fetch(`${server.url}/atom/page/4.xml`)).status).toBe(404)
  })

  it('answers ?page=N with a 302 to the walk\'s document: head 7–5, bridge 4, archive 1 = 3–1', async () => {
    const locations: (string | null)[] = []
    for (const n of [2, 3]) {
      // `manual`: the Location is under the configured base URL, not this loopback port.
      const res = await fetch(`${server.url}/atom.xml?page=${n}`, { redirect: 'manual' })
      expect(res.status).toBe(302)
      expect(res.headers.get('cache-control')).toBe('public, max-age=300, stale-while-revalidate=600')
      locations.push(res.headers.get('location'))
    }
    expect(locations).toEqual([`${BASE}/atom/page/2.xml`, `${BASE}/atom/archive/1.xml`])
    const ids: string[] = []
    for (const url of locations) ids.push(...readFeed('atom', await (await fetch(`${server.url}${url!.slice(BASE.length)}`)).text()).ids)
    expect(ids).toEqual([4, 3, 2, 1].map(idOf))
    expect((await fetch(`${server.url}/atom.xml?page=4`, { redirect: 'manual' })).status).toBe(404)
  })
})
