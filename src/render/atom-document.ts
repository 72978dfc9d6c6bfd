/**
 * A whole Atom 1.0 document: `feed` renders the feed-level metadata (text passed through
 * `xmlJsText`); we add `xml:lang`, the namespaces, RFC 5005 links and the pre-rendered entries.
 */
import { Feed } from 'feed'
import { concatBytes, utf8 } from './bytes.js'
import { escapeXml } from '../escape.js'
import type { FeedMeta } from './feed-meta.js'
import { pageLinkLines, xmlJsText } from './feed-shell.js'

const ROOT = '<feed xmlns="http://www.w3.org/2005/Atom">'
const ALTERNATE = '<link rel="alternate"'

export function renderAtom(meta: FeedMeta, entries: readonly Uint8Array[]): Uint8Array {
  const options: ConstructorParameters<typeof Feed>[0] = {
    id: meta.id,
    title: xmlJsText(meta.title),
    description: xmlJsText(meta.description),
    link: meta.homeUrl,
    updated: new Date(meta.updatedMs),
    // `feed` already escapes `&` in the Atom generator (and only there): passed as it is.
    generator: meta.generator,
    favicon: meta.iconUrl,
    feedLinks: { atom: meta.selfUrl },
    author: { name: xmlJsText(meta.authorName), link: meta.authorUrl },
  }
  if (meta.hubUrl) options.hub = meta.hubUrl
  if (meta.copyright) options.copyright = xmlJsText(meta.copyright)
  const root =
    `<feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/"` +
    ` xmlns:fh="http://purl.org/syndication/history/1.0" xml:lang="${escapeXml(meta.language)}">`
  // The feed-level alternate is the scope's HTML page: say so, as the entries' alternates do.
  const shell = new Feed(options).atom1().replace(ROOT, root).replace(ALTERNATE, `${ALTERNATE} type="text/html"`)
  const end = shell.lastIndexOf('</feed>')
  const extra = pageLinkLines(meta.links, 'link', 'application/atom+xml', '    ')
  if (meta.archive) extra.push('    <fh:archive/>\n')
  return concatBytes([utf8(shell.slice(0, end) + extra.join('')), ...entries, utf8(shell.slice(end))])
}
