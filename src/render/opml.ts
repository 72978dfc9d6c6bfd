/** `/topics.opml`: OPML 2.0 with the global feed and every topic feed, to subscribe to all at once. */
import { utf8 } from './bytes.js'
import { escapeXml } from '../escape.js'
import type { SiteSummary } from './site-summary.js'

export function renderOpml(s: SiteSummary): Uint8Array {
  // htmlUrl: the page of the feed's scope, as the feeds' own home links say.
  const outline = (text: string, xmlUrl: string, htmlUrl: string, indent: string) =>
    `${indent}<outline type="rss" text="${escapeXml(text)}" title="${escapeXml(text)}" xmlUrl="${escapeXml(xmlUrl)}" htmlUrl="${escapeXml(htmlUrl)}"/>`
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<opml version="2.0">',
    '    <head>',
    `        <title>${escapeXml(s.title)}: topics</title>`,
    // The newest article's date, not the clock: two builds of the same seeds are byte-identical.
    ...(s.updatedMs > 0 ? [`        <dateModified>${new Date(s.updatedMs).toUTCString()}</dateModified>`] : []),
    '        <docs>http://opml.org/spec2.opml</docs>',
    '    </head>',
    '    <body>',
    outline(`${s.title}: all articles`, s.feeds.rss, s.homeUrl, '        '),
    `        <outline text="Topics" title="Topics">`,
    ...s.topics.map((t) => outline(`${s.title}: ${t.name}`, t.feeds.rss, t.pageUrl, '            ')),
    '        </outline>',
    '    </body>',
    '</opml>',
    '',
  ]
  return utf8(lines.join('\n'))
}
