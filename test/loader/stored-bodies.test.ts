/**
 * A start from the cache holds each article's light part only and reads its heavy fields from the
 * store when an item is rendered (src/cache/stored-article.ts, src/loader/body-source.ts): the
 * documents are byte for byte those of a load without cache; a stored body that is damaged or
 * gone is read from its seed again when its bytes still match, and never taken from other bytes;
 * a body stays while an article handed out by this process may still read it.
 */
import { execFileSync } from 'node:child_process'
import { mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { open } from 'lmdb'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { generateCorpus, writeCorpus } from '../../bench/corpus.js'
import { buildCatalog } from '../../src/catalog/build-catalog.js'
import { openSeedStore } from '../../src/cache/open.js'
import { encodeFrame } from '../../src/cache/record-codec.js'
import { writeSeal } from '../../src/cache/seal.js'
import { DATA_FILE } from '../../src/cache/seed-store.js'
import { resolveConfig, type Config } from '../../src/config.js'
import { loadCachedOutcomes, loadOutcomes, SeedCache } from '../../src/loader/index.js'
import type { SeedOutcome } from '../../src/seed/seed-outcome.js'
import type { Article } from '../../src/types.js'
import { TEST_NOW, makeSite } from '../helpers/site.js'

let root: string
let config: Config
let cacheDir: string
/** Every document's bytes of a load without cache. */
let expected: Map<string, string>

const HEAVY = ['contentHtml', 'images', 'related'] as const

function documents(outcomes: readonly SeedOutcome[]): Map<string, string> {
  const site = makeSite(buildCatalog(outcomes, { onlyPublished: config.onlyPublished, nowMs: TEST_NOW }), config)
  const docs = new Map<string, string>()
  for (const key of site.keys()) {
    const doc = site.get(key)
    if (doc) docs.set(doc.file, Buffer.from(doc.body).toString('base64'))
  }
  return docs
}

/** Every field of `a`, read through its getters: what a renderer sees. */
const fieldsOf = (a: Article) => ({ ...a, contentHtml: a.contentHtml, images: a.images, related: a.related })

async function withBodies(fn: (bodies: { put(k: string, v: Buffer): Promise<boolean>; remove(k: string): Promise<boolean> }) => Promise<void>): Promise<void> {
  const store = await openSeedStore(cacheDir, config)
  const data = join(store.folder, DATA_FILE)
  await store.close()
  const env = open<Buffer, string>({ path: data, noSubdir: true, encoding: 'binary', compression: false, maxDbs: 1 })
  await fn(env.openDB<Buffer, string>({ name: '.bodies', encoding: 'binary', compression: false }))
  await env.close()
  await writeSeal(data, join(store.folder, 'seeds.seal'))
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'feedstand-bodies-'))
  await writeCorpus(join(root, 'seeds'), generateCorpus({ count: 30, seed: 11, variety: 'varied' }))
  config = resolveConfig({ seeds: join(root, 'seeds'), out: join(root, 'feeds'), baseUrl: 'https://feeds.example' })
  expected = documents(await loadOutcomes(config, TEST_NOW, undefined, { workers: 0 }))
})
afterAll(() => rm(root, { recursive: true, force: true }))
beforeEach(async () => {
  cacheDir = await mkdtemp(join(root, 'cache-'))
  await loadOutcomes(config, TEST_NOW, undefined, { workers: 0, cacheDir })
})

