/**
 * Outcomes of light records whose articles read their heavy fields from the open seed store when
 * an item is rendered (src/cache/stored-article.ts, body-source.ts): what a start from the cache
 * and a build through it hold, instead of whole articles.
 */
import type { Config } from '../config.js'
import type { LightRecord } from '../cache/article-parts.js'
import type { SeedStore } from '../cache/seed-store.js'
import { storedArticles } from '../cache/stored-article.js'
import type { SeedOutcome } from '../seed/seed-outcome.js'
import { StoreBodies } from './body-source.js'

/** A maker of outcomes from `store`'s light records; `onNotice` is told when a stored body could not be used. */
export function storedOutcomes(store: SeedStore, config: Pick<Config, 'seedsDir' | 'maxExcerptLength' | 'maxFileBytes'>, onNotice?: (line: string) => void): (r: LightRecord) => SeedOutcome {
  const stored = storedArticles(new StoreBodies(store, config, (file, reparsed) => onNotice?.(bodyNotice(store, file, reparsed))))
  // The light records already share one string for file, hash and (mostly) id = webUrl between
  // the record and its article (src/cache/light-layout.ts: ~22 MB at 100k), so nothing is copied.
  return (r) => {
    const { article, problems } = r.outcome
    return article ? { file: r.file, problems, article: stored(article) } : { file: r.file, problems }
  }
}

function bodyNotice(store: SeedStore, file: string, reparsed: boolean): string {
  const what = reparsed ? 'its seed was parsed again' : 'its seed has changed since, so the snapshot that had it cannot render it'
  return `cache: the stored body of ${file} in ${store.folder} is missing or damaged; ${what}; the cache's next save drops its record`
}
