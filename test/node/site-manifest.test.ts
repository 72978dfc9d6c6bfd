/**
 * `_feedstand.json`, the site manifest the Worker answers from: every document the build writes,
 * with the server's own hash, headers, Last-Modified and links, and on heads the scope's item
 * count; and an in-place build keeps it whole when the file on disk is gone or garbled.
 */
import { readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { SITE_MANIFEST_FILE, parseSiteManifest, type SiteManifest } from '../../src/documents/site-manifest.js'
import { writeSite } from '../../src/output/write-site.js'
import { filePath } from '../../src/paths.js'
import { BASE, SeedDir } from '../http/fixture.js'

let seeds: SeedDir
const options = { maxItems: 3, baseUrl: BASE, hubUrl: 'https://hub.example/' }
const out = () => join(seeds.dir, 'out', 'feeds')
const build = async () => writeSite(await seeds.site(options), out(), { cacheDir: join(seeds.dir, 'out', '.cache') })
const manifest = async () => parseSiteManifest(await readFile(join(out(), SITE_MANIFEST_FILE), 'utf8')) as SiteManifest

beforeAll(async () => {
  seeds = await SeedDir.create()
  await seeds.write(1, 10, (i) => (i % 2 === 0 ? ['AI', 'Chips'] : ['AI']))
  await build()
})
afterAll(() => seeds.cleanup())

it('names every document with the server\'s hash, headers, Last-Modified and links; heads with their scope\'s item count', async () => {
  const m = await manifest()
  const site = await seeds.site(options)
  const keys = [...site.keys()]
  expect(Object.keys(m.documents)).toEqual(keys.map(filePath))
  for (const key of keys) {
    const doc = site.get(key)!
    const e = m.documents[doc.file]!
    const { Link, ...headers } = doc.headers
    expect(e.e, doc.file).toBe(doc.hash)
    expect(m.headerSets[e.h], doc.file).toEqual(headers)
    expect(e.m, doc.file).toBe(doc.lastModifiedMs)
    expect(e.l, doc.file).toEqual(Link === undefined ? undefined : [...doc.links])
    const head = key.type === 'feed' && key.page.kind === 'head'
    expect(e.n, doc.file).toBe(head ? site.scopeItems(key.scope)!.length : undefined)
  }
  expect(m.config).toEqual({ baseUrl: BASE, maxItems: 3, maxLimit: site.config.maxLimit, maxAge: site.config.maxAge, staleWhileRevalidate: site.config.staleWhileRevalidate })
  // Header sets are shared: one per kind (a feed format's heads and archives differ in Cache-Control), however many documents.
  expect(m.headerSets.length).toBe(new Set(keys.map((k) => JSON.stringify(m.headerSets[m.documents[filePath(k)]!.h]))).size)
  expect(m.headerSets.length).toBeLessThanOrEqual(12)
  expect(keys.length).toBeGreaterThan(3 * m.headerSets.length)
})

it('an in-place build writes it again when it is missing or garbled, equal to the full build\'s', async () => {
  const want = await readFile(join(out(), SITE_MANIFEST_FILE))
  await rm(join(out(), SITE_MANIFEST_FILE))
  expect((await build()).mode).toBe('incremental')
  expect((await readFile(join(out(), SITE_MANIFEST_FILE))).equals(want)).toBe(true)
  // Same size, other bytes: the size check passes, the entries cannot be read, so they are made from the documents.
  await writeFile(join(out(), SITE_MANIFEST_FILE), Buffer.alloc(want.byteLength, 0x20))
  await build()
  expect((await readFile(join(out(), SITE_MANIFEST_FILE))).equals(want)).toBe(true)
})

it('an in-place build after a new article takes the unchanged entries from disk and equals a full build', async () => {
  await seeds.write(11, 11, () => ['Chips'])
  expect((await build()).mode).toBe('incremental')
  const incremental = await readFile(join(out(), SITE_MANIFEST_FILE))
  const fresh = join(seeds.dir, 'fresh')
  await writeSite(await seeds.site(options), fresh)
  expect(incremental.equals(await readFile(join(fresh, SITE_MANIFEST_FILE)))).toBe(true)
  expect((await manifest()).documents['topics/chips/rss.xml']!.n).toBe(6)
})
