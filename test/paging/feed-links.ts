/**
 * Reads what a client reads from a feed document: its item ids in order and its RFC 5005 links,
 * in every format (Atom `link`, RSS `atom:link`, JSON Feed `next_url` + `_feedstand`).
 */
import type { Format } from '../../src/paths.js'

export interface FeedView {
  ids: string[]
  /** rel → href (first, last, next, previous, current, prev-archive, next-archive, self, hub). */
  links: Record<string, string>
  /** RFC 5005 `fh:archive` (JSON: `_feedstand.archive`). */
  archive: boolean
}

export function readFeed(format: Format, body: string): FeedView {
  if (format === 'json') return readJson(body)
  const links: Record<string, string> = {}
  for (const m of body.matchAll(/<(?:atom:)?link\b([^>]*)\/?>/g)) {
    const rel = /\brel="([^"]*)"/.exec(m[1]!)?.[1]
    const href = /\bhref="([^"]*)"/.exec(m[1]!)?.[1]
    if (rel && href && !(rel in links)) links[rel] = href.replace(/&amp;/g, '&')
  }
  const idTag = format === 'rss' ? /<guid[^>]*>([^<]*)<\/guid>/g : /<entry>[\s\S]*?<id>([^<]*)<\/id>/g
  return { ids: [...body.matchAll(idTag)].map((m) => m[1]!), links, archive: body.includes('<fh:archive/>') }
}

function readJson(body: string): FeedView {
  const feed = JSON.parse(body) as {
    items: { id: string }[]
    next_url?: string
    feed_url?: string
    hubs?: { url: string }[]
    _feedstand?: Record<string, string | boolean>
  }
  const ext = feed._feedstand ?? {}
  const links: Record<string, string> = {}
  const put = (rel: string, v: unknown) => {
    if (typeof v === 'string') links[rel] = v
  }
  put('self', feed.feed_url)
  put('hub', feed.hubs?.[0]?.url)
  put('next', feed.next_url)
  put('first', ext.first_url)
  put('last', ext.last_url)
  put('previous', ext.previous_url)
  put('current', ext.current_url)
  put('prev-archive', ext.prev_archive_url)
  return { ids: feed.items.map((i) => i.id), links, archive: ext.archive === true }
}
