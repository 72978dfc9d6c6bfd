/**
 * The static tree as Cloudflare serves it without the Worker (Workers static assets, the engine
 * Cloudflare Pages shares): miniflare's asset worker is Cloudflare's own (workers-shared), so its
 * `_headers` parser and rule matcher read the build's file as the edge does, not as our parser
 * in static-tree-findings.test.ts thinks they do.
 */
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { SeedDir } from '../http/fixture.js'
import { CORPUS, builtCorpus } from './fixture.js'
import { wire } from './http.js'
import { KINDS } from './kinds.js'

let seeds: SeedDir
let root: string
let baseUrl: string
let stop: () => Promise<void>

beforeAll(async () => {
  ;({ seeds, root } = await builtCorpus())
  process.env.CLOUDFLARE_CF_FETCH_ENABLED = 'false' // no Request.cf download (see workerd.ts)
  const { Miniflare, convertV4MiniflareOptions } = await import('miniflare')
  const mf = new Miniflare(
    convertV4MiniflareOptions({
      name: 'assets-only',
      modules: true,
      script: 'export default {}',
      compatibilityDate: '2025-09-01',
      host: '127.0.0.1',
      port: 0,
      assets: { directory: root, routerConfig: { has_user_worker: false } },
    } as Parameters<typeof convertV4MiniflareOptions>[0]),
  )
  baseUrl = (await mf.ready).origin
  stop = () => mf.dispose()
})
afterAll(async () => {
  await stop?.()
  await seeds?.cleanup()
})

it('gives every kind of document the server\'s Content-Type and Cache-Control through _headers', async () => {
  // `/index.html` is the host's 307 to `/` (its default html_handling), not a document answer.
  for (const k of KINDS.filter((k) => !k.path.endsWith('/index.html'))) {
    const res = await wire(baseUrl + k.path)
    expect(res.status, k.path).toBe(200)
    expect(res.headers['content-type'], k.path).toBe(k.contentType)
    expect(res.headers['cache-control'], k.path).toBe(k.cacheControl)
    expect(res.headers['access-control-allow-origin'], k.path).toBe(k.cors ? '*' : undefined)
  }
})

it('labels no .gz or .br file as a document: the host types them by their own extension', async () => {
  const variants = (await readdir(root, { recursive: true, withFileTypes: true })).filter((e) => e.isFile() && /\.(gz|br)$/.test(e.name))
  expect(variants.length).toBeGreaterThan(50)
  for (const e of variants) {
    const path = '/' + join(e.parentPath, e.name).slice(root.length + 1).split('/').map(encodeURIComponent).join('/')
    const res = await wire(baseUrl + path)
    expect(res.status, path).toBe(200)
    expect(res.headers['content-type'] ?? '', path).not.toMatch(/rss|atom|feed\+json|opml|html|charset/)
  }
})

it('sends the newest item\'s date as Last-Modified where a rule is one document\'s', async () => {
  for (const path of ['/rss.xml', '/atom.xml', '/feed.json', '/topics.json', '/']) {
    expect((await wire(baseUrl + path)).headers['last-modified'], path).toBe(new Date(CORPUS.newestMs).toUTCString())
  }
})
