/** The whole load up to the snapshot: seeds folder → outcomes → Catalog. */
import type { Config } from '../config.js'
import { buildCatalog } from '../catalog/build-catalog.js'
import type { Catalog } from '../types.js'
import { loadOutcomes, type LoadOptions } from './load-outcomes.js'
import type { SeedCache } from './seed-cache.js'

/** The whole pipeline up to the snapshot. */
export async function loadCatalog(config: Config, nowMs: number, cache?: SeedCache, options?: LoadOptions): Promise<Catalog> {
  const outcomes = await loadOutcomes(config, nowMs, cache, options)
  return buildCatalog(outcomes, { onlyPublished: config.onlyPublished, nowMs })
}
