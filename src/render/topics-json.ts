/** `/topics.json`: every topic with its count, newest date and feed URLs, for programs. */
import { utf8 } from './bytes.js'
import type { SiteSummary } from './site-summary.js'

const iso = (ms: number) => (ms > 0 ? new Date(ms).toISOString() : null)

export function renderTopicsJson(s: SiteSummary): Uint8Array {
  const doc = {
    title: s.title,
    home_page_url: s.homeUrl,
    updated: iso(s.updatedMs),
    article_count: s.articleCount,
    feeds: s.feeds,
    opml_url: s.opmlUrl,
    topics: s.topics.map((t) => ({ name: t.name, slug: t.slug, count: t.count, updated: iso(t.updatedMs), feeds: t.feeds })),
  }
  return utf8(JSON.stringify(doc, null, 2) + '\n')
}
