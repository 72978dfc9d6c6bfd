/**
 * Markup in a seed: titles, excerpts and names stay text (escaped wherever they are written);
 * bodies are sanitized HTML. Checked on the article and on every document built from it.
 */
import { readFile } from 'node:fs/promises'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Site } from '../../src/documents/site.js'
import type { Article } from '../../src/types.js'
import { scanDocument, scanHtml } from '../properties/hostile.js'
import { documentsOf, siteOf } from '../properties/site-of.js'

const FIXTURE = new URL('../fixtures/bad/markup.md', import.meta.url)
const TITLE = "<script>alert('title')</script> Headline <img src=x onerror=alert(1)> & <b>bold</b>"

describe('markup in a seed', () => {
  let article: Article
  let site: Site
  beforeAll(async () => {
    const built = siteOf([{ file: 'markup.md', text: await readFile(FIXTURE) }], Date.UTC(2026, 0, 1))
    site = built.site
    article = built.outcomes[0]!.article!
    expect(built.outcomes[0]!.problems).toEqual([])
  })

  it('keeps title, excerpt, topic and provider names as the text they are', () => {
    expect(article.title).toBe(TITLE)
    expect(article.excerpt).toBe(`<a href="javascript:alert('excerpt')" onclick="alert(2)">click</a> <svg onload=alert(3)>`)
    expect(article.topics).toEqual([{ name: "<script>alert('topic')</script>", slug: 'script-alert-topic-script' }])
    expect(article.provider?.name).toBe("<img src=x onerror=alert('provider')>")
  })

  it('sanitizes the body: no script, frame, form, style, event handler or script URL survives', () => {
    expect(scanHtml(article.contentHtml, 'contentHtml')).toEqual([])
    for (const gone of [/<(script|iframe|object|embed|form|style|svg|math|button|input)\b/i, /<[^>]*\son\w+=/i, /(href|src)="(javascript|vbscript|data):/i]) {
      expect(article.contentHtml).not.toMatch(gone)
    }
    // What is harmless is kept: links and images, made absolute against the article's URL.
    expect(article.contentHtml).toContain('<img src="https://example.com/a.png" />')
    expect(article.contentHtml).toContain('<img src="https://example.com/relative.png" alt="relative" />')
    expect(article.contentHtml).toContain('<a href="https://example.com/autolink">')
    expect(article.contentHtml).toContain('Plain text that mentions javascript: and onload= is fine.')
  })

  it('writes the title escaped in every format, never as markup', () => {
    const docs = [...documentsOf(site)]
    const text = (file: string) => new TextDecoder().decode(docs.find((d) => d.file === file)!.body)
    for (const file of ['rss.xml', 'atom.xml']) {
      const xml = text(file)
      expect(xml, file).not.toMatch(/<(script|img|b)\b/)
      const titles = [...xml.matchAll(/<title[^>]*>([^<]*)<\/title>/g)].map((m) => decodeXml(m[1]!))
      expect(titles, file).toContain(TITLE)
    }
    expect(JSON.parse(text('feed.json')).items[0].title).toBe(TITLE)
    for (const d of docs) expect(scanDocument(d.file, d.body), d.file).toEqual([])
  })
})

/** XML character references and the five predefined entities, decoded once. */
function decodeXml(s: string): string {
  const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (_, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : named[e]!)
}

describe('the scanner itself', () => {
  it('finds what it is meant to find (so an empty result means something)', () => {
    expect(scanHtml('<p><script>x</script><img src=x onerror=y><a href=" JaVa&#x0A;script:z">a</a></p>', 'h')).toHaveLength(4)
    expect(scanDocument('x.json', new TextEncoder().encode(JSON.stringify({ items: [{ url: 'javascript:x', content_html: '<b onclick=x>' }] })))).toHaveLength(2)
    const rss = '<rss><channel><item><link>javascript:x</link><description>&lt;img src=x onerror=y&gt;</description></item></channel></rss>'
    expect(scanDocument('x.xml', new TextEncoder().encode(rss))).toHaveLength(2)
  })
})
