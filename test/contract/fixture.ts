/**
 * The one corpus every contract target serves: 8 articles in two topics with 3 items per document,
 * so each scope has a head, a bridge and archives. Built once per target (the Node server reads the
 * seeds; the static targets serve a `feedstand build` of the same seeds).
 */
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { runBuild } from '../../src/cli/build.js'
import type { Io } from '../../src/cli/io.js'
import { resolveConfig, type ArchiveEncodings, type Config } from '../../src/config.js'
import { TEST_NOW } from '../helpers/site.js'
import { BASE, SeedDir, dateOf, idOf } from '../http/fixture.js'

/** What the contract suite knows about the corpus: scopes, their items newest first, the base URL the documents name. */
export interface Corpus {
  /** The base URL written into self links, `next` links and `?page` redirects. */
  base: string
  /** URL prefix of each scope ('' for the global feed, '/topics/<slug>') → item ids, newest first. */
  scopes: Record<string, string[]>
  /** Date of the newest item of the global feed (the head's Last-Modified on a target that knows it). */
  newestMs: number
}

export const MAX_ITEMS = 3

export const CORPUS: Corpus = {
  base: BASE,
  // Even articles are in AI and Chips, odd ones in AI and 中国 (a path segment that is percent-encoded in URLs, not on disk).
  scopes: {
    '': [8, 7, 6, 5, 4, 3, 2, 1].map(idOf),
    '/topics/ai': [8, 7, 6, 5, 4, 3, 2, 1].map(idOf),
    '/topics/chips': [8, 6, 4, 2].map(idOf),
    [`/topics/${encodeURIComponent('中国')}`]: [7, 5, 3, 1].map(idOf),
    // Scopes of the other kinds (issue 14): articles 1–7 come from one provider, odd ones are analysis.
    '/providers/wire-service': [7, 6, 5, 4, 3, 2, 1].map(idOf),
    '/categories/analysis': [7, 5, 3, 1].map(idOf),
  },
  newestMs: dateOf(8),
}

export const quietIo: Io = { out: () => {}, err: () => {}, now: () => TEST_NOW }

/** The seeds of CORPUS in a temp dir, and the config every target uses for them (archives with every encoding unless `archiveEncodings` says otherwise). */
export async function corpusSeeds(archiveEncodings: ArchiveEncodings = 'all'): Promise<{ seeds: SeedDir; config: Config }> {
  const seeds = await SeedDir.create()
  await seeds.write(1, 8, (i) => (i % 2 === 0 ? ['AI', 'Chips'] : ['AI', '中国']))
  for (let i = 1; i <= 7; i++) {
    const file = join(seeds.seeds, `a${String(i).padStart(4, '0')}.md`)
    const extra = ['provider: { name: "Wire Service", domain: wire.example }', ...(i % 2 ? ['category: Analysis'] : [])]
    await writeFile(file, (await readFile(file, 'utf8')).replace('\n---\n', `\n${extra.join('\n')}\n---\n`))
  }
  const config = resolveConfig({
    seeds: seeds.seeds,
    out: join(seeds.dir, 'feeds'),
    host: '127.0.0.1',
    port: 0,
    baseUrl: BASE,
    maxItems: MAX_ITEMS,
    // One document size and every encoding for archives: the contract's paging and compression
    // checks walk archives of MAX_ITEMS and ask each target for every coding of every document.
    archiveSize: MAX_ITEMS,
    archiveEncodings,
    watch: false,
  })
  return { seeds, config }
}

/** `feedstand build` of CORPUS: the static tree (with its `.gz`, `.br` and `_headers`) a static host serves. */
export async function builtCorpus(archiveEncodings?: ArchiveEncodings): Promise<{ seeds: SeedDir; config: Config; root: string }> {
  const { seeds, config } = await corpusSeeds(archiveEncodings)
  const code = await runBuild(config, quietIo)
  if (code !== 0) throw new Error(`feedstand build exited ${code}`)
  return { seeds, config, root: config.outDir }
}
