/**
 * The static build for CDNs, through the real CLI command: `_headers` at the root, and beside
 * every compressible file a `.gz` and a `.br` that decode to its exact bytes and are what the
 * server sends for those encodings.
 */
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { runBuild } from '../../src/cli/build.js'
import type { Io } from '../../src/io.js'
import { resolveConfig } from '../../src/config.js'
import { createApp } from '../../src/http/app.js'
import { TEST_NOW } from '../helpers/site.js'
import { BASE, SeedDir } from '../http/fixture.js'

let seeds: SeedDir
let out: string
const io: Io = { out: () => {}, err: () => {}, now: () => TEST_NOW }
// One document size, and every encoding for archives too: what this file checks is every variant the build can write.
const options = { maxItems: 3, archiveSize: 3, archiveEncodings: 'all', hubUrl: 'https://hub.example/' }

beforeAll(async () => {
  seeds = await SeedDir.create()
  await seeds.write(1, 8, (i) => (i % 2 === 0 ? ['AI', 'Chips'] : ['AI']))
  out = join(seeds.dir, 'feeds')
  expect(await runBuild(resolveConfig({ seeds: seeds.seeds, out, baseUrl: BASE, ...options }), io)).toBe(0)
})
afterAll(() => seeds.cleanup())

it('writes _headers and a .gz and .br beside each text file, identical to what the server sends', async () => {
  const files = (await readdir(out, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(out.length + 1))
  expect(files).toContain('_headers')
  expect(await readFile(join(out, '_headers'), 'utf8')).toContain('/topics/:topic/feed/archive/*.json\n')
  const site = await seeds.site(options)
  const app = createApp({ site: () => site })
  let pairs = 0
  for (const file of files.filter((f) => f.endsWith('.gz') || f.endsWith('.br'))) {
    const plain = await readFile(join(out, file.slice(0, -3)))
    const packed = await readFile(join(out, file))
    const gzip = file.endsWith('.gz')
    expect((gzip ? gunzipSync : brotliDecompressSync)(packed).equals(plain), file).toBe(true)
    const path = '/' + file.slice(0, -3).split('/').map(encodeURIComponent).join('/')
    const res = await app.request(path === '/index.html' ? '/' : path, { headers: { 'accept-encoding': gzip ? 'gzip' : 'br' } })
    expect(Buffer.from(await res.arrayBuffer()).equals(packed), file).toBe(true)
    pairs++
  }
  // Every text document; the site manifest is read by the Worker through its assets binding, never sent compressed.
  expect(pairs).toBe(2 * files.filter((f) => /\.(xml|json|opml|html|css|js)$/.test(f) && f !== '_feedstand.json').length)
})

it('writes exactly the heads, the bridges (page 2) and the archives: no other page, also after an incremental rebuild', async () => {
  const documents = async () =>
    (await readdir(out, { recursive: true, withFileTypes: true }))
      .filter((e) => e.isFile() && !/\.(gz|br)$/.test(e.name))
      .map((e) => join(e.parentPath, e.name).slice(out.length + 1).split('\\').join('/'))
      .sort()
  // Each topic's folder also holds its page (index.html), once.
  const feeds = (dir: string, docs: string[]) => [...(dir ? [`${dir}index.html`] : []), ...docs.flatMap((d) => [`${dir}rss${d}.xml`, `${dir}atom${d}.xml`, `${dir}feed${d}.json`])]
  const index = ['_feedstand.json', '_headers', 'assets/site.css', 'assets/site.js', 'icon.png', 'index.html', 'scopes.json', 'topics.json', 'topics.opml']
  // 8 articles, 3 per document: head 8–6, bridge 5–4, archive 2 = 6–4, archive 1 = 3–1 (AI holds all
  // of them too); Chips (2, 4, 6, 8): head 8–4, bridge 2, archive 1 = 6–2.
  const all = ['', '/page/2', '/archive/1', '/archive/2']
  expect(await documents()).toEqual([...index, ...feeds('', all), ...feeds('topics/ai/', all), ...feeds('topics/chips/', ['', '/page/2', '/archive/1'])].sort())
  // A ninth article fills archive 3 = 9–7 with head and bridge: the bridges go, through the build
  // manifest's incremental path (the cache folder beside the output).
  await seeds.write(9, 9, () => ['AI'])
  expect(await runBuild(resolveConfig({ seeds: seeds.seeds, out, baseUrl: BASE, ...options }), io)).toBe(0)
  const full = ['', '/archive/1', '/archive/2', '/archive/3']
  expect(await documents()).toEqual([...index, ...feeds('', full), ...feeds('topics/ai/', full), ...feeds('topics/chips/', ['', '/page/2', '/archive/1'])].sort())
})

it('an incremental rebuild rewrites a head whose items stayed but whose links moved (the signature covers the walk)', async () => {
  // Article 0 is older than all: the head keeps 9–7, but the walk gains a bridge, so the head's
  // `next` changes from archive 2 to page 2. The incremental build must see that without rendering.
  await seeds.write(0, 0, () => ['AI'])
  const config = resolveConfig({ seeds: seeds.seeds, out, baseUrl: BASE, ...options })
  expect(await runBuild(config, io)).toBe(0)
  const fresh = join(seeds.dir, 'fresh')
  expect(await runBuild({ ...config, outDir: fresh }, io)).toBe(0)
  const files = async (dir: string) => (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(dir.length + 1)).sort()
  expect(await files(out)).toEqual(await files(fresh))
  for (const f of await files(fresh)) expect((await readFile(join(out, f))).equals(await readFile(join(fresh, f))), f).toBe(true)
  expect(await readFile(join(out, 'atom.xml'), 'utf8')).toContain(`<link rel="next" href="${BASE}/atom/page/2.xml"`)
})
