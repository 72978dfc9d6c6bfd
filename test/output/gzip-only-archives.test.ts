/**
 * `--archive-encodings gzip-only`: every full archive is one file, its `.gz`, whose bytes
 * decompressed are the document the server serves; nothing else in the tree changes, and a later
 * build (in place, with or without the compression pool) neither rewrites an archive nor leaves a
 * body file beside one.
 */
import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { siteFiles } from '../../src/output/site-files.js'
import { SiteOutput } from '../../src/output/site-output.js'
import { writeSite } from '../../src/output/write-site.js'
import { filePath } from '../../src/paths.js'
import { BASE, SeedDir } from '../http/fixture.js'

let seeds: SeedDir
const options = { maxItems: 3, archiveSize: 5, baseUrl: BASE }

beforeAll(async () => {
  seeds = await SeedDir.create()
  await seeds.write(1, 12, (i) => (i % 2 ? ['AI'] : ['AI', 'Chips']))
})
afterAll(() => seeds.cleanup())

async function files(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(dir.length + 1).split('\\').join('/')).sort()
}

const isArchive = (f: string) => f.includes('/archive/')

describe('gzip-only archives', () => {
  it('a full build writes each archive as its .gz alone, which decompresses to the served document', async () => {
    const site = await seeds.site({ ...options, archiveEncodings: 'gzip-only' })
    const out = join(seeds.dir, 'out-full')
    const stats = await writeSite(site, out)
    const all = await files(out)
    const archiveKeys = [...site.keys()].filter((k) => k.type === 'feed' && k.page.kind === 'archive')
    // AI: 12 articles → 2 archives, Chips: 6 → 1, global 12 → 2; three formats each.
    expect(archiveKeys.length).toBe((2 + 1 + 2) * 3)
    expect(all.filter(isArchive)).toEqual(archiveKeys.map((k) => `${filePath(k)}.gz`).sort())
    for (const key of archiveKeys) {
      const served = site.get(key)!.body
      expect(gunzipSync(await readFile(join(out, `${filePath(key)}.gz`))).equals(Buffer.from(served)), filePath(key)).toBe(true)
    }
    // Every other file is as the default (`gzip`) build writes it: one file fewer per archive.
    const gzipOut = join(seeds.dir, 'out-gzip')
    await writeSite(await seeds.site(options), gzipOut)
    const gzipAll = await files(gzipOut)
    expect(all.filter((f) => !isArchive(f))).toEqual(gzipAll.filter((f) => !isArchive(f)))
    expect(all.length).toBe(gzipAll.length - archiveKeys.length)
    expect(stats.files).toBe(all.length)
    // siteFiles (what a full build writes, synchronously) names the same files.
    expect([...siteFiles(site)].map((f) => f.file).sort()).toEqual(all)
    // A host that reads _headers serves files as they are: the file says this tree is not for it.
    expect(await readFile(join(out, '_headers'), 'utf8')).toContain('# Built with --archive-encodings gzip-only: each archive is only its .gz')
    expect(await readFile(join(gzipOut, '_headers'), 'utf8')).not.toContain('gzip-only')
  })

  it('later builds with newer articles rewrite no archive and write a newly full one as .gz alone, with and without the compression pool', async () => {
    for (const pool of [true, false]) {
      const dir = await SeedDir.create()
      try {
        await dir.write(1, 12, () => ['AI'])
        const config = { ...options, archiveEncodings: 'gzip-only' }
        const out = join(dir.dir, 'out')
        const output = new SiteOutput(out, { cacheDir: join(dir.dir, 'cache') })
        const first = await dir.site(config)
        if (pool) await writeSite(first, out, { cacheDir: join(dir.dir, 'cache') })
        else await output.build(first)
        const before = await files(out)
        const mtimes = new Map(await Promise.all(before.filter(isArchive).map(async (f) => [f, (await stat(join(out, f))).mtimeMs] as const)))
        await dir.write(13, 15, () => ['AI'])
        const next = await dir.site(config)
        const stats = pool ? await writeSite(next, out, { cacheDir: join(dir.dir, 'cache') }) : await output.update(next)
        expect(stats.mode, `pool ${pool}`).toBe('incremental')
        for (const [f, mtime] of mtimes) expect((await stat(join(out, f))).mtimeMs, f).toBe(mtime)
        // 15 articles, 5 per archive: archive 3 of both scopes is new, in three formats.
        const added = (await files(out)).filter((f) => isArchive(f) && !mtimes.has(f))
        expect(added, `pool ${pool}`).toEqual(['atom/archive/3.xml.gz', 'feed/archive/3.json.gz', 'rss/archive/3.xml.gz', 'topics/ai/atom/archive/3.xml.gz', 'topics/ai/feed/archive/3.json.gz', 'topics/ai/rss/archive/3.xml.gz'])
        for (const f of added) {
          const key = [...next.keys()].find((k) => `${filePath(k)}.gz` === f)!
          expect(gunzipSync(await readFile(join(out, f))).equals(Buffer.from(next.get(key)!.body)), f).toBe(true)
        }
      } finally {
        await dir.cleanup()
      }
    }
  })

  it('an archive .gz deleted or truncated behind the build\'s back is written again, still as .gz alone', async () => {
    const config = { ...options, archiveEncodings: 'gzip-only' }
    const out = join(seeds.dir, 'out-repair')
    const cacheDir = join(seeds.dir, 'cache-repair')
    await writeSite(await seeds.site(config), out, { cacheDir })
    const before = await files(out)
    const gone = 'topics/ai/rss/archive/1.xml.gz'
    const cut = 'atom/archive/2.xml.gz'
    const whole = await readFile(join(out, cut))
    await rm(join(out, gone))
    await writeFile(join(out, cut), whole.subarray(0, 10))
    const stats = await writeSite(await seeds.site(config), out, { cacheDir })
    expect(stats.mode).toBe('incremental')
    expect(stats.repaired).toBe(2)
    expect(await files(out)).toEqual(before)
    expect((await readFile(join(out, cut))).equals(whole)).toBe(true)
  })
})
