/**
 * The HTML content of an item, identical in every format. With a Markdown body, the sanitized
 * body; without one (the seeds usually have none), a page built from what we know: lead image,
 * excerpt, a link to the full story, and the related coverage.
 */
import { escapeHtml } from '../escape.js'
import type { Image, Provider, Related } from '../types.js'
import { formatDay } from './dates.js'

export interface ContentInput {
  title: string
  excerpt: string
  webUrl: string
  provider?: Provider
  lead?: Image
  related: Related[]
  bodyHtml: string
}

export function buildContentHtml(a: ContentInput): string {
  const parts: string[] = []
  if (a.bodyHtml) {
    parts.push(a.bodyHtml)
  } else {
    if (a.lead) parts.push(`<p><img src="${escapeHtml(a.lead.url)}" alt="${escapeHtml(a.title)}"${size(a.lead)}></p>`)
    if (a.excerpt) parts.push(`<p>${escapeHtml(a.excerpt)}</p>`)
    const where = a.provider ? ` at ${escapeHtml(a.provider.name)}` : ''
    parts.push(`<p><a href="${escapeHtml(a.webUrl)}">Read the full story${where}</a></p>`)
  }
  if (a.related.length > 0) {
    parts.push('<h3>Related coverage</h3>', `<ul>${a.related.map(relatedItem).join('')}</ul>`)
  }
  return parts.join('\n')
}

function relatedItem(r: Related): string {
  const meta = [r.provider ? escapeHtml(r.provider) : '', r.publishedMs !== undefined ? formatDay(r.publishedMs) : '']
    .filter(Boolean)
    .join(', ')
  return `<li><a href="${escapeHtml(r.url)}">${escapeHtml(r.title)}</a>${meta ? ` — ${meta}` : ''}</li>`
}

function size(img: Image): string {
  return (img.width ? ` width="${img.width}"` : '') + (img.height ? ` height="${img.height}"` : '')
}
