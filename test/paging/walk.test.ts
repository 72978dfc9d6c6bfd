/**
 * The paged walk over HTTP, for every feed size from empty to four archives and a bit: head →
 * bridge (`page/2`, the part of the newest archive not in the head) → archive A−1 → … → archive 1.
 * Following `next` from the head, or asking `?page=N` and following the 302, a client sees every
 * item exactly once, newest first; the archives it passes through never carry `previous` and keep
 * their bytes and ETag, links included, while the feed grows one article at a time.
 */
import { afterAll, describe, expect, it } from 'vitest'
import { createApp } from '../../src/http/app.js'
import type { Site } from '../../src/documents/site.js'
import { FORMATS, type Format } from '../../src/paths.js'
import { BASE, SeedDir, idOf } from '../http/fixture.js'
import { walk, walkByPageNumber, type Fetched } from './client.js'

const N = 3
const MAX_TOTAL = 4 * N + 3
const HEADS: Record<Format, string> = { rss: 'rss.xml', atom: 'atom.xml', json: 'feed.json' }
const TAILS: Record<Format, [string, string]> = { rss: ['rss', 'xml'], atom: ['atom', 'xml'], json: ['feed', 'json'] }
const REVALIDATING = 'public, max-age=300, stale-while-revalidate=600'
/** Even articles are also in "Chips", so the two scopes have different sizes. */
const topicsOf = (i: number) => (i % 2 === 0 ? ['AI', 'Chips'] : ['AI'])
const SCOPES = [
  { prefix: '', members: (t: number) => range(t) },
  { prefix: 'topics/chips/', members: (t: number) => range(t).filter((i) => i % 2 === 0) },
]

type App = ReturnType<typeof createApp>
type Stored = { body: string; etag: string | null }

const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1)
const newestFirst = (ids: number[]) => [...ids].sort((a, b) => b - a).map(idOf)

/** The walk the design names for `total` items, as URLs, with the number of items of each document. */
function expectedWalk(prefix: string, format: Format, total: number): { url: string; items: number }[] {
  const [stem, ext] = TAILS[format]
  const archives = Math.floor(total / N)
  const rest = total % N
  const out = [{ url: `${BASE}/${prefix}${HEADS[format]}`, items: Math.min(N, total) }]
  if (archives >= 1 && rest > 0) out.push({ url: `${BASE}/${prefix}${stem}/page/2.${ext}`, items: rest })
  for (let k = archives - 1; k >= 1; k--) out.push({ url: `${BASE}/${prefix}${stem}/archive/${k}.${ext}`, items: N })
  return out
}

const dirs: SeedDir[] = []
afterAll(async () => {
  await Promise.all(dirs.map((d) => d.cleanup()))
})

describe('the paged walk (RFC 5005 §3) reuses the archives', () => {
  it(`0 … ${MAX_TOTAL} articles, ${N} per document: every item once, in order, by next and by ?page=N; archives never move`, async () => {
    const seeds = await SeedDir.create()
    dirs.push(seeds)
    /** Every archive ever served, by URL: its bytes and ETag must never change. */
    const archives = new Map<string, Stored>()
    let site: Site | undefined
    for (let total = 0; total <= MAX_TOTAL; total++) {
      if (total > 0) await seeds.write(total, total, topicsOf)
      // Each snapshot reuses the previous one's documents, as the live server does.
      const current: Site = await seeds.site({ maxItems: N }, site)
      site = current
      const app = createApp({ site: () => current })
      for (const format of FORMATS) {
        for (const { prefix, members: of } of SCOPES) {
          const members = of(total)
          const label = `${total} articles, ${format} /${prefix}`
          const head = `${BASE}/${prefix}${HEADS[format]}`
          if (members.length === 0 && prefix) {
            expect((await app.request(head.slice(BASE.length))).status, label).toBe(404)
            continue
          }
          const expected = expectedWalk(prefix, format, members.length)
          const docs = await walk(app, head, 'next', format)
          expect(docs.map((d) => d.links.self), label).toEqual(expected.map((e) => e.url))
          expect(docs.map((d) => d.ids.length), label).toEqual(expected.map((e) => e.items))
          expect(docs.flatMap((d) => d.ids), label).toEqual(newestFirst(members))
          checkLinks(docs, head, members.length, label)

          const byNumber = await walkByPageNumber(app, head, format)
          expect(byNumber.docs.map((d) => d.body), label).toEqual(docs.map((d) => d.body))
          expect(byNumber.redirects.map((r) => r.location), label).toEqual(expected.slice(1).map((e) => e.url))
          for (const r of byNumber.redirects) expect([r.cacheControl, r.cors], label).toEqual([REVALIDATING, '*'])

          await checkStaticPaths(app, prefix, format, members.length, label)
          await recordArchives(app, head, format, members.length, archives, label)
        }
      }
    }
    // Global: 5 archives at the end; Chips: 2. Every one was compared at each later size.
    expect(archives.size).toBe(3 * (5 + 2))
  })
})

