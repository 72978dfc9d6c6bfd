/** Seeds in memory → the whole document set, the way `build` makes it (no disk, no compression). */
import type { SeedOutcome } from '../../src/seed/seed-outcome.js'
import type { Config } from '../../src/config.js'
import type { Site } from '../../src/documents/site.js'
import { FAST_PORTS, siteFromTexts, type SeedText } from '../helpers/site.js'

export type { SeedText }

/** processSeed every seed, build the catalog and its Site. */
export function siteOf(seeds: readonly SeedText[], nowMs: number, raw: Record<string, unknown> = {}): { site: Site; outcomes: SeedOutcome[]; config: Config } {
  return siteFromTexts(seeds, { maxItems: 3, ...raw }, nowMs, { ports: FAST_PORTS })
}

/** Every document of the site (heads, pages, archives, index documents), rendered. */
export function* documentsOf(site: Site): Generator<{ file: string; body: Uint8Array; contentType: string }> {
  for (const key of site.keys()) {
    const doc = site.get(key)
    if (doc) yield { file: doc.file, body: doc.body, contentType: doc.contentType }
  }
}
