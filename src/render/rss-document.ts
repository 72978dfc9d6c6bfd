/**
 * A whole RSS 2.0 document. `feed` renders the channel metadata (its output there meets our
 * bar, given `updated`); we add the namespaces our items use, the RFC 5005 links, and splice
 * in the pre-rendered item fragments before `</channel>`.
 */
import { Feed } from 'feed'
import { concatBytes, utf8 } from './bytes.js'
import { escapeXml } from './escape.js'
import type { FeedMeta } from './feed-meta.js'

const NAMESPACES =
  ' xmlns:content="http://purl.org/rss/1.0/modules/content/"' +
  ' xmlns:dc="http://purl.org/dc/elements/1.1/"' +
  ' xmlns:media="http://search.yahoo.com/mrss/"' +
  ' xmlns:fh="http://purl.org/syndication/history/1.0"'

const LINK_RELS = [
  ['first', 'first'],
  ['last', 'last'],
  ['previous', 'previous'],
  ['next', 'next'],
  ['current', 'current'],
  ['prevArchive', 'prev-archive'],
] as const

export function renderRss(meta: FeedMeta, items: readonly Uint8Array[]): Uint8Array {
  const options: ConstructorParameters<typeof Feed>[0] = {
    id: meta.id,
    title: meta.title,
    description: meta.description,
    link: meta.homeUrl,
    language: meta.language,
    ttl: meta.ttlMinutes,
    image: meta.iconUrl,
    updated: new Date(meta.updatedMs),
    generator: meta.generator,
    feedLinks: { rss: meta.selfUrl },
  }
  if (meta.hubUrl) options.hub = meta.hubUrl
  if (meta.copyright) options.copyright = meta.copyright
  const shell = new Feed(options).rss2().replace('<rss version="2.0"', `<rss version="2.0"${NAMESPACES}`)
  const end = shell.lastIndexOf('    </channel>')
  const extra = LINK_RELS.filter(([key]) => meta.links[key])
    .map(([key, rel]) => `        <atom:link rel="${rel}" href="${escapeXml(meta.links[key]!)}" type="application/rss+xml"/>\n`)
  if (meta.archive) extra.push('        <fh:archive/>\n')
  return concatBytes([utf8(shell.slice(0, end) + extra.join('')), ...items, utf8(shell.slice(end))])
}
