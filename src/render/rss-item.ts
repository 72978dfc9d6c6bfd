/**
 * One article as an RSS 2.0 `<item>` fragment. Rendered by us, not by `feed`: `feed` keeps one
 * enclosure per item, has no Media RSS, and takes ~55 µs per item against a few µs here (bench).
 */
import type { Article } from '../types.js'
import type { ItemContext } from './feed-meta.js'
import { escapeHtml, escapeXml } from './escape.js'

const I = '        '
const J = '            '

export function rssItem(a: Article, ctx: ItemContext): string {
  const lines = [
    `${I}<item>`,
    `${J}<title>${escapeXml(a.title)}</title>`,
    `${J}<link>${escapeXml(a.webUrl)}</link>`,
    // isPermaLink only when the guid really is the article's URL.
    `${J}<guid isPermaLink="${a.id === a.webUrl}">${escapeXml(a.id)}</guid>`,
    `${J}<pubDate>${new Date(a.publishedMs).toUTCString()}</pubDate>`,
  ]
  // Readers treat <description> as HTML: escape the text as HTML first so that `<b>` shows as `<b>`.
  if (a.excerpt) lines.push(`${J}<description>${escapeXml(escapeHtml(a.excerpt))}</description>`)
  lines.push(`${J}<content:encoded>${escapeXml(a.contentHtml)}</content:encoded>`)
  if (a.provider) {
    lines.push(`${J}<dc:creator>${escapeXml(a.provider.name)}</dc:creator>`)
    if (a.provider.url) lines.push(`${J}<source url="${escapeXml(a.provider.url)}">${escapeXml(a.provider.name)}</source>`)
  }
  for (const t of a.topics) lines.push(`${J}<category domain="${escapeXml(ctx.topicFeedUrl(t.slug, 'rss'))}">${escapeXml(t.name)}</category>`)
  if (a.category) lines.push(`${J}<category>${escapeXml(a.category)}</category>`)
  const lead = a.images[0]
  // Image sizes in bytes are not in the seeds: RSS requires `length`, and 0 means "unknown".
  if (lead?.type) lines.push(`${J}<enclosure url="${escapeXml(lead.url)}" length="0" type="${lead.type}"/>`)
  for (const img of a.images) lines.push(`${J}<media:content url="${escapeXml(img.url)}" medium="image"${typeAttr(img.type)}${sizeAttrs(img)}/>`)
  if (lead) lines.push(`${J}<media:thumbnail url="${escapeXml(lead.url)}"${sizeAttrs(lead)}/>`)
  lines.push(`${I}</item>\n`)
  return lines.join('\n')
}

export function typeAttr(type: string | undefined): string {
  return type ? ` type="${type}"` : ''
}

export function sizeAttrs(img: { width?: number; height?: number }): string {
  return img.width && img.height ? ` width="${img.width}" height="${img.height}"` : ''
}
