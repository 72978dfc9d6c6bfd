/**
 * The outcomes the persistent cache holds, without listing or stat-ing the seeds folder: the state
 * the last build or run with these settings left. `serve` answers from it at once and reconciles
 * after (src/live/live-site.ts): at 100k seeds in one flat folder, listing and stat-ing alone take
 * seconds, parsing tens of them.
 *
 * Only the light records are read: each article's heavy fields are read from the store when an
 * item is rendered (src/cache/stored-article.ts, body-source.ts), so the store stays open for as
 * long as the articles live, and the caller closes it (`CachedOutcomes.store`).
 */
import type { Config } from '../config.js'
import { openSeedStore } from '../cache/open.js'
import type { SeedStore } from '../cache/seed-store.js'
import type { SeedOutcome } from '../seed/seed-outcome.js'
import { storedOutcomes } from './stored-outcomes.js'
import type { SeedCache } from './seed-cache.js'

export interface CachedOutcomes {
  /** In file order, as loadOutcomes gives them; empty when the cache holds nothing (a cold start). */
  outcomes: SeedOutcome[]
  /** What was discarded as damaged, for one notice line; undefined when the store was sound. */
  notice?: string
  /**
   * The open store the articles read their bodies from (also the one to load through later:
   * LoadOptions.store); the caller closes it when it is done with them. Undefined when none opened.
   */
  store?: SeedStore
}

export interface CachedOptions {
  /** Told, in one line, when an article's stored body could not be used while rendering (it was read from its seed). */
  onNotice?: (line: string) => void
}

/**
 * Every sound record of the cache under `cacheDir`, its file state remembered in `cache` (so that
 * a later loadOutcomes through `cache` hands back the same outcome objects for unchanged files).
 */
export async function loadCachedOutcomes(config: Config, cacheDir: string, cache: SeedCache, options: CachedOptions = {}): Promise<CachedOutcomes> {
  const store = await openSeedStore(cacheDir, config).catch(() => undefined)
  if (!store) return { outcomes: [] }
  const outcomes: SeedOutcome[] = []
  const stored = storedOutcomes(store, config, options.onNotice)
  try {
    for (const r of store.records()) {
      const outcome = stored(r)
      cache.setLater(r, outcome)
      outcomes.push(outcome)
    }
  } catch (err) {
    await store.close().catch(() => undefined)
    throw err
  }
  // The scan mapped the light records' pages (~240 MB at 100k): unmapped until a body is read.
  await store.release()
  outcomes.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))
  const damage = store.damage.length > 0 ? `cache: discarded damaged records in ${store.folder} (${store.damage.join('; ')}); their seeds are parsed again` : undefined
  return { outcomes, store, ...(damage && { notice: damage }) }
}
