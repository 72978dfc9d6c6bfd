/**
 * Feed-level metadata (issue 3): language, title, description, icon with its bundled default,
 * generator name + version, copyright when configured, and an RSS <ttl> that agrees with the
 * Cache-Control max-age.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { FORMATS } from '../../src/paths.js'
import { parseWithFeedExtractor, parseWithRssParser } from '../helpers/validate.js'
import { docText, headKey, RICH_DIR, siteFromDir } from './rich-site.js'

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }

describe('feed metadata', () => {
  it('one site language on every feed: RSS <language>, Atom xml:lang, JSON language', async () => {
    const site = await siteFromDir(RICH_DIR, { language: 'pt-BR' })
    for (const topic of [null, 'nvidia']) {
      expect(docText(site, headKey(topic, 'rss'))).toContain('<language>pt-BR</language>')
      expect(docText(site, headKey(topic, 'atom'))).toMatch(/^<feed [^>]*xml:lang="pt-BR">/m)
      expect(JSON.parse(docText(site, headKey(topic, 'json')))).toMatchObject({ language: 'pt-BR' })
    }
  })

  it('icon: the bundled /icon.png by default (and served), a configured URL otherwise', async () => {
    const site = await siteFromDir(RICH_DIR)
    const icon = 'http://localhost:3000/icon.png'
    expect(docText(site, headKey(null, 'rss'))).toContain(`<url>${icon}</url>`)
    expect(docText(site, headKey(null, 'atom'))).toContain(`<icon>${icon}</icon>`)
    expect(JSON.parse(docText(site, headKey(null, 'json')))).toMatchObject({ icon, favicon: icon })
    expect(site.get({ type: 'icon' })?.contentType).toBe('image/png')
    const custom = await siteFromDir(RICH_DIR, { icon: 'https://cdn.example.com/brand/icon.png' })
    expect(docText(custom, headKey(null, 'atom'))).toContain('<icon>https://cdn.example.com/brand/icon.png</icon>')
  })

  it('generator: our name and the package version', async () => {
    const site = await siteFromDir(RICH_DIR)
    const generator = `<generator>Feedstand ${pkg.version}</generator>`
    expect(docText(site, headKey(null, 'rss'))).toContain(generator)
    expect(docText(site, headKey(null, 'atom'))).toContain(generator)
  })

  it('copyright only when configured: RSS <copyright>, Atom <rights>', async () => {
    const plain = await siteFromDir(RICH_DIR)
    expect(docText(plain, headKey(null, 'rss'))).not.toContain('<copyright>')
    expect(docText(plain, headKey(null, 'atom'))).not.toContain('<rights>')
    const site = await siteFromDir(RICH_DIR, { copyright: '© 2024 Example & Co <news>' })
    expect(docText(site, headKey(null, 'rss'))).toContain('<copyright>© 2024 Example &amp; Co &lt;news&gt;</copyright>')
    expect(docText(site, headKey(null, 'atom'))).toContain('<rights>© 2024 Example &amp; Co &lt;news&gt;</rights>')
  })

  it('<ttl> is the Cache-Control max-age in minutes', async () => {
    for (const maxAge of [300, 900, 3600]) {
      const site = await siteFromDir(RICH_DIR, { maxAge })
      const head = site.get(headKey(null, 'rss'))!
      expect(head.cacheControl).toContain(`max-age=${maxAge},`)
      expect(docText(site, headKey(null, 'rss'))).toContain(`<ttl>${maxAge / 60}</ttl>`)
    }
  })

  it('titles and descriptions are exact text, even ones containing a literal "&amp;"', async () => {
    // xml-js (under `feed`) turns `&amp;` back into `&` before escaping; render/feed-shell.ts undoes that.
    const title = 'Tom &amp; Jerry’s <feeds> & "more"'
    const description = 'News & views &lt;daily&gt;'
    const site = await siteFromDir(RICH_DIR, { title, description })
    for (const format of FORMATS) {
      const src = docText(site, headKey(null, format))
      expect(parseWithFeedExtractor(src, format).title, format).toBe(title)
      if (format !== 'json') expect((await parseWithRssParser(src)).title, format).toBe(title)
    }
    expect(docText(site, headKey(null, 'rss'))).toContain('<description>News &amp; views &amp;lt;daily&amp;gt;</description>')
    expect(docText(site, headKey(null, 'atom'))).toContain('<subtitle>News &amp; views &amp;lt;daily&amp;gt;</subtitle>')
    expect(JSON.parse(docText(site, headKey(null, 'json')))).toMatchObject({ description })
  })

  it('a topic feed is titled after its topic, markup characters and all', async () => {
    const site = await siteFromDir(RICH_DIR)
    const want = 'Feedstand: <Web> Components'
    for (const format of FORMATS) {
      expect(parseWithFeedExtractor(docText(site, headKey('web-components', format)), format).title).toBe(want)
    }
  })
})
