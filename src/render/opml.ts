/** `/topics.opml`: OPML 2.0 with the global feed and every scope feed, grouped by kind, to subscribe to all at once. */
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
    // One group per scope kind (`Topics`, `Providers`, `Categories`), as built.
    ...s.scopes.flatMap((g) => {
      const label = escapeXml(g.label[0]!.toUpperCase() + g.label.slice(1))
      return [
        `        <outline text="${label}" title="${label}">`,
        ...g.entries.map((t) => outline(`${s.title}: ${t.name}`, t.feeds.rss, t.pageUrl, '            ')),
        '        </outline>',
      ]
    }),
    '    </body>',
    '</opml>',
    '',
  ]
  return utf8(lines.join('\n'))
}
