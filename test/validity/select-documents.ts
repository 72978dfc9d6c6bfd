/**
 * Which feed documents the validity bar reads. `full`: every one. `representative`: every item
 * at least once and every kind of document at least once, at a fraction of the bytes — the head
 * and every archive of the global feed (together they hold every article: archives count from
 * the oldest, the head holds the newest N), the head of every topic (every topic title and
 * category URL), the first and last page of the global feed, and every page and archive of the
 * largest topic. Pages overlap the archives item for item, so skipping most of them loses no item.
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
  const globalPages = all.filter((k) => k.topic === null && k.page.kind === 'page').map((k) => (k.page as { n: number }).n)
  const lastPage = Math.max(0, ...globalPages)
  return all.filter((k) => {
    if (k.page.kind === 'head') return true
    if (k.topic === null) return k.page.kind === 'archive' || k.page.n === 2 || k.page.n === lastPage
    return k.topic === largest
  })
}

/** Every head key, topic and global, in every format (used to assert the selection's coverage). */
export function headKeys(site: Site): FeedKey[] {
  return [null, ...site.catalog.topics.keys()].flatMap((topic) => FORMATS.map((format): FeedKey => ({ type: 'feed', topic, format, page: HEAD })))
}
