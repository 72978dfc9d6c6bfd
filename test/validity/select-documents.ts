/**
 * Which feed documents the validity bar reads. `full`: every one. `representative`: every item
 * at least once and every kind of document at least once, at a fraction of the bytes — every
 * document of the global feed (head, bridge, archives: together they hold every article), the
 * head of every scope of every kind (every topic title and category URL), and every document of the largest
 * topic. The other topics' bridges and archives repeat the global feed's items.
 */
import type { Site } from '../../src/documents/site.js'
import { FORMATS, HEAD } from '../../src/paths.js'
import { feedKeys, type FeedKey } from '../render/rich-site.js'

export type Selection = 'full' | 'representative'

export function selectDocuments(site: Site, selection: Selection): FeedKey[] {
  const all = feedKeys(site)
  if (selection === 'full') return all
  const largest = [...site.catalog.topics.values()].reduce<{ slug: string; n: number }>(
    (best, t) => (t.articles.length > best.n ? { slug: t.slug, n: t.articles.length } : best),
    { slug: '', n: -1 },
  ).slug
  return all.filter((k) => k.page.kind === 'head' || k.scope === null || (k.scope.kind === 'topic' && k.scope.slug === largest))
}

/** Every head key, global and of every built scope (topics, providers, categories), in every format (used to assert the selection's coverage). */
export function headKeys(site: Site): FeedKey[] {
  return [null, ...site.scopes()].flatMap((scope) => FORMATS.map((format): FeedKey => ({ type: 'feed', scope, format, page: HEAD })))
}
