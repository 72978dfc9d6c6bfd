/**
 * `build --watch`'s choice of documents, one new newest article at a time: it must render and
 * write the heads and bridges of the article's scopes and an archive that just filled, delete a
 * bridge that just became part of it, and leave every other archive alone (not even rendered).
 * SiteOutput (src/output/) is driven directly with the live path's own pieces (readChanges → CatalogIndex →
 * Site reusing the previous one) over a real seeds folder, without the watcher (its side is in
 * build-watch.test.ts).
 */
import { readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { CatalogIndex } from '../../src/catalog/update-catalog.js'
import { resolveConfig } from '../../src/config.js'
import { Site } from '../../src/documents/site.js'
import { readChanges } from '../../src/live/read-changes.js'
import { SiteOutput } from '../../src/output/index.js'
import { filePath } from '../../src/paths.js'
import { TEST_NOW } from '../helpers/site.js'
import { BASE, SeedDir } from '../http/fixture.js'
import { ports, removeDir, tempDir } from './helpers.js'

const N = 3
const MAX_TOTAL = 4 * N + 3
/** Every article is in "AI" (the same list as the global feed); even ones also in "Chips". */
const topicsOf = (i: number) => (i % 2 === 0 ? ['AI', 'Chips'] : ['AI'])
const SCOPES = [
  { dir: '', size: (t: number) => t, has: () => true },
  { dir: 'topics/ai/', size: (t: number) => t, has: () => true },
  { dir: 'topics/chips/', size: (t: number) => Math.floor(t / 2), has: (i: number) => i % 2 === 0 },
]
const FILES = [['rss', 'xml'], ['atom', 'xml'], ['feed', 'json']] as const
const INDEX_FILES = ['_feedstand.json', '_headers', 'index.html', 'scopes.json', 'topics.json', 'topics.opml']

const cleanups: (() => Promise<void>)[] = []
afterAll(async () => {
  for (const c of cleanups) await c()
})

/** Relative path → inode of every file under `root`, variants folded into their document. */
async function tree(root: string): Promise<Map<string, number>> {
  const out = new Map<string, number>()
  for (const name of await readdir(root, { recursive: true })) {
    const st = await stat(join(root, name))
    if (st.isFile()) out.set(name.split('\\').join('/'), st.ino)
  }
  return out
}

const documentOf = (file: string) => file.replace(/\.(gz|br)$/, '')
const unique = (files: Iterable<string>) => [...new Set([...files].map(documentOf))].sort()
/** Pages and their assets: the site page, topic pages (`topics/x/index.html`), `assets/`. */
const isPage = (file: string) => file.endsWith('index.html') || file.startsWith('assets/')
const isFeed = (file: string) => !INDEX_FILES.includes(file) && !isPage(file)

const hasBridge = (total: number) => total >= N && total % N > 0

/** What one new article must rewrite and delete in one scope that now holds `total` items. */
function expectedIn(dir: string, total: number): { rendered: string[]; written: string[]; deleted: string[] } {
  const rendered: string[] = []
  const written: string[] = []
  const deleted: string[] = []
  for (const [stem, ext] of FILES) {
    written.push(`${dir}${stem}.${ext}`)
    const bridge = `${dir}${stem}/page/2.${ext}`
    if (hasBridge(total)) rendered.push(bridge)
    else if (hasBridge(total - 1)) deleted.push(bridge)
    if (total % N === 0) rendered.push(`${dir}${stem}/archive/${total / N}.${ext}`)
  }
  return { rendered, written: [...written, ...rendered], deleted }
}

/** Non-head documents `site` has rendered so far (the heads are rendered for `_headers` anyway). */
function renderedNonHeads(site: Site): string[] {
  const files: string[] = []
  for (const key of site.keys()) {
    if (key.type !== 'feed' || key.page.kind === 'head') continue
    if (site.peek(filePath(key))) files.push(filePath(key))
  }
  return files.sort()
}

describe('build --watch: one new newest article', () => {
  it(`${N} per document, 1 … ${MAX_TOTAL} articles: heads and bridges of its scopes and a newly filled archive, nothing else`, async () => {
    const seeds = await SeedDir.create()
    const outDir = join(await tempDir(), 'out')
    cleanups.push(() => seeds.cleanup(), () => removeDir(join(outDir, '..')))
    const config = resolveConfig({ seeds: seeds.seeds, out: outDir, baseUrl: BASE, maxItems: N, archiveSize: N })
    const index = new CatalogIndex([], { onlyPublished: config.onlyPublished, nowMs: TEST_NOW })
    let prev = new Site(index.catalog, { config, ...ports })
    const output = new SiteOutput(outDir)
    await output.build(prev)
    for (let total = 1; total <= MAX_TOTAL; total++) {
      await seeds.write(total, total, topicsOf)
      const file = `a${String(total).padStart(4, '0')}.md`
      const { outcomes } = await readChanges(config, [file], TEST_NOW)
      const catalog = index.update(outcomes, TEST_NOW)
      const next = new Site(catalog, { config, ...ports, fragments: prev.fragments, previous: prev })
      const before = await tree(outDir)
      const stats = await output.update(next)
      const after = await tree(outDir)
      const want = { rendered: [] as string[], written: [] as string[], deleted: [] as string[] }
      for (const s of SCOPES.filter((s) => s.has(total))) {
        const e = expectedIn(s.dir, s.size(total))
        want.rendered.push(...e.rendered)
        want.written.push(...e.written)
        want.deleted.push(...e.deleted)
      }
      const written = unique([...after].filter(([f, ino]) => before.get(f) !== ino).map(([f]) => f))
      const label = `${total} articles`
      expect(written.filter(isFeed), label).toEqual(unique(want.written))
      expect(written.filter((f) => !isFeed(f)), label).toContain('topics.json')
      // The pages that list the new article: the site page and the pages of its topics, no other.
      const pages = SCOPES.filter((s) => s.has(total)).map((s) => `${s.dir}index.html`)
      expect(written.filter((f) => f.endsWith('index.html')), label).toEqual(unique(pages))
      expect(unique([...before.keys()].filter((f) => !after.has(f))), label).toEqual(unique(want.deleted))
      expect(renderedNonHeads(next), label).toEqual(unique(want.rendered))
      expect(stats.deletedFiles, label).toBe([...before.keys()].filter((f) => !after.has(f)).length)
      prev = next
    }
  })
})
