/**
 * One article as an Atom 1.0 `<entry>` fragment. Rendered by us: `feed` writes titles and
 * summaries as `type="html"` CDATA (a `<` in a title becomes markup), one enclosure per entry
 * with a made-up type, no `via`/`related` links, no Media RSS, and takes ~115 µs per entry.
 * test/render/feed-library-limits.test.ts pins those limits.
 */
import type { Article } from '../types.js'
import type { ItemContext } from './feed-meta.js'
import { escapeXml } from '../escape.js'
import { leadImage, mediaContent, mediaThumbnail, typeAttr } from './media.js'

const I = '    '
const J = '        '

/** Atom ids must be IRIs: URL-shaped ids are used as they are, any other id becomes a `urn:` under our namespace. */
export function atomId(id: string): string {
  return /^[a-z][a-z0-9+.-]*:[^\s]+$/i.test(id) && URL.canParse(id) ? id : `urn:feedstand:${encodeURIComponent(id)}`
}

export function atomEntry(a: Article, ctx: ItemContext): string {
  const date = new Date(a.publishedMs).toISOString()
  const lead = leadImage(a.images)
  const lines = [
    `${I}<entry>`,
    // type="text": the title is plain text, so a `<` in it is a character, never markup.
    `${J}<title type="text">${escapeXml(a.title)}</title>`,
    `${J}<id>${escapeXml(atomId(a.id))}</id>`,
    `${J}<link rel="alternate" type="text/html" href="${escapeXml(a.webUrl)}"/>`,
  ]
  // RFC 4287 §4.2.7.2: `via` names the source the information came from.
  if (a.originalUrl) lines.push(`${J}<link rel="via" type="text/html" href="${escapeXml(a.originalUrl)}"/>`)
  for (const r of a.related) lines.push(`${J}<link rel="related" type="text/html" href="${escapeXml(r.url)}" title="${escapeXml(r.title)}"/>`)
  // No `length`: Atom makes it optional, and we do not know it.
  if (lead) lines.push(`${J}<link rel="enclosure"${typeAttr(lead.type)} href="${escapeXml(lead.url)}"/>`)
  // RFC 4287 §4.2.15: `updated` is the last significant change, a correction (`updatedDateTime`); else the publication.
  const updated = a.updatedMs === undefined ? date : new Date(a.updatedMs).toISOString()
  lines.push(`${J}<published>${date}</published>`, `${J}<updated>${updated}</updated>`)
  if (a.provider) {
    const uri = a.provider.url ? `<uri>${escapeXml(a.provider.url)}</uri>` : ''
    lines.push(`${J}<author><name>${escapeXml(a.provider.name)}</name>${uri}</author>`)
  }
  for (const t of a.topics) {
    const scheme = ctx.topicFeedUrl(t.slug, 'atom')
    lines.push(`${J}<category term="${escapeXml(t.slug)}"${scheme === undefined ? '' : ` scheme="${escapeXml(scheme)}"`} label="${escapeXml(t.name)}"/>`)
  }
  if (a.category) lines.push(`${J}<category term="${escapeXml(a.category)}"/>`)
  if (a.excerpt) lines.push(`${J}<summary type="text">${escapeXml(a.excerpt)}</summary>`)
  lines.push(`${J}<content type="html">${escapeXml(a.contentHtml)}</content>`)
  const source = a.provider && atomSource(a.provider, date)
  if (source) lines.push(`${J}${source}`)
  for (const img of a.images) lines.push(`${J}${mediaContent(img)}`)
  if (lead) lines.push(`${J}${mediaThumbnail(lead)}`)
  lines.push(`${I}</entry>\n`)
  return lines.join('\n')
}

/**
 * `<source>`: the publication the entry came from (RFC 4287 §4.2.11), with the three feed-level
 * elements that section asks an aggregator to keep — `id`, `title` and `updated` — so the W3C
 * validator's `MissingSourceElement` has nothing to miss. `updated` is the entry's own date: the
 * provider published this article then, so its feed changed at least then (§4.2.15), and it is
 * the one date we know that needs no clock and never changes, which keeps an archived entry's
 * bytes fixed (a "newest article of this provider" date would rewrite old archives). Without a
 * provider URL there is no id to give, so no source either, as in RSS (`<source url>` is required
 * there); the provider's name is still the entry's `<author>`.
 */
function atomSource(p: NonNullable<Article['provider']>, updated: string): string | undefined {
  if (!p.url) return undefined
  const url = escapeXml(p.url)
  return `<source><id>${url}</id><title type="text">${escapeXml(p.name)}</title><updated>${updated}</updated><link rel="alternate" href="${url}"/></source>`
}
