/**
 * The files of archives in a static build: `archiveEncodings` decides which compressed copies an
 * archive gets (heads always get both), and an archive, once written, is neither rendered nor
 * written again by later builds while newer articles arrive (RFC 5005: it never changes).
 */
import { readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeSite } from '../../src/output/write-site.js'
import { BASE, SeedDir } from '../http/fixture.js'

let seeds: SeedDir
const options = { maxItems: 3, archiveSize: 5, baseUrl: BASE }

beforeAll(async () => {
  seeds = await SeedDir.create()
  await seeds.write(1, 12, () => ['AI'])
})
afterAll(() => seeds.cleanup())

async function files(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(dir.length + 1).split('\\').join('/')).sort()
}

describe('archive encodings', () => {
  for (const [encodings, expected] of [['gzip', ['1.xml', '1.xml.gz']], ['all', ['1.xml', '1.xml.br', '1.xml.gz']], ['none', ['1.xml']]] as const) {
    it(`${encodings}: archives get ${expected.slice(1).join(' and ') || 'no compressed copy'}, heads get .gz and .br`, async () => {
      const out = join(seeds.dir, `out-${encodings}`)
      await writeSite(await seeds.site({ ...options, archiveEncodings: encodings }), out)
      const all = await files(out)
      expect(all.filter((f) => f.startsWith('atom/archive/1.'))).toEqual(expected.map((f) => `atom/archive/${f}`))
      expect(all.filter((f) => f.startsWith('atom.xml'))).toEqual(['atom.xml', 'atom.xml.br', 'atom.xml.gz'])
    })
  }

  it('the default is gzip only', async () => {
    const out = join(seeds.dir, 'out-default')
    await writeSite(await seeds.site(options), out)
    expect((await files(out)).filter((f) => f.startsWith('rss/archive/2.'))).toEqual(['rss/archive/2.xml', 'rss/archive/2.xml.gz'])
  })
})

describe('a full archive is written once', () => {
  it('later builds with newer articles render and write no existing archive again', async () => {
    const out = join(seeds.dir, 'out-once')
    const cacheDir = join(seeds.dir, 'cache-once')
    await writeSite(await seeds.site(options), out, { cacheDir })
    const archives = (await files(out)).filter((f) => f.includes('/archive/'))
    expect(archives.length).toBeGreaterThan(0)
    const before = new Map(await Promise.all(archives.map(async (f) => [f, (await stat(join(out, f))).mtimeMs] as const)))
    await seeds.write(13, 14, () => ['AI'])
    const stats = await writeSite(await seeds.site(options), out, { cacheDir })
    expect(stats.mode).toBe('incremental')
    for (const [f, mtime] of before) expect((await stat(join(out, f))).mtimeMs, f).toBe(mtime)
    // 14 articles, 5 per archive: archives 1 and 2 stay; what changed is the heads and bridges of
    // both scopes (2 × 3 formats each), the four index documents (/, topics.json, scopes.json,
    // topics.opml) and the topic's page.
    expect(stats.rendered).toBe(2 * 3 * 2 + 5)
  })
})
