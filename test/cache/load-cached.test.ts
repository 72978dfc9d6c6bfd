/**
 * Loading seeds through the persistent cache and the parse workers gives exactly what parsing
 * every file on the calling thread gives; the cache answers by (size, mtime), then by content
 * hash, and is never trusted across versions, settings, clock-dependent outcomes or torn files.
 */
import { mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateCorpus, writeCorpus } from '../../bench/corpus.js'
import { resolveConfig, type Config } from '../../src/config.js'
import { openSeedStore } from '../../src/cache/open.js'
import { loadOutcomes, SeedCache } from '../../src/loader/index.js'
import { TEST_NOW } from '../helpers/site.js'

let root: string
let seeds: string
let config: Config
const BAD = ['---\ntitle: [unclosed\n---\n', '---\ntitle: "No date"\nwebUrl: "https://x.example/a"\n---\n', '\u0000binary']

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'feedstand-cache-'))
  seeds = join(root, 'seeds')
  await writeCorpus(seeds, generateCorpus({ count: 120, seed: 7, variety: 'varied' }))
  await Promise.all(BAD.map((text, i) => writeFile(join(seeds, `bad-${i}.md`), text)))
  config = resolveConfig({ seeds, out: join(root, 'feeds') })
})
afterAll(() => rm(root, { recursive: true, force: true }))

const fresh = () => loadOutcomes(config, TEST_NOW, new SeedCache(), { workers: 0 })

describe('parse workers', () => {
  it('give the same outcomes as the calling thread, in the same order', async () => {
    const here = await fresh()
    const threads = await loadOutcomes(config, TEST_NOW, new SeedCache(), { workers: 2 })
    expect(threads).toEqual(here)
    expect(here.filter((o) => o.article).length).toBeGreaterThan(100)
    expect(here.filter((o) => !o.article).length).toBeGreaterThanOrEqual(BAD.length)
  })

  it('report files over the size limit in the same words as the calling thread', async () => {
    const small = resolveConfig({ seeds, out: join(root, 'feeds'), maxFileBytes: 3000 })
    const here = await loadOutcomes(small, TEST_NOW, new SeedCache(), { workers: 0 })
    expect(await loadOutcomes(small, TEST_NOW, new SeedCache(), { workers: 2 })).toEqual(here)
    expect(here.some((o) => o.problems.some((p) => p.code === 'too-large'))).toBe(true)
  })
})

