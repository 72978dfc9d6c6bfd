/**
 * Which WebSub topics changed between two snapshots: the self URLs of the feed heads (every
 * scope × format) whose bytes differ, plus those of scopes that appeared or disappeared. Pure:
 * it compares the documents' body hashes and sends nothing.
 */
import type { Site } from '../documents/site.js'
import { FORMATS, HEAD, absoluteUrl, type DocKey } from '../paths.js'

/**
 * Self URLs of the head feeds whose bytes changed from `prev` to `next`, global feed first,
 * then topics in slug order, formats in path-table order. With no `prev`, every head of `next`.
 * A topic that disappeared is listed too: the hub then fetches it and learns it is gone (404).
 *
 * Only heads are WebSub topics: the bridge moves with every new article and full archives never
 * change, and neither advertises the hub.
 *
 * @example changedFeedUrls(before, after) // ['https://example.org/rss.xml', …, 'https://example.org/topics/ai/feed.json']
 */
export function changedFeedUrls(prev: Site | undefined, next: Site): string[] {
  const slugs = new Set([...(prev?.catalog.topics.keys() ?? []), ...next.catalog.topics.keys()])
  const urls: string[] = []
  for (const topic of [null, ...[...slugs].sort()]) {
    for (const format of FORMATS) {
      const key: DocKey = { type: 'feed', topic, format, page: HEAD }
      const before = prev?.get(key)
      const after = next.get(key)
      if (!before && !after) continue
      // The same Document object when the next snapshot reused it; otherwise compare the bytes' hash.
      if (before && after && (before === after || before.hash === after.hash)) continue
      urls.push(absoluteUrl((after ? next : prev!).config.baseUrl, key))
    }
  }
  return urls
}
