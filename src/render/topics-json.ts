/** `/topics.json` and `/scopes.json`: every topic (every scope, by kind) with its count, newest date and feed URLs, for programs. */
import { utf8 } from './bytes.js'
import type { SiteSummary, TopicSummary } from './site-summary.js'

const iso = (ms: number) => (ms > 0 ? new Date(ms).toISOString() : null)

/** What both indexes open with: the site and its global feeds. */
const siteFields = (s: SiteSummary) => ({
  title: s.title,
  home_page_url: s.homeUrl,
  updated: iso(s.updatedMs),
  article_count: s.articleCount,
  feeds: s.feeds,
  opml_url: s.opmlUrl,
})

export function renderTopicsJson(s: SiteSummary): Uint8Array {
  const doc = {
    ...siteFields(s),
    topics: s.topics.map((t) => ({ name: t.name, slug: t.slug, count: t.count, updated: iso(t.updatedMs), feeds: t.feeds })),
  }
  return utf8(JSON.stringify(doc, null, 2) + '\n')
}

const entry = (t: TopicSummary) => ({ name: t.name, slug: t.slug, count: t.count, updated: iso(t.updatedMs), feeds: t.feeds, page_url: t.pageUrl })

/**
 * `/scopes.json`: one list per built scope kind (`topics`, `providers`, `categories`), each entry
 * shaped like a `/topics.json` topic. One index for every kind, so a program learns the kinds from
 * it instead of from a list of file names.
 */
export function renderScopesJson(s: SiteSummary): Uint8Array {
  const doc = {
    ...siteFields(s),
    scopes: Object.fromEntries(s.scopes.map((g) => [g.label, g.entries.map(entry)])),
  }
  return utf8(JSON.stringify(doc, null, 2) + '\n')
}
