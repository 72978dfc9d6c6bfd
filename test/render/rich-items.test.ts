/**
 * Field by field (issue 3): every published field of the rich fixtures reaches each kind of
 * reader where that reader looks for it, read back with a real parser.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import type { Site } from '../../src/documents/site.js'
import { parsePath } from '../../src/paths.js'
import { escapeHtml } from '../../src/escape.js'
import { docText, headKey, RICH_DIR, siteFromDir } from './rich-site.js'
import { htmlText, readItems, type ReadItem } from './read-items.js'

const RICH = 'https://news.example.com/2024/05/20/nvidia-blackwell-ramps/'
const ESCAPES = 'https://news.example.com/2024/05/19/escapes?a=1&b=%3C2%3E'
const MINIMAL = 'https://minimal.example.com/a'
const ESCAPES_TITLE = `AT&T <b>bold</b> & "quotes" 'single' — 🚀 שלום عالم ]]> done`
const ESCAPES_EXCERPT =
  `Excerpt with <i>tags</i> & ampersands &amp; entities, "quotes" and 'apostrophes' — emoji 👩‍💻 🇯🇵, ` +
  'Hebrew שלום עולם and Arabic مرحبا بالعالم.'

type JsonItem = Record<string, unknown> & { id: string }
let site: Site
let rss: Map<string, ReadItem>
let atom: Map<string, ReadItem>
let json: Map<string, JsonItem>
let rssText: string

const byId = <T extends { id: string }>(items: T[]) => new Map(items.map((i) => [i.id, i]))
const get = <T>(m: Map<string, T>, id: string): T => {
  const v = m.get(id)
  if (!v) throw new Error(`no item ${id}`)
  return v
}

beforeAll(async () => {
  site = await siteFromDir(RICH_DIR)
  rssText = docText(site, headKey(null, 'rss'))
  rss = byId(await readItems(rssText))
  atom = byId(await readItems(docText(site, headKey(null, 'atom'))))
  json = byId((JSON.parse(docText(site, headKey(null, 'json'))) as { items: JsonItem[] }).items)
})

describe('title: plain text in every format', () => {
  it('reaches every reader as the exact text, markup characters included', () => {
    for (const m of [rss, atom]) expect(get(m, ESCAPES).title).toBe(ESCAPES_TITLE)
    expect(get(json, ESCAPES).title).toBe(ESCAPES_TITLE)
    expect(get(atom, ESCAPES).titleType).toBe('text')
  })
  it('RSS uses hexadecimal references, so `<b>` can never become markup in an HTML-minded reader', () => {
    expect(rssText).toContain('<title>AT&#x26;T &#x3C;b&#x3E;bold&#x3C;/b&#x3E; &#x26; "quotes"')
    expect(rssText).not.toContain('CDATA')
  })
})

describe('summary: the excerpt, plain text', () => {
  it('JSON summary and Atom <summary type="text"> are the text itself', () => {
    expect(get(json, ESCAPES).summary).toBe(ESCAPES_EXCERPT)
    expect(get(atom, ESCAPES)).toMatchObject({ summary: ESCAPES_EXCERPT, summaryType: 'text' })
  })
  it('RSS <description> is escaped HTML: a reader rendering it as HTML shows the literal text', () => {
    const d = get(rss, ESCAPES).summary!
    expect(d).toBe(escapeHtml(ESCAPES_EXCERPT))
    expect(htmlText(d)).toBe(ESCAPES_EXCERPT)
  })
  it('is absent when the seed has no excerpt, except RSS, which always has a description (issue 15 #13): the content as text', () => {
    expect(get(rss, MINIMAL).summary).toBe('Read the full story')
    expect(get(atom, MINIMAL).summary).toBeUndefined()
    expect(get(json, MINIMAL).summary).toBeUndefined()
  })
})

describe('content: the same HTML in the three formats', () => {
  it('is byte-identical across RSS content:encoded, Atom content and JSON content_html', () => {
    for (const id of [RICH, ESCAPES, MINIMAL]) {
      const html = get(json, id).content_html
      expect(get(rss, id).contentHtml, id).toBe(html)
      expect(get(atom, id).contentHtml, id).toBe(html)
      expect(get(atom, id).contentType).toBe('html')
    }
  })
  it('Markdown body: rendered, sanitized, every relative link and image made absolute', () => {
    const html = get(json, RICH).content_html as string
    expect(html).toContain('<strong>Blackwell</strong>')
    expect(html).toContain(`<a href="${RICH}specs/blackwell.html">full spec sheet</a>`)
    expect(html).toContain('<a href="https://news.example.com/2024/03/18/gtc-keynote/">earlier coverage</a>')
    expect(html).toContain(`<img src="${RICH}images/rack-detail.jpg" alt="Rack of Blackwell servers"`)
    expect(html).toContain('<table>')
    for (const bad of ['<script', 'never runs', 'onclick', 'style=', 'javascript:']) expect(html).not.toContain(bad)
    // data: stays allowed in images only.
    expect(html).toContain('<img src="data:image/gif;base64,')
    for (const m of html.matchAll(/(?:href|src)="([^"]*)"/g)) expect(m[1]).toMatch(/^(https?:|data:image\/)/)
  })
  it('no body: lead image, excerpt, "Read the full story at {provider}", related coverage', () => {
    const html = get(json, ESCAPES).content_html as string
    expect(html).toContain('<img src="https://cdn.example.com/img/escapes.gif"')
    expect(html).toContain(`<p>${escapeHtml(ESCAPES_EXCERPT)}</p>`)
    expect(html).toContain(`<a href="${escapeHtml(ESCAPES)}">Read the full story at &lt;Angle&gt; &amp; &quot;Sons&quot; 📰</a>`)
    expect(get(json, MINIMAL).content_html).toBe(`<p><a href="${MINIMAL}">Read the full story</a></p>`)
  })
  it('related coverage: title linked, provider and date, after the body', () => {
    const html = get(json, RICH).content_html as string
    expect(html).toContain(
      '<h3>Related coverage</h3>\n<ul><li><a href="https://supply.example.net/blackwell-q3?ref=feed&amp;src=related">' +
        'Blackwell shipments slip into Q3, suppliers say</a> — Supply Chain Weekly, 18 May 2024</li>' +
        '<li><a href="https://dc.example.org/liquid-cooling">What liquid cooling means for data center design</a></li></ul>',
    )
  })
})

describe('images: the first image, in every form readers look for', () => {
  const LEAD = 'https://cdn.example.com/img/blackwell-rack.jpg'
  it('RSS: one enclosure (type from the extension, length 0 = unknown), media:content for each, media:thumbnail', () => {
    const i = get(rss, RICH)
    expect(i.enclosures).toEqual([{ url: LEAD, length: '0', type: 'image/jpeg' }])
    expect(i.mediaContent).toEqual([
      { url: LEAD, medium: 'image', type: 'image/jpeg', width: '1600', height: '900' },
      { url: 'https://cdn.example.com/img/blackwell-chip.PNG?w=800&h=800', medium: 'image', type: 'image/png', width: '800', height: '800' },
      { url: 'https://cdn.example.com/img/cooling-loop.webp', medium: 'image', type: 'image/webp', width: '640', height: '960' },
      { url: 'https://cdn.example.com/render/diagram', medium: 'image' },
    ])
    expect(i.thumbnails).toEqual([{ url: LEAD, width: '1600', height: '900' }])
    expect(get(rss, ESCAPES).enclosures).toEqual([{ url: 'https://cdn.example.com/img/escapes.gif', length: '0', type: 'image/gif' }])
  })
  it('Atom: link rel="enclosure" with its type, plus the same Media RSS elements', () => {
    const i = get(atom, RICH)
    expect(i.enclosures).toEqual([{ rel: 'enclosure', type: 'image/jpeg', href: LEAD }])
    expect(i.mediaContent).toEqual(get(rss, RICH).mediaContent)
    expect(i.thumbnails).toEqual([{ url: LEAD, width: '1600', height: '900' }])
  })
  it('JSON: image, and banner_image only when the image is wide (≥ 1.5:1)', () => {
    expect(get(json, RICH)).toMatchObject({ image: LEAD, banner_image: LEAD })
    expect(get(json, ESCAPES).image).toBe('https://cdn.example.com/img/escapes.gif')
    expect(get(json, ESCAPES)).not.toHaveProperty('banner_image') // 400×300
  })
  it('the Media RSS namespace is declared on both XML roots', () => {
    expect(rssText).toMatch(/<rss [^>]*xmlns:media="http:\/\/search\.yahoo\.com\/mrss\/"/)
    expect(docText(site, headKey(null, 'atom'))).toMatch(/<feed [^>]*xmlns:media="http:\/\/search\.yahoo\.com\/mrss\/"/)
  })
  it('no image: no enclosure, no media, no image fields', () => {
    for (const m of [rss, atom]) {
      const i = get(m, MINIMAL)
      expect([i.enclosures, i.mediaContent, i.thumbnails]).toEqual([[], [], []])
    }
    expect(Object.keys(get(json, MINIMAL))).not.toContain('image')
  })
})

describe('source, via and related', () => {
  it('provider: RSS <source url> and dc:creator, Atom author + source, JSON authors', () => {
    const provider = { url: 'https://news.example.com/', name: 'Example Tech News' }
    expect(get(rss, RICH)).toMatchObject({ source: provider, author: provider.name })
    expect(get(atom, RICH)).toMatchObject({ source: provider, author: provider.name, authorUri: provider.url })
    expect(get(json, RICH).authors).toEqual([provider])
    expect(get(json, ESCAPES).authors).toEqual([{ name: '<Angle> & "Sons" 📰', url: 'https://angle.example/' }])
  })
  it('originalUrl ≠ webUrl: JSON external_url and Atom link rel="via"', () => {
    const via = 'https://wire.example.org/story/4711?utm_source=feed'
    expect(get(json, RICH).external_url).toBe(via)
    expect(get(atom, RICH).links).toContainEqual({ rel: 'via', type: 'text/html', href: via })
  })
  it('related: one Atom link rel="related" with its title per related article', () => {
    expect(get(atom, RICH).links.filter((l) => l.rel === 'related')).toEqual([
      { rel: 'related', type: 'text/html', href: 'https://supply.example.net/blackwell-q3?ref=feed&src=related', title: 'Blackwell shipments slip into Q3, suppliers say' },
      { rel: 'related', type: 'text/html', href: 'https://dc.example.org/liquid-cooling', title: 'What liquid cooling means for data center design' },
    ])
  })
  it('minimal article: none of them, and Atom still has an author at feed level', () => {
    for (const m of [rss, atom]) expect(get(m, MINIMAL).source).toBeUndefined()
    expect(get(atom, MINIMAL).links).toEqual([{ rel: 'alternate', type: 'text/html', href: MINIMAL }])
    for (const k of ['authors', 'external_url']) expect(get(json, MINIMAL)).not.toHaveProperty(k)
    expect(docText(site, headKey(null, 'atom'))).toMatch(/^ {4}<author>\s*<name>Feedstand<\/name>/m)
  })
})

describe('categories', () => {
  it('each topic names its own feed (RSS domain, Atom scheme), plus the article category', () => {
    const rssCats = get(rss, ESCAPES).categories
    expect(rssCats.map((c) => c.text)).toEqual(['R&D', '<Web> Components', 'בינה מלאכותית', 'Launches 🚀', 'news'])
    expect(rssCats[0]!.domain).toBe('http://localhost:3000/topics/r-d/rss.xml')
    expect(rssCats.at(-1)).toEqual({ text: 'news' })
    const atomCats = get(atom, RICH).categories
    expect(atomCats[0]).toEqual({ text: 'AI Hardware', term: 'ai-hardware', domain: 'http://localhost:3000/topics/ai-hardware/atom.xml' })
    expect(atomCats.at(-1)).toEqual({ text: 'analysis', term: 'analysis' })
    expect(get(json, RICH).tags).toEqual(['AI Hardware', 'Data Centers', 'Nvidia', 'analysis'])
  })
  it('every category URL is a feed this site serves', () => {
    const urls = [...rss.values(), ...atom.values()].flatMap((i) => i.categories.flatMap((c) => (c.domain ? [c.domain] : [])))
    expect(urls.length).toBeGreaterThan(8)
    for (const url of urls) {
      const key = parsePath(new URL(url).pathname)
      expect(key && site.get(key), url).toBeTruthy()
    }
  })
})
