/**
 * The live site over a real temp folder and a real watcher: every kind of change a publisher
 * makes, with the ETags that must change and the ones that must stay. Waits are on update and
 * watcher events (bounded), not on sleeps.
 */
import { mkdir, open, rename, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { LiveSite, type LiveUpdate } from '../../src/live/live-site.js'
import { FUTURE_TOLERANCE_MS } from '../../src/normalize/normalize-article.js'
import { captureIo, client, liveConfig, ports, nextEvent, nextUpdate, removeDir, seedText, tempDir, touches, writeSeed } from './helpers.js'

const feeds = (prefix: string) => [`${prefix}/rss.xml`, `${prefix}/atom.xml`, `${prefix}/feed.json`]
const GLOBAL = feeds('')
const CHIPS = feeds('/topics/chips')
const ENERGY = feeds('/topics/energy')
const INDEX = ['/', '/topics.json', '/topics.opml']
const ALL = [...GLOBAL, ...CHIPS, ...ENERGY, ...INDEX]

let dir: string
let seeds: string
let live: LiveSite | undefined
let io: ReturnType<typeof captureIo>

beforeEach(async () => {
  dir = await tempDir()
  seeds = join(dir, 'seeds')
  await writeSeed(seeds, 'a.md', { slug: 'a', topics: ['Chips'], date: '2024-03-13T00:00:00Z' })
  await writeSeed(seeds, 'b.md', { slug: 'b', topics: ['Energy'], date: '2024-03-12T00:00:00Z' })
  io = captureIo()
  live = await LiveSite.start({ config: liveConfig(seeds), io, ...ports })
})

afterEach(async () => {
  await live?.close()
  live = undefined
  await removeDir(dir)
})

function changedPaths(before: Record<string, string | null>, after: Record<string, string | null>): string[] {
  return Object.keys(before).filter((p) => before[p] !== after[p]).sort()
}

describe('live site', () => {
  it('publishes an added file in the global feed, its topic and the indexes; other topics keep their ETags', async () => {
    const c = client(live!)
    const before = await c.etags(ALL)
    const next = nextUpdate(live!, touches('c.md'))
    // Older than the newest article: the site's `updated` stays, so does the OPML (same topic set).
    await writeSeed(seeds, 'c.md', { slug: 'c', title: 'Brand new chip', topics: ['Chips'], date: '2024-03-12T12:00:00Z' })
    const u = await next
    expect(u.changes.added).toEqual(['c.md'])
    expect(changedPaths(before, await c.etags(ALL))).toEqual([...GLOBAL, ...CHIPS, '/', '/topics.json'].sort())
    expect((await c.get('/topics/chips/rss.xml')).body).toContain('Brand new chip')
    expect((await c.get('/topics/energy/rss.xml')).body).not.toContain('Brand new chip')
  })

  it('moves an edited article between topics: old and new topic change, the OPML gains the new one', async () => {
    const c = client(live!)
    const before = await c.etags(ALL)
    const next = nextUpdate(live!, touches('a.md'))
    await writeSeed(seeds, 'a.md', { slug: 'a', title: 'Now about solar', topics: ['Solar'], date: '2024-03-13T00:00:00Z' })
    await next
    expect(changedPaths(before, await c.etags(ALL))).toEqual([...GLOBAL, ...CHIPS, ...INDEX].sort())
    expect((await c.get('/topics/chips/rss.xml')).status).toBe(404)
    expect((await c.get('/topics/solar/rss.xml')).body).toContain('Now about solar')
    expect((await c.get('/topics.opml')).body).toContain('/topics/solar/rss.xml')
  })

  it('keeps the last good version of a broken file, reports it, and publishes the fix', async () => {
    const c = client(live!)
    const broken = nextUpdate(live!, touches('a.md'))
    await writeFile(join(seeds, 'a.md'), '---\ntitle: "unterminated\npublishedDateTime: [\n---\n')
    const u = await broken
    expect(u.changes.kept).toEqual(['a.md'])
    expect(u.site.catalog.byId.get('https://news.test/a')?.title).toBe('Article a')
    expect((await c.get('/rss.xml')).body).toContain('Article a')
    const health = (await c.get('/healthz')).body
    expect(health).toMatch(/^kept: 1$/m)
    expect(health).toMatch(/^kept-files: a\.md$/m)
    expect(health).toMatch(/^errors: [1-9]/m)
    expect(io.lines.some((l) => l.includes('a.md') && l.includes('kept-last-good'))).toBe(true)

    const fixed = nextUpdate(live!, touches('a.md'))
    await writeSeed(seeds, 'a.md', { slug: 'a', title: 'Fixed title', topics: ['Chips'], date: '2024-03-13T00:00:00Z' })
    const v = await fixed
    expect(v.changes.kept).toEqual([])
    expect((await c.get('/rss.xml')).body).toContain('Fixed title')
    expect((await c.get('/healthz')).body).toMatch(/^kept: 0$/m)
    expect((await c.get('/healthz')).body).toMatch(/^errors: 0$/m)
  })

  it('keeps the id, the bytes and every ETag when a file is renamed or moved to a subfolder, in one snapshot', async () => {
    const c = client(live!)
    const before = await c.etags(ALL)
    const seen: LiveUpdate[] = []
    live!.onUpdate((u) => seen.push(u))

    const renamed = nextUpdate(live!, touches('renamed.md'))
    await rename(join(seeds, 'a.md'), join(seeds, 'renamed.md'))
    const u = await renamed
    expect(u.changes.removed).toEqual(['a.md'])
    expect(u.changes.added).toEqual(['renamed.md'])
    expect(u.site.catalog.byId.get('https://news.test/a')?.file).toBe('renamed.md')

    const moved = nextUpdate(live!, touches('sub/deeper/renamed.md'))
    await mkdir(join(seeds, 'sub/deeper'), { recursive: true })
    await rename(join(seeds, 'renamed.md'), join(seeds, 'sub/deeper/renamed.md'))
    await moved
    expect(changedPaths(before, await c.etags(ALL))).toEqual([])
    // No snapshot in between lost the article.
    for (const s of seen) expect(s.site.catalog.byId.has('https://news.test/a')).toBe(true)
  })

  it('removes a deleted file, and its topic when it was the last article there', async () => {
    const c = client(live!)
    const before = await c.etags(ALL)
    const next = nextUpdate(live!, touches('b.md'))
    await rm(join(seeds, 'b.md'))
    const u = await next
    expect(u.changes.removed).toEqual(['b.md'])
    expect(u.site.catalog.byId.has('https://news.test/b')).toBe(false)
    expect((await c.get('/topics/energy/rss.xml')).status).toBe(404)
    const after = await c.etags(ALL)
    for (const p of CHIPS) expect(after[p]).toBe(before[p])
  })

  it('reports a duplicate id live, and publishes the other copy once the first file goes', async () => {
    const copied = nextUpdate(live!, touches('z-copy.md'))
    await writeSeed(seeds, 'z-copy.md', { slug: 'a', title: 'Copy of a', topics: ['Energy'] })
    const u = await copied
    expect(u.changes.problems.map((p) => [p.file, p.code])).toEqual([['z-copy.md', 'duplicate-id']])
    expect(u.site.catalog.byId.get('https://news.test/a')?.title).toBe('Article a')
    const gone = nextUpdate(live!, touches('a.md'))
    await rm(join(seeds, 'a.md'))
    const v = await gone
    expect(v.site.catalog.byId.get('https://news.test/a')?.title).toBe('Copy of a')
    expect(v.site.catalog.problems).toEqual([])
    expect([...v.site.catalog.topics.keys()]).toEqual(['energy'])
  })

  it('sees a delete that follows a sed -i style edit (temp file renamed over the seed)', async () => {
    const edited = nextUpdate(live!, touches('a.md'))
    const tmp = join(seeds, 'sedAbc123')
    await writeFile(tmp, seedText({ slug: 'a', title: 'Edited in place', topics: ['Chips'] }))
    await rename(tmp, join(seeds, 'a.md'))
    expect((await edited).site.catalog.byId.get('https://news.test/a')?.title).toBe('Edited in place')
    const deleted = nextUpdate(live!, touches('a.md'))
    await rm(join(seeds, 'a.md'))
    expect((await deleted).site.catalog.byId.has('https://news.test/a')).toBe(false)
  })

  it('removes the articles of a deleted folder and finds those of a folder moved in', async () => {
    await mkdir(join(dir, 'elsewhere'))
    for (let i = 0; i < 3; i++) await writeSeed(dir, `elsewhere/x${i}.md`, { slug: `x${i}`, topics: ['Chips'] })
    const movedIn = nextUpdate(live!, (u) => u.site.catalog.articles.length === 5)
    await rename(join(dir, 'elsewhere'), join(seeds, 'batch'))
    await movedIn
    const gone = nextUpdate(live!, (u) => u.site.catalog.articles.length === 2)
    await rm(join(seeds, 'batch'), { recursive: true })
    await gone
  })

  it('publishes a half-written file only once it is complete', async () => {
    // A settle time far above the writer's pause, so that a busy machine cannot stretch the pause past it.
    await live!.close()
    live = await LiveSite.start({ config: liveConfig(seeds), io, ...ports, settle: { quietMs: 400 } })
    const published: string[] = []
    live!.onUpdate((u) => {
      const a = u.site.catalog.byId.get('https://news.test/slow')
      if (a) published.push(a.contentHtml)
    })
    const full = seedText({ slug: 'slow', topics: ['Chips'], body: 'First half of the body. Second half of the body.' })
    const cut = full.indexOf('Second half')
    const fh = await open(join(seeds, 'slow.md'), 'w')
    const seenPartial = nextEvent(live!, 'slow.md')
    const done = nextUpdate(live!, touches('slow.md'))
    try {
      await fh.write(full.slice(0, cut))
      await fh.sync()
      await seenPartial
      // The watcher has seen the partial file; the writer pauses (well under the settle time), then finishes.
      await new Promise((r) => setTimeout(r, 20))
      await fh.write(full.slice(cut))
    } finally {
      await fh.close()
    }
    await done
    expect(published.length).toBeGreaterThan(0)
    for (const html of published) expect(html).toContain('Second half')
  })

  it('takes a checkout of 500 files in a few snapshots and ends equal to a fresh load', async () => {
    const updates: LiveUpdate[] = []
    live!.onUpdate((u) => updates.push(u))
    const all = nextUpdate(live!, (u) => u.site.catalog.articles.length === 502, 20_000)
    const names = Array.from({ length: 500 }, (_, i) => `co/${String(i % 10)}/${String(i).padStart(3, '0')}.md`)
    for (let d = 0; d < 10; d++) await mkdir(join(seeds, `co/${d}`), { recursive: true })
    await Promise.all(names.map((n, i) => writeFile(join(seeds, n), seedText({
      slug: `co${i}`, topics: [i % 2 ? 'Chips' : 'Energy', `Batch ${i % 7}`], date: new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString(),
    }))))
    const u = await all
    expect(updates.length).toBeLessThanOrEqual(10)
    const fresh = await LiveSite.start({ config: liveConfig(seeds), io: captureIo(), ...ports })
    try {
      expect(u.site.catalog.articles.map((a) => a.id)).toEqual(fresh.site.catalog.articles.map((a) => a.id))
      expect([...u.site.catalog.topics.keys()]).toEqual([...fresh.site.catalog.topics.keys()])
      for (const path of ['/rss.xml', '/topics/batch-3/atom.xml', '/topics.json']) {
        expect((await client(live!).get(path)).body).toBe((await client(fresh).get(path)).body)
      }
    } finally {
      await fresh.close()
    }
  })

  it('publishes a future-dated article when it becomes due', async () => {
    const dueAt = Date.now() + FUTURE_TOLERANCE_MS + 1500
    const added = nextUpdate(live!, touches('later.md'))
    await writeSeed(seeds, 'later.md', { slug: 'later', topics: ['Chips'], date: new Date(dueAt).toISOString() })
    const u = await added
    expect(u.site.catalog.byId.has('https://news.test/later')).toBe(false)
    expect(u.changes.problems.map((p) => p.code)).toContain('future-date')
    const due = await nextUpdate(live!, (v) => v.site.catalog.byId.has('https://news.test/later'), 10_000)
    // Re-read when due: the future-date warning is gone, as after a restart.
    expect(due.site.catalog.problems.filter((p) => p.file === 'later.md')).toEqual([])
  })

  it('answers every request with an ETag and a body of the same snapshot while updates stream in', async () => {
    const bodies = new Map<string, string>()
    const record = (site: LiveSite['site']) => {
      const doc = site.get({ type: 'feed', scope: null, format: 'rss', page: { kind: 'head' } })!
      bodies.set(doc.etag, new TextDecoder().decode(doc.body))
    }
    record(live!.site)
    live!.onUpdate((u) => record(u.site))
    const c = client(live!)
    let stop = false
    const responses: { etag: string | null; body: string }[] = []
    const reader = (async () => {
      for (let i = 0; i < 2000 && !stop; i++) {
        responses.push(await c.get('/rss.xml'))
        if (i % 20 === 0) await new Promise((r) => setImmediate(r))
      }
    })()
    for (let i = 0; i < 5; i++) {
      const next = nextUpdate(live!, touches('a.md'))
      await writeSeed(seeds, 'a.md', { slug: 'a', title: `Version ${i}`, topics: ['Chips'], date: '2024-03-13T00:00:00Z' })
      await next
    }
    stop = true
    await reader
    expect(new Set(responses.map((r) => r.etag)).size).toBeGreaterThan(1)
    for (const r of responses) expect(bodies.get(r.etag!)).toBe(r.body)
  })
})
