/** Every route of the path table answers in-process with the right status, Content-Type and body. */
import { beforeAll, describe, expect, it } from 'vitest'
import type { Hono } from 'hono'
import { createApp } from '../../src/http/app.js'
import type { Site } from '../../src/documents/site.js'
import { FIXTURES, siteFromDir } from '../helpers/site.js'

let site: Site
let app: Hono

beforeAll(async () => {
  ;({ site } = await siteFromDir(FIXTURES))
  app = createApp({ site: () => site })
})

const TYPES: Record<string, string> = {
  '/rss.xml': 'application/rss+xml; charset=utf-8',
  '/atom.xml': 'application/atom+xml; charset=utf-8',
  '/feed.json': 'application/feed+json; charset=utf-8',
  '/topics/ai-hardware/rss.xml': 'application/rss+xml; charset=utf-8',
  '/topics/ai-hardware/atom.xml': 'application/atom+xml; charset=utf-8',
  '/topics/ai-hardware/feed.json': 'application/feed+json; charset=utf-8',
  '/topics/%E4%B8%AD%E5%9B%BD/feed.json': 'application/feed+json; charset=utf-8',
  '/topics.json': 'application/json; charset=utf-8',
  '/topics.opml': 'text/x-opml; charset=utf-8',
  '/': 'text/html; charset=utf-8',
  '/icon.png': 'image/png',
}

describe('routes', () => {
  for (const [path, type] of Object.entries(TYPES)) {
    it(`GET ${path} → 200 ${type}`, async () => {
      const res = await app.request(path)
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toBe(type)
      expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(100)
    })
    it(`HEAD ${path} → same headers, no body`, async () => {
      const get = await app.request(path)
      const head = await app.request(path, { method: 'HEAD' })
      expect(head.status).toBe(200)
      expect(head.headers.get('etag')).toBe(get.headers.get('etag'))
      expect(head.headers.get('content-length')).toBe(get.headers.get('content-length'))
      expect(await head.text()).toBe('')
    })
  }

  it('serves the unencoded Unicode topic path too', async () => {
    const res = await app.request('/topics/中国/rss.xml')
    expect(res.status).toBe(200)
  })

  it('/topics.json lists every topic with name, slug, count, newest date and its three feed URLs', async () => {
    const body = (await (await app.request('/topics.json')).json()) as { topics: Record<string, unknown>[] }
    expect(body.topics).toContainEqual({
      name: 'AI Hardware',
      slug: 'ai-hardware',
      count: 3,
      updated: '2024-03-12T00:00:00.000Z',
      feeds: {
        rss: 'http://localhost:3000/topics/ai-hardware/rss.xml',
        atom: 'http://localhost:3000/topics/ai-hardware/atom.xml',
        json: 'http://localhost:3000/topics/ai-hardware/feed.json',
      },
    })
    expect(body.topics).toHaveLength(site.catalog.topics.size)
  })

  it('/topics.opml is OPML 2.0 with one outline per topic feed plus the global feed', async () => {
    const opml = await (await app.request('/topics.opml')).text()
    expect(opml).toContain('<opml version="2.0">')
    const urls = [...opml.matchAll(/xmlUrl="([^"]+)"/g)].map((m) => m[1])
    // Grouped by kind (issue 14): topics, then providers, then categories, each in slug order.
    const folders = { topic: 'topics', provider: 'providers', category: 'categories' } as const
    expect(urls).toEqual(['http://localhost:3000/rss.xml', ...[...site.scopes()].map((s) => `http://localhost:3000/${folders[s.kind]}/${encodeURIComponent(s.slug)}/rss.xml`)])
    expect([...opml.matchAll(/<outline text="(\w+)" title="\w+">/g)].map((m) => m[1])).toEqual(['Topics', 'Providers', 'Categories'])
  })

  it('/ has autodiscovery links for the global feeds and links every topic page, which links the topic\'s feeds', async () => {
    const html = await (await app.request('/')).text()
    expect(html).toContain('<link rel="alternate" type="application/rss+xml" title="Feedstand (RSS)" href="http://localhost:3000/rss.xml">')
    expect(html).toContain('<link rel="alternate" type="application/atom+xml" title="Feedstand (Atom)" href="http://localhost:3000/atom.xml">')
    expect(html).toContain('<link rel="alternate" type="application/feed+json" title="Feedstand (JSON Feed)" href="http://localhost:3000/feed.json">')
    // The site page links each topic's page (site-relative); the topic page carries its feeds.
    for (const slug of site.catalog.topics.keys()) {
      expect(html).toContain(`href="/topics/${encodeURIComponent(slug)}/"`)
      const page = await (await app.request(`/topics/${encodeURIComponent(slug)}/`)).text()
      expect(page).toContain(`href="http://localhost:3000/topics/${encodeURIComponent(slug)}/atom.xml"`)
    }
    expect(html).toContain('<span class="topic-name">Économie</span> <span class="count">1</span>')
  })

  it('/healthz says ok with article and topic counts', async () => {
    const res = await app.request('/healthz')
    expect(res.status).toBe(200)
    const body = await res.text()
    expect(body).toMatch(/^ok\n/)
    expect(body).toContain(`articles: 8\n`)
    expect(body).toContain(`topics: 5\n`)
  })

  it('an unknown topic or path is a 404 that points to /topics.json', async () => {
    for (const path of ['/topics/nope/rss.xml', '/nope', '/topics/ai/rss.json', '/topics/%2E%2E%2Fx/rss.xml', '/topics/%00/rss.xml']) {
      const res = await app.request(path)
      expect(res.status, path).toBe(404)
      expect(await res.text()).toContain('/topics.json')
    }
  })

  it('dot segments resolve as a browser resolves them (WHATWG URL), never outside the path table', async () => {
    const res = await app.request('/topics/%2E%2E/rss.xml')
    expect(res.headers.get('etag')).toBe((await app.request('/rss.xml')).headers.get('etag'))
  })

  it('methods other than GET and HEAD get 405 with Allow', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
      const res = await app.request('/rss.xml', { method })
      expect(res.status, method).toBe(405)
      expect(res.headers.get('allow')).toBe('GET, HEAD')
    }
  })
})
