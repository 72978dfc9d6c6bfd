/** Seeds in memory → the whole document set, the way `build` makes it (no disk, no compression). */
import { buildCatalog } from '../../src/catalog/build-catalog.js'
import type { SeedOutcome } from '../../src/seed/seed-outcome.js'
import { resolveConfig, type Config } from '../../src/config.js'
import { Site } from '../../src/documents/site.js'
import { nodeCompressor } from '../../src/node/compress.js'
import { normalizeOptions, processSeed } from '../../src/seed/process-seed.js'

export interface SeedText {
  file: string
  text: string | Uint8Array
}

/** processSeed every seed, build the catalog and its Site. */
export function siteOf(seeds: readonly SeedText[], nowMs: number, raw: Record<string, unknown> = {}): { site: Site; outcomes: SeedOutcome[]; config: Config } {
  const config = resolveConfig({ maxItems: 3, ...raw })
  const opts = normalizeOptions(config, nowMs)
  const outcomes = seeds.map((s) => processSeed(s.file, typeof s.text === 'string' ? new TextEncoder().encode(s.text) : s.text, opts))
  const catalog = buildCatalog(outcomes, { onlyPublished: config.onlyPublished, nowMs })
  return { site: new Site(catalog, { config, compressor: nodeCompressor({ gzipLevel: 1, brotliQuality: 1 }) }), outcomes, config }
}

/** Every document of the site (heads, pages, archives, index documents), rendered. */
export function* documentsOf(site: Site): Generator<{ file: string; body: Uint8Array; contentType: string }> {
  for (const key of site.keys()) {
    const doc = site.get(key)
    if (doc) yield { file: doc.file, body: doc.body, contentType: doc.contentType }
  }
}
