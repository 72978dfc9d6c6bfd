/**
 * A whole Atom 1.0 document: `feed` renders the feed-level metadata; we add `xml:lang`, the
 * namespaces, RFC 5005 links and the pre-rendered entries.
 */
import { Feed } from 'feed'
import { concatBytes, utf8 } from './bytes.js'
import { escapeXml } from './escape.js'
import type { FeedMeta } from './feed-meta.js'

const ROOT = '<feed xmlns="http://www.w3.org/2005/Atom">'

const LINK_RELS = [
  ['first', 'first'],
  ['last', 'last'],
  ['previous', 'previous'],
  ['next', 'next'],
  ['current', 'current'],
  ['prevArchive', 'prev-archive'],
] as const

export function renderAtom(meta: FeedMeta, entries: readonly Uint8Array[]): Uint8Array {
  const options: ConstructorParameters<typeof Feed>[0] = {
    id: meta.id,
    title: meta.title,
    description: meta.description,
    link: meta.homeUrl,
    updated: new Date(meta.updatedMs),
    generator: meta.generator,
    favicon: meta.iconUrl,
    feedLinks: { atom: meta.selfUrl },
    author: { name: meta.authorName, link: meta.homeUrl },
  }
  if (meta.hubUrl) options.hub = meta.hubUrl
  if (meta.copyright) options.copyright = meta.copyright
  const root =
    `<feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/"` +
    ` xmlns:fh="http://purl.org/syndication/history/1.0" xml:lang="${escapeXml(meta.language)}">`
  const shell = new Feed(options).atom1().replace(ROOT, root)
  const end = shell.lastIndexOf('</feed>')
  const extra = LINK_RELS.filter(([key]) => meta.links[key])
    .map(([key, rel]) => `    <link rel="${rel}" href="${escapeXml(meta.links[key]!)}" type="application/atom+xml"/>\n`)
  if (meta.archive) extra.push('    <fh:archive/>\n')
  return concatBytes([utf8(shell.slice(0, end) + extra.join('')), ...entries, utf8(shell.slice(end))])
}
