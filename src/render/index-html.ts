/** `/`: a plain HTML page listing every feed, with autodiscovery links for the global ones. */
import { FORMATS } from '../paths.js'
import { utf8 } from './bytes.js'
import { escapeHtml as e } from '../escape.js'
import { FORMAT_SPECS } from './formats.js'
import type { SiteSummary } from './site-summary.js'

export function renderIndexHtml(s: SiteSummary): Uint8Array {
  const feedLinks = (feeds: SiteSummary['feeds']) =>
    FORMATS.map((f) => `<a href="${e(feeds[f])}" type="${FORMAT_SPECS[f].contentType.split(';')[0]}">${FORMAT_SPECS[f].label}</a>`).join(' · ')
  const rows = s.topics.map(
    (t) => `      <li><span class="name">${e(t.name)}</span> <span class="count">${t.count}</span> ${feedLinks(t.feeds)}</li>`,
  )
  const html = `<!doctype html>
<html lang="${e(s.language)}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${e(s.title)}</title>
  <meta name="description" content="${e(s.description)}">
${FORMATS.map((f) => `  <link rel="alternate" type="${FORMAT_SPECS[f].contentType.split(';')[0]}" title="${e(`${s.title} (${FORMAT_SPECS[f].label})`)}" href="${e(s.feeds[f])}">`).join('\n')}
  <style>
    body { font: 16px/1.5 system-ui, sans-serif; max-width: 48rem; margin: 2rem auto; padding: 0 1rem; color: #222 }
    h1 { margin-bottom: 0 } .count { color: #666 } .count::before { content: "(" } .count::after { content: ")" }
    ul { padding-left: 1.2rem } li { margin: .2rem 0 } .name { font-weight: 600 }
  </style>
</head>
<body>
  <h1>${e(s.title)}</h1>
  <p>${e(s.description)}</p>
  <h2>All articles <span class="count">${s.articleCount}</span></h2>
  <p>${feedLinks(s.feeds)}</p>
  <h2>Topics <span class="count">${s.topics.length}</span></h2>
  <p>Subscribe to every topic at once with <a href="${e(s.opmlUrl)}">topics.opml</a>; programs can read <a href="${e(s.topicsJsonUrl)}">topics.json</a>.</p>
  <ul>
${rows.join('\n')}
  </ul>
</body>
</html>
`
  return utf8(html)
}
