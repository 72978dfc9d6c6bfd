/**
 * RFC 5005 paging and archives, as a client sees them through HTTP: walk `next` from the head and
 * see every item once and in order; walk `prev-archive` and rebuild the whole history from
 * documents that never change; out-of-range pages are 404; `?limit` is bounded.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Hono } from 'hono'
import { createApp } from '../../src/http/app.js'
import { FORMATS, type Format } from '../../src/paths.js'
import { validateAtom } from '../helpers/validate.js'
import { BASE, SeedDir, idOf } from '../http/fixture.js'
import { readFeed, type FeedView } from './feed-links.js'

const PER_PAGE = 3
const HEADS: Record<Format, string> = { rss: 'rss.xml', atom: 'atom.xml', json: 'feed.json' }
/** Even articles are also in "Chips", so the two scopes have different sizes. */
const topicsOf = (i: number) => (i % 2 === 0 ? ['AI', 'Chips'] : ['AI'])

const dirs: SeedDir[] = []
afterAll(async () => {
  await Promise.all(dirs.map((d) => d.cleanup()))
})

/** An app over articles 1…n. */
async function appWith(n: number, overrides: Record<string, unknown> = {}): Promise<{ app: Hono; seeds: SeedDir }> {
  const seeds = await SeedDir.create()
  dirs.push(seeds)
  if (n > 0) await seeds.write(1, n, topicsOf)
  const site = await seeds.site({ maxItems: PER_PAGE, ...overrides })
  return { app: createApp({ site: () => site }), seeds }
}

async function fetchFeed(app: Hono, url: string, format: Format): Promise<FeedView & { body: string; status: number; cacheControl: string | null }> {
  expect(url.startsWith(BASE), url).toBe(true)
  const res = await app.request(url.slice(BASE.length))
  const body = await res.text()
  const view = res.status === 200 ? readFeed(format, body) : { ids: [], links: {}, archive: false }
  return { ...view, body, status: res.status, cacheControl: res.headers.get('cache-control') }
}

/** Follows `rel` from `start` until a document has none; every document must answer 200. */
async function walk(app: Hono, start: string, rel: string, format: Format): Promise<FeedView[]> {
  const seen = new Set<string>()
  const docs: FeedView[] = []
  for (let url: string | undefined = start; url !== undefined; ) {
    expect(seen.has(url), `loop at ${url}`).toBe(false)
    expect(docs.length, 'too many documents').toBeLessThan(100)
    seen.add(url)
    const doc = await fetchFeed(app, url, format)
    expect(doc.status, url).toBe(200)
    docs.push(doc)
    url = doc.links[rel]
  }
  return docs
}

const newestFirst = (ids: number[]) => ids.sort((a, b) => b - a).map(idOf)
const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1)

describe('paged feeds (RFC 5005 §3)', () => {
  for (const total of [0, 1, 3, 4, 7, 10]) {
    it(`${total} articles: next from the head to last sees every item once, in order; previous walks back`, async () => {
      const { app } = await appWith(total)
      for (const format of FORMATS) {
        for (const [scope, members] of [['', range(total)], ['topics/chips/', range(total).filter((i) => i % 2 === 0)]] as const) {
          if (scope && members.length === 0) continue
          const head = `${BASE}/${scope}${HEADS[format]}`
          const pages = await walk(app, head, 'next', format)
          const label = `${format} ${scope || 'global'}`
          expect(pages.flatMap((p) => p.ids), label).toEqual(newestFirst([...members]))
          expect(pages).toHaveLength(Math.max(1, Math.ceil(members.length / PER_PAGE)))
          if (pages.length > 1) {
            const last = pages.at(-1)!.links.self
            for (const p of pages) expect([p.links.first, p.links.last], label).toEqual([head, last])
            const back = await walk(app, last!, 'previous', format)
            expect(back.map((p) => p.links.self), label).toEqual(pages.map((p) => p.links.self).reverse())
          } else {
            expect(pages[0]!.links.next ?? pages[0]!.links.first, label).toBeUndefined()
          }
        }
      }
    })
  }

  it('?page=N is the same document as the static page path; page 1 is the head', async () => {
    const { app } = await appWith(10)
    const bytes = async (path: string) => Buffer.from(await (await app.request(path)).arrayBuffer())
    expect(await bytes('/rss.xml?page=2')).toEqual(await bytes('/rss/page/2.xml'))
    expect(await bytes('/topics/ai/feed.json?page=4')).toEqual(await bytes('/topics/ai/feed/page/4.json'))
    expect(await bytes('/atom.xml?page=1')).toEqual(await bytes('/atom.xml'))
  })

  it('out-of-range pages and archives are 404; a malformed page number is 400', async () => {
    const { app } = await appWith(10)
    const status = async (path: string) => (await app.request(path)).status
    for (const path of ['/rss.xml?page=5', '/rss/page/5.xml', '/rss/page/1.xml', '/rss/archive/0.xml', '/rss/archive/4.xml', '/topics/chips/atom/page/3.xml', '/topics/chips/atom/archive/2.xml', '/topics/nope/rss/page/2.xml']) {
      expect(await status(path), path).toBe(404)
    }
    for (const path of ['/rss.xml?page=0', '/rss.xml?page=-1', '/rss.xml?page=two', '/rss.xml?page=']) expect(await status(path), path).toBe(400)
    expect(await status('/rss.xml?page=4')).toBe(200)
  })

  it('the head advertises both the paged set (first/next/last) and the archives (prev-archive)', async () => {
    const { app } = await appWith(10)
    for (const format of FORMATS) {
      const head = await fetchFeed(app, `${BASE}/${HEADS[format]}`, format)
      const rfc5005 = Object.keys(head.links).filter((r) => !['self', 'hub', 'alternate'].includes(r))
      expect(rfc5005.sort(), format).toEqual(['first', 'last', 'next', 'prev-archive'])
    }
  })

  it('pages and archives are valid Atom (RFC 4287 schema) with the RFC 5005 links and fh:archive', async () => {
    const { app } = await appWith(10)
    for (const path of ['/atom/page/2.xml', '/atom/archive/1.xml', '/topics/chips/atom/archive/1.xml']) {
      expect(await validateAtom(await (await app.request(path)).text()), path).toEqual([])
    }
  })
})

