/**
 * Archives sized apart from heads (`archiveSize`), and no history at all (`history: none`),
 * through the real app: the paged walk (head → bridge → archives) and the `prev-archive` chain
 * still hold every item exactly once, archives stay full and fixed from the oldest item, and a
 * newer article changes no archive.
 */
import { afterAll, describe, expect, it } from 'vitest'
import { createApp } from '../../src/http/app.js'
import { pageItems, pagedWalk } from '../../src/documents/paging.js'
import { nodeCompressor } from '../../src/node/compress.js'
import { FORMATS, type FeedPage } from '../../src/paths.js'
import { BASE, SeedDir, idOf } from '../http/fixture.js'
import { fetchFeed, walk } from './client.js'

const dirs: SeedDir[] = []
afterAll(async () => {
  await Promise.all(dirs.map((d) => d.cleanup()))
})

async function seedsWith(n: number): Promise<SeedDir> {
  const seeds = await SeedDir.create()
  dirs.push(seeds)
  if (n > 0) await seeds.write(1, n, () => ['AI'])
  return seeds
}

const newestFirst = (n: number) => Array.from({ length: n }, (_, i) => idOf(n - i))

describe('pagedWalk with archives larger or smaller than heads', () => {
  it('holds every item exactly once, newest first; archives are full and counted from the oldest', () => {
    for (const perPage of [1, 3, 5]) {
      for (const archiveSize of [1, 2, 4, 7, 10]) {
        for (let total = 0; total <= 40; total++) {
          const p = { perPage, archiveSize }
          const items = Array.from({ length: total }, (_, i) => total - i) // newest first: T … 1
          const walked = pagedWalk(total, p).flatMap((page) => [...pageItems(items, p, page)!])
          expect(walked, JSON.stringify({ total, ...p })).toEqual(items)
          for (let n = 1; n <= Math.floor(total / archiveSize); n++) {
            // Archive n holds items (n−1)·S+1 … n·S whatever the total: it never changes.
            const arch = pageItems(items, p, { kind: 'archive', n })!
            expect(arch).toEqual(Array.from({ length: archiveSize }, (_, i) => n * archiveSize - i))
          }
          expect(pageItems(items, p, { kind: 'archive', n: Math.floor(total / archiveSize) + 1 })).toBeUndefined()
        }
      }
    }
  })
})

describe('archiveSize apart from maxItems (served)', () => {
  // 27 articles, 3 per head, 10 per archive: head 27–25, bridge 24–21, archive 2 = 20–11, archive 1 = 10–1.
  it('walks head → bridge → archive 2 → archive 1 by next, and the prev-archive chain holds the whole history', async () => {
    const seeds = await seedsWith(27)
    const site = await seeds.site({ maxItems: 3, archiveSize: 10 })
    const app = createApp({ site: () => site })
    for (const format of FORMATS) {
      const head = site.walkUrl({ type: 'feed', scope: null, format, page: { kind: 'head' } }, 1)!
      const paged = await walk(app, head, 'next', format)
      expect(paged.map((d) => d.ids.length), format).toEqual([3, 4, 10, 10])
      expect(paged.flatMap((d) => d.ids), format).toEqual(newestFirst(27))
      // The archived feed: head → archive 2 → archive 1; the head and the bridge hold the rest.
      const archived = await walk(app, head, 'prev-archive', format)
      expect(archived.map((d) => d.ids.length), format).toEqual([3, 10, 10])
      expect(archived.slice(1).every((d) => d.archive), format).toBe(true)
      expect(archived.slice(1).flatMap((d) => d.ids)).toEqual(newestFirst(20))
    }
  })

  it('a newer article changes no archive: same bytes, same ETag', async () => {
    const seeds = await seedsWith(25)
    const before = createApp({ site: await seeds.site({ maxItems: 3, archiveSize: 10 }).then((s) => () => s) })
    const url = (n: number) => `${BASE}/atom/archive/${n}.xml`
    const old = await Promise.all([1, 2].map((n) => fetchFeed(before, url(n), 'atom')))
    await seeds.write(26, 31, () => ['AI'])
    const site = await seeds.site({ maxItems: 3, archiveSize: 10 })
    const after = createApp({ site: () => site })
    for (const [i, n] of [1, 2].entries()) {
      const now = await fetchFeed(after, url(n), 'atom')
      expect(now.body).toBe(old[i]!.body)
      expect(now.etag).toBe(old[i]!.etag)
    }
    expect((await fetchFeed(after, url(3), 'atom')).ids).toEqual(Array.from({ length: 10 }, (_, i) => idOf(30 - i)))
  })
})

describe('history: none', () => {
  it('keeps heads, index documents and pages; no bridge, no archive, no paging links', async () => {
    const seeds = await seedsWith(12)
    const site = await seeds.site({ maxItems: 3, archiveSize: 3, history: 'none' })
    expect([...site.keys()]).toEqual([...site.headKeys()])
    const app = createApp({ site: () => site })
    for (const format of FORMATS) {
      const head = await fetchFeed(app, site.walkUrl({ type: 'feed', scope: null, format, page: { kind: 'head' } }, 1)!, format)
      expect(head.ids).toEqual(newestFirst(12).slice(0, 3))
      for (const rel of ['first', 'next', 'last', 'previous', 'current', 'prev-archive']) expect(head.links[rel], `${format} ${rel}`).toBeUndefined()
    }
    for (const path of ['/atom/page/2.xml', '/atom/archive/1.xml', '/rss/archive/2.xml']) expect((await app.request(path)).status, path).toBe(404)
    expect((await app.request('/rss.xml?page=2')).status).toBe(404)
  })
})

describe('compression tiers', () => {
  it('the bridge and archives are compressed at the archival level, the head at the heads level', async () => {
    const seeds = await seedsWith(27)
    const site = await seeds.site({ maxItems: 3, archiveSize: 10 })
    const zlib = nodeCompressor()
    const doc = (page: FeedPage) => site.get({ type: 'feed', scope: null, format: 'atom', page })!
    for (const [page, fast] of [[{ kind: 'head' }, false], [{ kind: 'page', n: 2 }, true], [{ kind: 'archive', n: 1 }, true]] as const) {
      const d = doc(page)
      for (const enc of ['gzip', 'br'] as const) {
        expect(Buffer.from(d.variant(enc)!.body).equals(Buffer.from(zlib[enc](d.body, fast))), `${page.kind} ${enc}`).toBe(true)
      }
    }
  })
})