describe('a start from the cache', () => {
  it('holds the light fields only, and renders every document with the bytes of a load without cache', async () => {
    const fresh = await loadOutcomes(config, TEST_NOW, undefined, { workers: 0 })
    const got = await loadCachedOutcomes(config, cacheDir, new SeedCache())
    try {
      const articles = got.outcomes.filter((o) => o.article)
      expect(articles.length).toBeGreaterThan(20)
      for (const o of articles) for (const k of HEAVY) expect(Object.keys(o.article!)).not.toContain(k)
      expect(got.outcomes.map((o) => ({ ...o, article: o.article && fieldsOf(o.article) }))).toEqual(fresh)
      expect(documents(got.outcomes)).toEqual(expected)
      // Unmapped (as after an idle while), then read again: the store reopens itself.
      await got.store!.release()
      expect(got.outcomes.map((o) => ({ ...o, article: o.article && fieldsOf(o.article) }))).toEqual(fresh)
      expect(got.notice).toBeUndefined()
    } finally {
      await got.store?.close()
    }
  })

  it('reads a damaged or missing body from its seed again, tells it once per file, and publishes the same bytes', async () => {
    const fresh = await loadOutcomes(config, TEST_NOW, undefined, { workers: 0 })
    const [a, b] = fresh.filter((o) => o.article).map((o) => o.article!)
    await withBodies(async (bodies) => {
      // A sound frame around a body of the wrong shape, and no body at all.
      await bodies.put(a!.hash, encodeFrame({ hash: a!.hash, contentHtml: 1, images: [], related: [] }))
      await bodies.remove(b!.hash)
    })
    const told: string[] = []
    const got = await loadCachedOutcomes(config, cacheDir, new SeedCache(), { onNotice: (l) => told.push(l) })
    try {
      expect(documents(got.outcomes)).toEqual(expected)
      expect(documents(got.outcomes)).toEqual(expected)
      expect(told.sort()).toEqual([a!.file, b!.file].sort().map((f) => expect.stringContaining(`the stored body of ${f} `)))
      expect(told.every((l) => l.includes('its seed was parsed again'))).toBe(true)
    } finally {
      await got.store?.close()
    }
    // The next load drops the damaged records and parses their seeds again: the cache is sound after.
    await loadOutcomes(config, TEST_NOW, undefined, { workers: 0, cacheDir })
    const again: string[] = []
    const next = await loadCachedOutcomes(config, cacheDir, new SeedCache(), { onNotice: (l) => again.push(l) })
    expect(documents(next.outcomes)).toEqual(expected)
    await next.store?.close()
    expect(again).toEqual([])
  })

  it('never renders another version: a body gone after its seed changed throws, naming the file', async () => {
    const told: string[] = []
    const got = await loadCachedOutcomes(config, cacheDir, new SeedCache(), { onNotice: (l) => told.push(l) })
    try {
      const article = got.outcomes.find((o) => o.article)!.article!
      await withBodies((bodies) => bodies.remove(article.hash).then(() => undefined))
      const path = join(config.seedsDir, article.file)
      const text = await readFile(path, 'utf8')
      await writeFile(path, text.replace(/^title: .*$/m, 'title: "Changed since"'))
      try {
        expect(() => article.contentHtml).toThrow(new RegExp(`the stored body of ${article.file} is missing or damaged and the seed no longer has`))
      } finally {
        await writeFile(path, text)
      }
      // The seed is back to the bytes the article came from: it is read again.
      expect(article.contentHtml).toBe((await loadOutcomes(config, TEST_NOW, undefined, { workers: 0 })).find((o) => o.file === article.file)!.article!.contentHtml)
    } finally {
      await got.store?.close()
    }
    expect(told).toEqual([expect.stringContaining('its seed has changed since')])
  })

  it('reads the seed again only as every seed is read: a FIFO or a link swapped in is no body, never a wait', async () => {
    const got = await loadCachedOutcomes(config, cacheDir, new SeedCache(), { onNotice: () => {} })
    try {
      const [a, b] = got.outcomes.filter((o) => o.article).map((o) => o.article!)
      await withBodies(async (bodies) => {
        await bodies.remove(a!.hash)
        await bodies.remove(b!.hash)
      })
      const [pa, pb] = [join(config.seedsDir, a!.file), join(config.seedsDir, b!.file)]
      const [ta, tb] = [await readFile(pa), await readFile(pb)]
      // Same bytes elsewhere, linked in: the hash would match, the open must not follow it.
      const outside = join(root, 'outside.txt')
      await writeFile(outside, tb)
      await rm(pa)
      execFileSync('mkfifo', [pa])
      await rm(pb)
      await symlink(outside, pb)
      try {
        // On a plain readFileSync the FIFO blocks this thread for good (the test times out).
        expect(() => a!.contentHtml).toThrow(/missing or damaged/)
        expect(() => b!.contentHtml).toThrow(/missing or damaged/)
      } finally {
        await rm(pa)
        await rm(pb)
        await writeFile(pa, ta)
        await writeFile(pb, tb)
      }
    } finally {
      await got.store?.close()
    }
  })

  it('never reopens a released store that changed since without its seal: reads go to the seeds meanwhile, a bad seal keeps it shut', async () => {
    const fresh = await loadOutcomes(config, TEST_NOW, undefined, { workers: 0 })
    const told: string[] = []
    const got = await loadCachedOutcomes(config, cacheDir, new SeedCache(), { onNotice: (l) => told.push(l) })
    const store = got.store!
    try {
      const [a, b] = got.outcomes.filter((o) => o.article).map((o) => o.article!)
      const want = (x: Article) => fresh.find((o) => o.file === x.file)!.article!.contentHtml
      await store.release()
      // Garbage written over the middle of the file while it is released: same size, a new mtime.
      const data = join(store.folder, DATA_FILE)
      const bytes = await readFile(data)
      bytes.fill(0x5a, bytes.byteLength >> 2, bytes.byteLength >> 1)
      await writeFile(data, bytes)
      // Read while the seal is checked: from the seed, told as nothing (nothing was lost yet).
      expect(a!.contentHtml).toBe(want(a!))
      expect(told).toEqual([])
      await store.settled()
      expect(store.damage).toEqual([expect.stringContaining('changed while released; not opened again')])
      // Shut for good: the bodies come from the seeds, each loss told once.
      expect(b!.contentHtml).toBe(want(b!))
      expect(told).toEqual([expect.stringContaining(`the stored body of ${b!.file} `)])
    } finally {
      await store.close()
    }
  })

  it('keeps a body while an article of this process may read it, and drops it once no one can', async () => {
    const cache = new SeedCache()
    const got = await loadCachedOutcomes(config, cacheDir, cache)
    const article = got.outcomes.find((o) => o.article)!.article!
    const before = article.contentHtml
    const path = join(config.seedsDir, article.file)
    const text = await readFile(path, 'utf8')
    try {
      await writeFile(path, text.replace(/^title: .*$/m, 'title: "Rewritten"'))
      // A later load through the same open store (serve's catching up) stores the new version.
      const next = await loadOutcomes(config, TEST_NOW, cache, { workers: 0, store: got.store! })
      const now = next.find((o) => o.file === article.file)!.article!
      expect(now.hash).not.toBe(article.hash)
      // The old snapshot's article still renders its own body (an empty cache of recent bodies: a new source).
      expect(got.store!.body(article.file, article.hash)).toBeDefined()
      expect(article.contentHtml).toBe(before)
      await got.store!.close()
      // Another process's save: no one holds the old version any more, so its body goes.
      await writeFile(path, text)
      await loadOutcomes(config, TEST_NOW, undefined, { workers: 0, cacheDir })
      const store = await openSeedStore(cacheDir, config)
      expect(store.body(article.file, now.hash)).toBeUndefined()
      expect(store.body(article.file, article.hash)).toBeDefined()
      await store.close()
    } finally {
      await writeFile(path, text)
    }
    expect((await readdir(cacheDir)).filter((n) => n.startsWith('seeds-'))).toHaveLength(1)
  })
})