describe('archived feeds (RFC 5005 §4)', () => {
  for (const total of [2, 3, 10]) {
    it(`${total} articles: head + prev-archive chain hold the whole history; archives are full, disjoint, oldest first`, async () => {
      const { app } = await appWith(total)
      for (const format of FORMATS) {
        const head = `${BASE}/${HEADS[format]}`
        const [subscription, ...archives] = await walk(app, head, 'prev-archive', format)
        expect(archives).toHaveLength(Math.floor(total / PER_PAGE))
        // Walking back from the newest archive: archive k holds articles (k-1)N+1 … kN.
        archives.forEach((a, i) => {
          const k = archives.length - i
          expect(a.ids, `${format} archive ${k}`).toEqual(newestFirst(range(PER_PAGE).map((j) => (k - 1) * PER_PAGE + j)))
          expect(a.archive).toBe(true)
          expect(a.links.current).toBe(head)
          expect(a.links['next-archive']).toBeUndefined()
          expect(a.links.next ?? a.links.first).toBeUndefined()
        })
        expect(subscription!.archive).toBe(false)
        // A client merges by id: together they hold every article; the archives alone overlap nothing.
        const archived = archives.flatMap((a) => a.ids)
        expect(new Set(archived).size).toBe(archived.length)
        expect(new Set([...subscription!.ids, ...archived])).toEqual(new Set(range(total).map(idOf)))
      }
    })
  }

  it('archives are cached for a year as immutable; pages revalidate', async () => {
    const { app } = await appWith(10)
    expect((await fetchFeed(app, `${BASE}/rss/archive/1.xml`, 'rss')).cacheControl).toBe('public, max-age=31536000, immutable')
    expect((await fetchFeed(app, `${BASE}/rss/page/2.xml`, 'rss')).cacheControl).toBe('public, max-age=300, stale-while-revalidate=600')
  })

  it('newer articles never change an existing full archive: same bytes, same ETag', async () => {
    const { app, seeds } = await appWith(10)
    const before = new Map<string, { body: Buffer; etag: string | null }>()
    for (const scope of ['', 'topics/ai/', 'topics/chips/']) {
      for (const file of ['rss/archive/N.xml', 'atom/archive/N.xml', 'feed/archive/N.json']) {
        for (let n = 1; ; n++) {
          const path = `/${scope}${file.replace('N', String(n))}`
          const res = await app.request(path)
          if (res.status === 404) break
          before.set(path, { body: Buffer.from(await res.arrayBuffer()), etag: res.headers.get('etag') })
        }
      }
    }
    expect(before.size).toBe(3 * (3 + 3 + 1))
    await seeds.write(11, 18, topicsOf)
    const headBefore = (await app.request('/rss.xml')).headers.get('etag')
    // A snapshot built from scratch, and one that reuses the previous one's documents.
    const previous = await seeds.site({ maxItems: PER_PAGE })
    for (const site of [await seeds.site({ maxItems: PER_PAGE }), await seeds.site({ maxItems: PER_PAGE }, previous)]) {
      const after = createApp({ site: () => site })
      for (const [path, old] of before) {
        const res = await after.request(path)
        expect(res.status, path).toBe(200)
        expect(res.headers.get('etag'), path).toBe(old.etag)
        expect(Buffer.from(await res.arrayBuffer()).equals(old.body), path).toBe(true)
      }
      expect((await after.request('/rss/archive/6.xml')).status).toBe(200)
      expect((await after.request('/rss.xml')).headers.get('etag')).not.toBe(headBefore)
    }
  })
})

describe('?limit', () => {
  it('cuts the head to the newest N items, as a view outside the paged set', async () => {
    const { app } = await appWith(10, { maxItems: 5, maxLimit: 8 })
    for (const format of FORMATS) {
      const view = await fetchFeed(app, `${BASE}/${HEADS[format]}?limit=2`, format)
      expect(view.ids).toEqual([idOf(10), idOf(9)])
      expect(view.links.self).toBe(`${BASE}/${HEADS[format]}?limit=2`)
      expect(view.links.next ?? view.links['prev-archive']).toBeUndefined()
    }
  })

  it('is bounded by maxLimit (400 beyond); at or above maxItems it is the head itself', async () => {
    const { app } = await appWith(10, { maxItems: 5, maxLimit: 8 })
    const status = async (q: string) => (await app.request(`/rss.xml?limit=${q}`)).status
    for (const q of ['0', '9', '-1', 'x', '', '1.5']) expect(await status(q), q).toBe(400)
    const head = (await app.request('/rss.xml')).headers.get('etag')
    for (const q of ['5', '8']) expect((await app.request(`/rss.xml?limit=${q}`)).headers.get('etag'), q).toBe(head)
    expect(await status('1')).toBe(200)
    expect((await app.request('/topics/nope/rss.xml?limit=1')).status).toBe(404)
  })

  it('defaults: maxLimit is the larger of 50 and maxItems', async () => {
    const { app } = await appWith(4, { maxItems: 3 })
    expect((await app.request('/rss.xml?limit=50')).status).toBe(200)
    expect((await app.request('/rss.xml?limit=51')).status).toBe(400)
  })
})
