/**
 * A whole JSON Feed 1.1 document. Our own module: `feed` writes JSON Feed 1.0 (`author`, no
 * `language`, no `authors`). Paging uses the spec's `next_url`; the other RFC 5005 relations,
 * which JSON Feed has no names for, go in the `_feedstand` extension object.
 */
import { concatBytes, utf8 } from './bytes.js'
import type { FeedMeta } from './feed-meta.js'

export const JSON_FEED_VERSION = 'https://jsonfeed.org/version/1.1'

export function renderJsonFeed(meta: FeedMeta, items: readonly Uint8Array[]): Uint8Array {
  const feed: Record<string, unknown> = {
    version: JSON_FEED_VERSION,
    title: meta.title,
    home_page_url: meta.homeUrl,
    feed_url: meta.selfUrl,
    description: meta.description,
    icon: meta.iconUrl,
    favicon: meta.iconUrl,
    language: meta.language,
    authors: [{ name: meta.authorName, url: meta.authorUrl }],
  }
  if (meta.links.next) feed.next_url = meta.links.next
  if (meta.hubUrl) feed.hubs = [{ type: 'WebSub', url: meta.hubUrl }]
  const ext: Record<string, unknown> = {}
  if (meta.links.first) ext.first_url = meta.links.first
  if (meta.links.last) ext.last_url = meta.links.last
  if (meta.links.previous) ext.previous_url = meta.links.previous
  if (meta.links.current) ext.current_url = meta.links.current
  if (meta.links.prevArchive) ext.prev_archive_url = meta.links.prevArchive
  if (meta.archive) ext.archive = true
  if (Object.keys(ext).length > 0) feed._feedstand = ext
  const head = JSON.stringify(feed, null, 2).slice(0, -2) + ',\n  "items": [\n'
  const parts: Uint8Array[] = [utf8(head)]
  const sep = utf8(',\n')
  const indent = utf8('    ')
  items.forEach((item, i) => {
    if (i > 0) parts.push(sep)
    parts.push(indent, item)
  })
  parts.push(utf8(items.length > 0 ? '\n  ]\n}\n' : '  ]\n}\n'))
  return concatBytes(parts)
}