describe('persistent cache', () => {
  it('a second process gets the same outcomes from the cache, without parsing', async () => {
    const cacheDir = join(root, 'c1')
    const file = join(seeds, 'fixed.md')
    const seed = (title: string) => `---\ntitle: "${title}"\npublishedDateTime: 2024-01-01T00:00:00Z\nwebUrl: "https://x.example/fixed"\n---\n`
    // Whole seconds: utimes restores them exactly (a file system's nanoseconds it cannot).
    const when = new Date(Date.UTC(2024, 0, 1))
    await writeFile(file, seed('Title A'))
    await utimes(file, when, when)
    try {
      const first = await loadOutcomes(config, TEST_NOW, new SeedCache(), { workers: 2, cacheDir })
      expect(first).toEqual(await fresh())
      // Same size and mtime, other bytes: only a cache that trusts (size, mtime) returns the old outcome.
      await writeFile(file, seed('Title B'))
      await utimes(file, when, when)
      const second = await loadOutcomes(config, TEST_NOW, new SeedCache(), { cacheDir })
      expect(second).toEqual(first)
      expect(second.find((o) => o.file === 'fixed.md')!.article!.title).toBe('Title A')
      expect((await fresh()).find((o) => o.file === 'fixed.md')!.article!.title).toBe('Title B')
    } finally {
      await rm(file)
    }
  })

  it('a touched file is read and hashed, not re-parsed; an edited one is re-parsed', async () => {
    const cacheDir = join(root, 'c2')
    const first = await loadOutcomes(config, TEST_NOW, new SeedCache(), { cacheDir })
    const target = first.find((o) => o.article)!
    const file = join(seeds, target.file)
    const original = await readFile(file, 'utf8')
    try {
      await utimes(file, new Date(), new Date(Date.now() + 5000))
      const touched = await loadOutcomes(config, TEST_NOW, new SeedCache(), { cacheDir })
      expect(touched).toEqual(first)
      await writeFile(file, original.replace(/^title: .*$/m, 'title: "Edited title"'))
      const edited = await loadOutcomes(config, TEST_NOW, new SeedCache(), { cacheDir })
      expect(edited.find((o) => o.file === target.file)!.article!.title).toBe('Edited title')
      expect(edited).toEqual(await fresh())
    } finally {
      await writeFile(file, original)
    }
  })

  it('another maxExcerptLength is another cache: outcomes follow the setting, the old folder goes', async () => {
    const cacheDir = join(root, 'c3')
    await loadOutcomes(config, TEST_NOW, new SeedCache(), { cacheDir })
    const short = resolveConfig({ seeds, out: join(root, 'feeds'), maxExcerptLength: 40 })
    const cut = await loadOutcomes(short, TEST_NOW, new SeedCache(), { cacheDir })
    expect(cut).toEqual(await loadOutcomes(short, TEST_NOW, new SeedCache(), { workers: 0 }))
    expect(cut.some((o) => o.problems.some((p) => p.code === 'excerpt-truncated'))).toBe(true)
    expect((await readdir(cacheDir)).filter((n) => n.startsWith('seeds-'))).toHaveLength(1)
  })

  it('a torn or garbage store is ignored, not believed', async () => {
    const cacheDir = join(root, 'c4')
    const first = await loadOutcomes(config, TEST_NOW, new SeedCache(), { cacheDir })
    const [folder] = (await readdir(cacheDir)).filter((n) => n.startsWith('seeds-'))
    const data = join(cacheDir, folder!, 'seeds.mdb')
    const bytes = await readFile(data)
    await writeFile(data, bytes.subarray(0, Math.floor(bytes.byteLength / 2)))
    expect(await loadOutcomes(config, TEST_NOW, new SeedCache(), { cacheDir })).toEqual(first)
    // Garbage in place of the store, sealed or not: never opened as a store, its seeds parsed again.
    await writeFile(data, Buffer.from([255, 255, 255, 0, 1, 2, 3]))
    expect(await loadOutcomes(config, TEST_NOW, new SeedCache(), { cacheDir })).toEqual(first)
    expect(await loadOutcomes(config, TEST_NOW, new SeedCache(), { cacheDir })).toEqual(first)
  })

  it('never reuses a clock-dependent outcome (a future date) once time has moved on', async () => {
    const cacheDir = join(root, 'c5')
    const due = TEST_NOW + 3 * 86400_000
    const file = join(seeds, 'future.md')
    await writeFile(file, `---\ntitle: "Later"\npublishedDateTime: ${new Date(due).toISOString()}\nwebUrl: "https://x.example/later"\n---\n`)
    try {
      const before = await loadOutcomes(config, TEST_NOW, new SeedCache(), { cacheDir })
      expect(before.find((o) => o.file === 'future.md')!.problems.map((p) => p.code)).toContain('future-date')
      const after = await loadOutcomes(config, due + 1000, new SeedCache(), { cacheDir })
      expect(after.find((o) => o.file === 'future.md')!.problems.map((p) => p.code)).not.toContain('future-date')
    } finally {
      await rm(file)
    }
  })

  it('keeps one record per live file when edits and deletions churn', async () => {
    const cacheDir = join(root, 'c6')
    await loadOutcomes(config, TEST_NOW, new SeedCache(), { cacheDir })
    const live = (await fresh()).length
    const stored = async () => {
      const store = await openSeedStore(cacheDir, config)
      const n = store.size
      await store.close()
      return n
    }
    const file = join(seeds, 'churn.md')
    try {
      for (let i = 0; i < 12; i++) {
        await writeFile(file, `---\ntitle: "Churn ${i}"\npublishedDateTime: 2024-01-01T00:00:00Z\nwebUrl: "https://x.example/churn"\n---\n`)
        await loadOutcomes(config, TEST_NOW, new SeedCache(), { cacheDir })
        expect(await stored()).toBeLessThanOrEqual(live + 1)
      }
    } finally {
      await rm(file)
    }
    expect(await loadOutcomes(config, TEST_NOW, new SeedCache(), { cacheDir })).toEqual(await fresh())
  })
})
