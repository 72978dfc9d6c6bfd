/** What a feed document says about itself: everything but its items. Built by documents/, rendered by render/. */

/** RFC 5005 links. Paged feeds: first/last/next/previous; archived feeds: current/prev-archive. */
export interface PageLinks {
  first?: string
  last?: string
  next?: string
  previous?: string
  current?: string
  prevArchive?: string
}

export interface FeedMeta {
  title: string
  description: string
  language: string
  /** The HTML page of the feed's scope (`/` or `/topics/{slug}/`): RSS `<link>`, Atom alternate, JSON `home_page_url`. */
  homeUrl: string
  /** The URL this very document is served from. */
  selfUrl: string
  /** Atom feed id: the scope's head URL, the same on every page and archive of the scope. */
  id: string
  /** Newest item's publication instant (0 when empty): lastBuildDate / updated, never the clock. */
  updatedMs: number
  links: PageLinks
  /** True for a full, immutable RFC 5005 archive document (`fh:archive`). */
  archive: boolean
  hubUrl?: string
  iconUrl: string
  copyright?: string
  /** `Feedstand 0.1.0`. */
  generator: string
  /** RSS `<ttl>` in minutes, derived from the Cache-Control max-age. */
  ttlMinutes: number
  /** Site-level author name (Atom requires one when an entry has none). */
  authorName: string
  /** The site-level author's page: the site's home page, whatever the scope. */
  authorUrl: string
}

/** How the item renderers find a topic feed's URL, for category domains and schemes (undefined: topic feeds are not built). */
export interface ItemContext {
  topicFeedUrl(slug: string, format: 'rss' | 'atom'): string | undefined
}
