/** One article as a JSON Feed 1.1 item (compact JSON text). */
import type { Article } from '../types.js'
import { leadImage } from './media.js'

/**
 * An image at least this many times wider than tall is also offered as `banner_image`, which
 * readers show as a wide header (JSON Feed 1.1 suggests a 2:1 banner; 3:2 photos still read well).
 */
const BANNER_RATIO = 1.5

export function jsonItem(a: Article): string {
  const item: Record<string, unknown> = { id: a.id, url: a.webUrl }
  if (a.originalUrl) item.external_url = a.originalUrl
  item.title = a.title
  if (a.excerpt) item.summary = a.excerpt
  item.content_html = a.contentHtml
  const lead = leadImage(a.images)
  if (lead) {
    item.image = lead.url
    if (lead.width && lead.height && lead.width >= lead.height * BANNER_RATIO) item.banner_image = lead.url
  }
  item.date_published = new Date(a.publishedMs).toISOString()
  // JSON Feed 1.1 `date_modified`: only for a correction; without one, modified is published (the spec makes it optional).
  if (a.updatedMs !== undefined) item.date_modified = new Date(a.updatedMs).toISOString()
  if (a.provider) item.authors = [a.provider.url ? { name: a.provider.name, url: a.provider.url } : { name: a.provider.name }]
  const tags = a.topics.map((t) => t.name)
  if (a.category && !tags.includes(a.category)) tags.push(a.category)
  if (tags.length > 0) item.tags = tags
  return JSON.stringify(item)
}
