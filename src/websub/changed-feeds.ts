/**
 * Which WebSub topics changed between two snapshots: the self URLs of the feed heads whose
 * documents changed, plus those of heads that appeared or disappeared. The answer is the change
 * detector's (src/documents/changes.ts) over the heads of `Site.headKeys()`; pure, sends nothing.
 */
import { changedKeys, signatures } from '../documents/changes.js'
import type { Site } from '../documents/site.js'
import { absoluteUrl, filePath, type DocKey } from '../paths.js'

/** Only heads are WebSub topics: the bridge moves with every new article, full archives never change, and neither advertises the hub. */
type FeedKey = Extract<DocKey, { type: 'feed' }>

function* feedHeads(site: Site): Generator<FeedKey> {
  for (const key of site.headKeys()) if (key.type === 'feed' && key.page.kind === 'head') yield key
}

/**
 * Self URLs of the head feeds whose bytes changed from `prev` to `next`, global feed first,
 * then scopes by kind and slug, formats in path-table order. With no `prev`, every head of `next`.
 * A topic that disappeared is listed too: the hub then fetches it and learns it is gone (404).
 *
 * @example changedFeedUrls(before, after) // ['https://example.org/rss.xml', …, 'https://example.org/topics/ai/feed.json']
 */
export function changedFeedUrls(prev: Site | undefined, next: Site): string[] {
  const { changed, vanished } = changedKeys(prev && signatures(prev, feedHeads(prev)), next, feedHeads(next))
  const gone = new Set(vanished)
  const keys: FeedKey[] = [...(changed as FeedKey[]), ...(prev ? [...feedHeads(prev)].filter((k) => gone.has(filePath(k))) : [])]
  // Stable: within a topic the heads keep `headKeys()`'s path-table order of formats.
  const topic = (k: FeedKey) => (k.scope ? `${k.scope.kind}/${k.scope.slug}` : '')
  keys.sort((a, b) => (topic(a) === topic(b) ? 0 : topic(a) < topic(b) ? -1 : 1))
  return keys.map((k) => absoluteUrl(((changed as FeedKey[]).includes(k) ? next : prev!).config.baseUrl, k))
}
