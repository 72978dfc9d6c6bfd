/**
 * One article as an RSS 2.0 `<item>` fragment. Rendered by us, not by `feed`: `feed` writes the
 * title as CDATA (shown as markup by readers that treat titles as HTML), keeps one enclosure per
 * item with a type made up from the extension (`image/jpg`), has no Media RSS, and takes ~55 µs
 * per item against a few µs here. test/render/feed-library-limits.test.ts pins those limits.
 */
import type { Article } from '../types.js'
import type { ItemContext } from './feed-meta.js'
import { escapeHtml, escapeRssText, escapeXml } from '../escape.js'
import { leadImage, mediaContent, mediaThumbnail } from './media.js'
import { plainSummary } from './plain-summary.js'

const I = '        '
const J = '            '

export function rssItem(a: Article, ctx: ItemContext): string {
  const lines = [
    `${I}<item>`,
    `${J}<title>${escapeRssText(a.title)}</title>`,
    `${J}<link>${escapeXml(a.webUrl)}</link>`,
    // isPermaLink only when the guid really is the article's URL.
    `${J}<guid isPermaLink="${a.id === a.webUrl}">${escapeXml(a.id)}</guid>`,
    `${J}<pubDate>${new Date(a.publishedMs).toUTCString()}</pubDate>`,
  ]
  // RSS 2.0 has no update date; Atom's element in the channel's atom namespace is what readers
  // that show corrections read (RFC 3339 date, as in Atom).
  if (a.updatedMs !== undefined) lines.push(`${J}<atom:updated>${new Date(a.updatedMs).toISOString()}</atom:updated>`)
  // <description> is HTML by the spec and in every reader: escape the plain-text excerpt as HTML
  // first, then as XML, so that `<b>` or `&amp;` in an excerpt shows literally. Always written:
  // readers that read only description (not content:encoded) would show an empty item. Without an
  // excerpt it is the start of the content as plain text (RSS 2.0 calls description "the item
  // synopsis"; the whole HTML would be shown twice by readers that read both), and the title only
  // when the content has no text at all.
  const summary = a.excerpt || plainSummary(a.contentHtml, a.title)
  lines.push(`${J}<description>${escapeXml(escapeHtml(summary))}</description>`)
  lines.push(`${J}<content:encoded>${escapeXml(a.contentHtml)}</content:encoded>`)
  if (a.provider) {
    lines.push(`${J}<dc:creator>${escapeRssText(a.provider.name)}</dc:creator>`)
    if (a.provider.url) lines.push(`${J}<source url="${escapeXml(a.provider.url)}">${escapeRssText(a.provider.name)}</source>`)
  }
  for (const t of a.topics) {
    const domain = ctx.topicFeedUrl(t.slug, 'rss')
    lines.push(`${J}<category${domain === undefined ? '' : ` domain="${escapeXml(domain)}"`}>${escapeRssText(t.name)}</category>`)
  }
  if (a.category) lines.push(`${J}<category>${escapeRssText(a.category)}</category>`)
  const lead = leadImage(a.images)
  // RSS requires `length` in bytes, which the seeds never give and which we will not fetch the
  // image to learn: 0 is the conventional "unknown" (RSS Best Practices Profile, enclosure).
  // `type` is required too: an image whose extension names no type gets no enclosure (its
  // media:content and media:thumbnail still carry it).
  if (lead?.type) lines.push(`${J}<enclosure url="${escapeXml(lead.url)}" length="0" type="${lead.type}"/>`)
  for (const img of a.images) lines.push(`${J}${mediaContent(img)}`)
  if (lead) lines.push(`${J}${mediaThumbnail(lead)}`)
  lines.push(`${I}</item>\n`)
  return lines.join('\n')
}