/** first/last on every document of a walk longer than one; previous only on the bridge; archives stable. */
function checkLinks(docs: Fetched[], head: string, total: number, label: string): void {
  const [first, ...rest] = docs
  const last = docs.at(-1)!.links.self
  const fullArchives = Math.floor(total / N)
  expect(first!.archive, label).toBe(false)
  expect(first!.links.previous, label).toBeUndefined()
  if (fullArchives >= 1) expect(first!.links['prev-archive'], label).toMatch(new RegExp(`/archive/${fullArchives}\\.`))
  else expect(first!.links['prev-archive'], label).toBeUndefined()
  if (docs.length === 1) {
    expect([first!.links.next, first!.links.first, first!.links.last], label).toEqual([undefined, undefined, undefined])
    return
  }
  for (const d of docs) expect([d.links.first, d.links.last], `${label} ${d.links.self}`).toEqual([head, last])
  for (const d of rest) {
    const at = `${label} ${d.links.self}`
    expect(d.links.current, at).toBe(head)
    if (d.links.self!.includes('/page/')) {
      // The bridge: back to the head, and as mutable as the head.
      expect(d.links.previous, at).toBe(head)
      expect(d.archive, at).toBe(false)
    } else {
      expect(d.links.previous, at).toBeUndefined()
      expect(d.archive, at).toBe(true)
      expect(d.links.next, at).toBe(d.links['prev-archive'])
    }
  }
}

/** `page/2` exists exactly when the bridge does; no other page number ever does. */
async function checkStaticPaths(app: App, prefix: string, format: Format, total: number, label: string): Promise<void> {
  const [stem, ext] = TAILS[format]
  const status = async (path: string) => (await app.request(`/${prefix}${path}`)).status
  const bridge = Math.floor(total / N) >= 1 && total % N > 0
  expect(await status(`${stem}/page/2.${ext}`), label).toBe(bridge ? 200 : 404)
  for (const n of [1, 3, 4]) expect(await status(`${stem}/page/${n}.${ext}`), `${label} page ${n}`).toBe(404)
  expect(await status(`${stem}/archive/${Math.floor(total / N) + 1}.${ext}`), label).toBe(404)
}

/** Walks prev-archive from the head (every archive, the newest one outside the paged walk too). */
async function recordArchives(app: App, head: string, format: Format, total: number, seen: Map<string, Stored>, label: string): Promise<void> {
  const [, ...archives] = await walk(app, head, 'prev-archive', format)
  expect(archives, label).toHaveLength(Math.floor(total / N))
  for (const a of archives) {
    const url = a.links.self!
    const before = seen.get(url)
    if (before) {
      expect(a.etag, `${label} ${url}`).toBe(before.etag)
      expect(a.body === before.body, `${label} ${url} changed`).toBe(true)
    } else seen.set(url, { body: a.body, etag: a.etag })
    expect(a.links.previous, url).toBeUndefined()
    expect(a.links['next-archive'], url).toBeUndefined()
  }
}
