/** The format table: one row per feed format, read by the document set and the router. */
import type { Format } from '../paths.js'
import { renderAtom } from './atom-document.js'
import type { FeedMeta } from './feed-meta.js'
import { renderJsonFeed } from './json-feed.js'
import { renderRss } from './rss-document.js'

export interface FormatSpec {
  contentType: string
  /** Human name, for the index page and OPML. */
  label: string
  render: (meta: FeedMeta, items: readonly Uint8Array[]) => Uint8Array
}

export const FORMAT_SPECS: Record<Format, FormatSpec> = {
  rss: { contentType: 'application/rss+xml; charset=utf-8', label: 'RSS', render: renderRss },
  atom: { contentType: 'application/atom+xml; charset=utf-8', label: 'Atom', render: renderAtom },
  json: { contentType: 'application/feed+json; charset=utf-8', label: 'JSON Feed', render: renderJsonFeed },
}
