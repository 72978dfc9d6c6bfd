/**
 * A warm build renders only the documents it writes: `_headers` takes the unchanged documents'
 * headers from the site manifest's entries (at 100k seeds rendering every head for it cost
 * ~0.3 s of a warm build), and still equals the file a full build writes.
 */
import { readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Site } from '../../src/documents/site.js'
import { HEADERS_FILE } from '../../src/output/headers.js'
import { SiteOutput } from '../../src/output/site-output.js'
import { writeSite } from '../../src/output/write-site.js'
import { filePath, type DocKey } from '../../src/paths.js'
import { BASE, SeedDir, seedText } from '../http/fixture.js'

let seeds: SeedDir
const options = { maxItems: 3, archiveSize: 3, baseUrl: BASE, hubUrl: 'https://hub.example/' }

beforeAll(async () => {
  seeds = await SeedDir.create()
  await seeds.write(1, 12, (i) => (i % 2 ? ['AI'] : ['AI', 'Chips']))
})
afterAll(() => seeds.cleanup())

/** `site` with the heads asked of it counted (`get` is the one way a build renders a head). */
function counting(site: Site): { site: Site; heads: () => number } {
  const heads = new Set<string>()
  const get = site.get.bind(site)
  site.get = (key: DocKey) => {
    if (key.type === 'feed' && key.page.kind === 'head') heads.add(filePath(key))
    return get(key)
  }
  return { site, heads: () => heads.size }
}

describe('a warm build', () => {
  const out = () => join(seeds.dir, 'out')
  const cacheDir = () => join(seeds.dir, 'cache')

  it('with nothing changed renders no head, and _headers stays as a full build writes it', async () => {
    await new SiteOutput(out(), { cacheDir: cacheDir() }).build(await seeds.site(options))
    const full = await readFile(join(out(), HEADERS_FILE), 'utf8')
    const warm = counting(await seeds.site(options))
    const stats = await new SiteOutput(out(), { cacheDir: cacheDir() }).build(warm.site)
    expect(stats).toMatchObject({ mode: 'incremental', rendered: 0, files: 0 })
    expect(warm.heads()).toBe(0)
    expect(await readFile(join(out(), HEADERS_FILE), 'utf8')).toBe(full)
  })

  it('with one article changed renders only the heads that hold it, and _headers equals a full build', async () => {
    await writeFile(join(seeds.seeds, 'a0012.md'), seedText(12, ['AI', 'Chips']).replace('title: "Article 12"', 'title: "Article 12, edited"'))
    const warm = counting(await seeds.site(options))
    const stats = await new SiteOutput(out(), { cacheDir: cacheDir() }).build(warm.site)
    expect(stats.mode).toBe('incremental')
    // The newest article: the global, AI and Chips heads, three formats each, rendered once each for their write.
    expect(warm.heads()).toBe(9)
    const ref = join(seeds.dir, 'ref')
    await rm(ref, { recursive: true, force: true })
    await writeSite(await seeds.site(options), ref)
    expect(await readFile(join(out(), HEADERS_FILE), 'utf8')).toBe(await readFile(join(ref, HEADERS_FILE), 'utf8'))
  })
})
