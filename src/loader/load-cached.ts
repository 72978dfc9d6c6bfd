/**
 * The outcomes the persistent cache holds, without listing or stat-ing the seeds folder: the state
 * the last build or run with these settings left. `serve` answers from it at once and reconciles
 * after (src/live/live-site.ts): at 100k seeds in one flat folder, listing and stat-ing alone take
 * seconds, parsing tens of them.
 */
import type { Config } from '../config.js'
import { openSeedStore } from '../cache/open.js'
import type { SeedOutcome } from '../seed/seed-outcome.js'
import type { SeedCache } from './seed-cache.js'

export interface CachedOutcomes {
  /** In file order, as loadOutcomes gives them; empty when the cache holds nothing (a cold start). */
  outcomes: SeedOutcome[]
  /** What was discarded as damaged, for one notice line; undefined when the store was sound. */
  notice?: string
}

/**
 * Every sound record of the cache under `cacheDir`, its file state remembered in `cache` (so that
 * a later loadOutcomes through `cache` hands back the same outcome objects for unchanged files).
 */
export async function loadCachedOutcomes(config: Config, cacheDir: string, cache: SeedCache): Promise<CachedOutcomes> {
  const store = await openSeedStore(cacheDir, config).catch(() => undefined)
  if (!store) return { outcomes: [] }
  const outcomes: SeedOutcome[] = []
  try {
    for (const r of store.records()) {
      cache.set(r, r.outcome)
      outcomes.push(r.outcome)
    }
  } finally {
    await store.close().catch(() => undefined)
  }
  outcomes.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))
  const damage = store.damage.length > 0 ? `cache: discarded damaged records in ${store.folder} (${store.damage.join('; ')}); their seeds are parsed again` : undefined
  return { outcomes, ...(damage && { notice: damage }) }
}
