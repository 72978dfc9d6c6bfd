/**
 * Outcomes of light records whose articles read their heavy fields from the open seed store when
 * an item is rendered (src/cache/stored-article.ts, body-source.ts): what a start from the cache
 * and a build through it hold, instead of whole articles.
 */
import type { Config } from '../config.js'
import type { LightArticle, LightRecord } from '../cache/article-parts.js'
import type { SeedStore } from '../cache/seed-store.js'
import { storedArticles } from '../cache/stored-article.js'
import type { SeedOutcome } from '../seed/seed-outcome.js'
import { StoreBodies } from './body-source.js'

/** A maker of outcomes from `store`'s light records; `onNotice` is told when a stored body could not be used. */
export function storedOutcomes(store: SeedStore, config: Pick<Config, 'seedsDir' | 'maxExcerptLength' | 'maxFileBytes'>, onNotice?: (line: string) => void): (r: LightRecord) => SeedOutcome {
  const stored = storedArticles(new StoreBodies(store, config, (file, reparsed) => onNotice?.(bodyNotice(store, file, reparsed))))
  return (r) => {
    const { article, ...rest } = r.outcome
    rest.file = r.file
    return article ? { ...rest, article: stored(shared(article, r.file, r.hash)) } : rest
  }
}

/**
 * The light article with one string for each value it repeats: deserializing gives every field its
 * own copy, and file, hash and (for most articles) id = webUrl are the same values (at 100k: ~9 MB
 * of ids and ~13 MB of hashes and paths held twice).
 */
function shared(a: LightArticle, file: string, hash: string): LightArticle {
  return { ...a, file, hash, id: a.id === a.webUrl ? a.webUrl : a.id }
}

function bodyNotice(store: SeedStore, file: string, reparsed: boolean): string {
  const what = reparsed ? 'its seed was parsed again' : 'its seed has changed since, so the snapshot that had it cannot render it'
  return `cache: the stored body of ${file} in ${store.folder} is missing or damaged; ${what}; the cache's next save drops its record`
}
