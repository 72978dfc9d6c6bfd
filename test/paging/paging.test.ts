/**
 * RFC 5005 paging and archives, as a client sees them through HTTP (the walk itself, for every
 * feed size, is in walk.test.ts): `?page=N` redirects and 404 bounds; walk `prev-archive` and
 * rebuild the whole history from documents that never change; `?limit` is bounded.
 */
import { afterAll, describe, expect, it } from 'vitest'
import type { Hono } from 'hono'
import { createApp } from '../../src/http/app.js'
import { FORMATS, type Format } from '../../src/paths.js'
import { validateAtom } from '../helpers/validate.js'
import { BASE, SeedDir, idOf } from '../http/fixture.js'
import { fetchFeed, walk } from './client.js'

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

const newestFirst = (ids: number[]) => ids.sort((a, b) => b - a).map(idOf)
const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1)

describe('paged feeds (RFC 5005 §3)', () => {
  // 10 articles, 3 per document: head 10,9,8; bridge (page 2) 7; archive 2 = 6,5,4; archive 1 = 3,2,1
  // (archive 3 = 9,8,7 is head and bridge). Chips (even ones): head 10,8,6; bridge 4,2 (archive 1 = 6,4,2).
  it('?page=N (N ≥ 2) is a 302 to the walk\'s Nth document under the base URL; page 1 is the head', async () => {
    const { app } = await appWith(10)
    const redirect = async (path: string) => {
      const res = await app.request(path)
      expect(res.status, path).toBe(302)
      expect(res.headers.get('cache-control'), path).toBe('public, max-age=300, stale-while-revalidate=600')
      expect(res.headers.get('access-control-allow-origin'), path).toBe('*')
      return res.headers.get('location')
    }
    expect(await redirect('/rss.xml?page=2')).toBe(`${BASE}/rss/page/2.xml`)
    expect(await redirect('/rss.xml?page=3')).toBe(`${BASE}/rss/archive/2.xml`)
    expect(await redirect('/rss.xml?page=4')).toBe(`${BASE}/rss/archive/1.xml`)
    expect(await redirect('/topics/chips/feed.json?page=2')).toBe(`${BASE}/topics/chips/feed/page/2.json`)
    expect(await redirect('/atom.xml?page=3&limit=1')).toBe(`${BASE}/atom/archive/2.xml`)
    const head = await app.request('/rss.xml?page=2', { method: 'HEAD' })
    expect([head.status, head.headers.get('location')]).toEqual([302, `${BASE}/rss/page/2.xml`])
    const bytes = async (path: string) => Buffer.from(await (await app.request(path)).arrayBuffer())
    expect(await bytes('/atom.xml?page=1')).toEqual(await bytes('/atom.xml'))
  })

  it('under a base URL with a path prefix, the redirect keeps the prefix', async () => {
    const { app } = await appWith(7, { baseUrl: 'https://example.org/news' })
    const res = await app.request('/atom.xml?page=2')
    expect([res.status, res.headers.get('location')]).toEqual([302, 'https://example.org/news/atom/page/2.xml'])
  })

  it('out-of-range pages and archives are 404, pages past the bridge are no documents; a malformed page number is 400', async () => {
    const { app } = await appWith(10)
    const status = async (path: string) => (await app.request(path)).status
    for (const path of [
      '/rss.xml?page=5', '/rss/page/3.xml', '/rss/page/4.xml', '/rss/page/1.xml', '/rss/archive/0.xml', '/rss/archive/4.xml',
      '/topics/chips/atom.xml?page=4', '/topics/chips/atom/page/3.xml', '/topics/chips/atom/archive/2.xml',
      '/topics/nope/rss/page/2.xml', '/topics/nope/rss.xml?page=2',
    ]) {
      expect(await status(path), path).toBe(404)
    }
    for (const path of ['/rss.xml?page=0', '/rss.xml?page=-1', '/rss.xml?page=two', '/rss.xml?page=']) expect(await status(path), path).toBe(400)
    expect(await status('/rss.xml?page=4')).toBe(302)
    expect(await status('/rss/page/2.xml')).toBe(200)
  })

  it('without a bridge (a multiple of N), page/2 is 404 and ?page=2 goes to the second-newest archive', async () => {
    const { app } = await appWith(9)
    expect((await app.request('/rss/page/2.xml')).status).toBe(404)
    const res = await app.request('/rss.xml?page=2')
    expect([res.status, res.headers.get('location')]).toEqual([302, `${BASE}/rss/archive/2.xml`])
    expect((await app.request('/rss.xml?page=4')).status).toBe(404)
  })

  it('the head advertises both the paged set (first/next/last) and the archives (prev-archive)', async () => {
    const { app } = await appWith(10)
    for (const format of FORMATS) {
      const head = await fetchFeed(app, `${BASE}/${HEADS[format]}`, format)
      const rfc5005 = Object.keys(head.links).filter((r) => !['self', 'hub', 'alternate'].includes(r))
      expect(rfc5005.sort(), format).toEqual(['first', 'last', 'next', 'prev-archive'])
    }
  })

  it('bridges and archives are valid Atom (RFC 4287 schema) with the RFC 5005 links and fh:archive', async () => {
    const { app } = await appWith(10)
    const paths = ['/atom/page/2.xml', '/atom/archive/1.xml', '/atom/archive/2.xml', '/atom/archive/3.xml', '/topics/chips/atom/page/2.xml', '/topics/chips/atom/archive/1.xml']
    for (const path of paths) {
      const res = await app.request(path)
      expect(res.status, path).toBe(200)
      const body = await res.text()
      expect(await validateAtom(body), path).toEqual([])
      expect(body.includes('<fh:archive/>'), path).toBe(path.includes('/archive/'))
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
          const oldest = archives.at(-1)!.links.self
          expect(a.ids, `${format} archive ${k}`).toEqual(newestFirst(range(PER_PAGE).map((j) => (k - 1) * PER_PAGE + j)))
          expect(a.archive).toBe(true)
          expect(a.links.current).toBe(head)
          // Only links that can never change: the head, older archives, archive 1.
          expect([a.links.first, a.links.last, a.links.next]).toEqual([head, oldest, a.links['prev-archive']])
          expect(a.links['next-archive'] ?? a.links.previous).toBeUndefined()
        })
        expect(subscription!.archive).toBe(false)
        // A client merges by id: together they hold every article; the archives alone overlap nothing.
        const archived = archives.flatMap((a) => a.ids)
        expect(new Set(archived).size).toBe(archived.length)
        expect(new Set([...subscription!.ids, ...archived])).toEqual(new Set(range(total).map(idOf)))
      }
    })
  }

  it('archives are cached for a year as immutable; the bridge revalidates like the head', async () => {
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
