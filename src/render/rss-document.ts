/**
 * A whole RSS 2.0 document. `feed` renders the channel metadata (its output there meets our
 * bar, given `updated` and text passed through `xmlJsText`); we add the namespaces our items
 * use, the RFC 5005 links, and splice in the pre-rendered item fragments before `</channel>`.
 */
import { Feed } from 'feed'
import { concatBytes, utf8 } from './bytes.js'
import type { FeedMeta } from './feed-meta.js'
import { pageLinkLines, xmlJsText } from './feed-shell.js'

const NAMESPACES =
  ' xmlns:content="http://purl.org/rss/1.0/modules/content/"' +
  ' xmlns:dc="http://purl.org/dc/elements/1.1/"' +
  ' xmlns:media="http://search.yahoo.com/mrss/"' +
  ' xmlns:fh="http://purl.org/syndication/history/1.0"'

export function renderRss(meta: FeedMeta, items: readonly Uint8Array[]): Uint8Array {
  const options: ConstructorParameters<typeof Feed>[0] = {
    id: meta.id,
    title: xmlJsText(meta.title),
    description: xmlJsText(meta.description),
    link: meta.homeUrl,
    language: meta.language,
    // Minutes a reader may keep the channel before polling again: the Cache-Control max-age.
    ttl: meta.ttlMinutes,
    image: meta.iconUrl,
    updated: new Date(meta.updatedMs),
    generator: xmlJsText(meta.generator),
    feedLinks: { rss: meta.selfUrl },
  }
  if (meta.hubUrl) options.hub = meta.hubUrl
  if (meta.copyright) options.copyright = xmlJsText(meta.copyright)
  const shell = new Feed(options).rss2().replace('<rss version="2.0"', `<rss version="2.0"${NAMESPACES}`)
  const end = shell.lastIndexOf('    </channel>')
  const extra = pageLinkLines(meta.links, 'atom:link', 'application/rss+xml', '        ')
  if (meta.archive) extra.push('        <fh:archive/>\n')
  return concatBytes([utf8(shell.slice(0, end) + extra.join('')), ...items, utf8(shell.slice(end))])
}
