/**
 * The frame of every page: doctype, head (charset, viewport, color schemes, stylesheet, script,
 * icon, feed autodiscovery) and body landmarks. No inline script or style anywhere, so the
 * Content-Security-Policy (csp.ts) can forbid both.
 */
import { FORMATS } from '../../paths.js'
import { utf8 } from '../bytes.js'
import { FORMAT_SPECS } from '../formats.js'
import { html, type Html } from './html.js'
import type { FeedUrls, PageSite } from './page-data.js'

export interface ShellInput {
  site: PageSite
  /** `<title>`. */
  title: string
  description: string
  /** Absolute URL of this page. */
  canonical: string
  /** Autodiscovery: the feeds a reader given this page's URL should find, and their title. */
  feeds: FeedUrls
  feedTitle: string
  main: Html
}

/** The media type of a format, without parameters: what `<link rel="alternate" type>` wants. */
export const mediaType = (f: keyof typeof FORMAT_SPECS) => FORMAT_SPECS[f].contentType.split(';')[0]!

export function renderPage(p: ShellInput): Uint8Array {
  const { site } = p
  const alternates = FORMATS.map(
    (f) => html`  <link rel="alternate" type="${mediaType(f)}" title="${`${p.feedTitle} (${FORMAT_SPECS[f].label})`}" href="${p.feeds[f]}">\n`,
  )
  const page = html`<!doctype html>
<html lang="${site.language}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="color-scheme" content="light dark">
  <title>${p.title}</title>
  <meta name="description" content="${p.description}">
  <link rel="canonical" href="${p.canonical}">
${alternates}  <link rel="icon" href="${site.iconHref}">
  <link rel="stylesheet" href="${site.cssHref}">
  <script src="${site.jsHref}" defer></script>
</head>
<body>
  <a class="skip" href="#main">Skip to content</a>
  <header class="site"><a class="home" href="${site.homeHref}">${site.title}</a></header>
  <main id="main">
${p.main}
  </main>
  <footer class="site"><p>Feeds and pages by Feedstand. Every page works without JavaScript.</p></footer>
</body>
</html>
`
  return utf8(page.value)
}
