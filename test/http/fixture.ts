/**
 * A seeds folder in a temp dir, filled with numbered articles, and Sites built over it by the
 * real pipeline. Article i is dated T0 + i hours, so a higher number is newer.
 */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { resolveConfig, type RawConfig } from '../../src/config.js'
import type { Compressor } from '../../src/documents/document.js'
import { Site } from '../../src/documents/site.js'
import { nodeCompressor } from '../../src/node/compress.js'
import { loadCatalog } from '../../src/loader/index.js'
import { TEST_NOW } from '../helpers/site.js'

export const T0 = Date.UTC(2024, 0, 1)
export const BASE = 'http://localhost:3000'

/** When article `i` is published. */
export const dateOf = (i: number): number => T0 + i * 3600_000

/** The id (and link) of article `i`. */
export const idOf = (i: number): string => `https://example.com/a/${i}`

export function seedText(i: number, topics: readonly string[] = ['AI']): string {
  const list = topics.map((t) => `  - "${t}"`).join('\n')
  return [
    '---',
    `title: "Article ${i}"`,
    `excerpt: "About article ${i}."`,
    `publishedDateTime: ${new Date(dateOf(i)).toISOString()}`,
    `webUrl: "${idOf(i)}"`,
    topics.length > 0 ? `topics:\n${list}` : 'topics: []',
    '---',
    `Body of article ${i}.`,
    '',
  ].join('\n')
}

export class SeedDir {
  private constructor(readonly dir: string) {}

  static async create(): Promise<SeedDir> {
    const root = await mkdtemp(join(tmpdir(), 'feedstand-http-'))
    await mkdir(join(root, 'seeds'))
    return new SeedDir(root)
  }

  get seeds(): string {
    return join(this.dir, 'seeds')
  }

  /** Writes articles `from` … `to` (inclusive), each in the topics `topicsOf(i)` gives. */
  async write(from: number, to: number, topicsOf: (i: number) => readonly string[] = () => ['AI']): Promise<void> {
    const jobs: Promise<void>[] = []
    for (let i = from; i <= to; i++) jobs.push(writeFile(join(this.seeds, `a${String(i).padStart(4, '0')}.md`), seedText(i, topicsOf(i))))
    await Promise.all(jobs)
  }

  /** Rewrites article `i` (in "AI") with `edit` applied to its seed text. */
  async rewrite(i: number, edit: (text: string) => string): Promise<void> {
    await writeFile(join(this.seeds, `a${String(i).padStart(4, '0')}.md`), edit(seedText(i)))
  }

  async remove(i: number): Promise<void> {
    await rm(join(this.seeds, `a${String(i).padStart(4, '0')}.md`))
  }

  /** A Site over the folder as it is now; `previous` lets it reuse that snapshot's documents. */
  async site(overrides: RawConfig = {}, previous?: Site, compressor: Compressor = nodeCompressor()): Promise<Site> {
    const config = resolveConfig({ seeds: this.seeds, baseUrl: BASE, ...overrides })
    const catalog = await loadCatalog(config, TEST_NOW)
    return new Site(catalog, { config, compressor, ...(previous && { previous }) })
  }

  async cleanup(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true })
  }
}
