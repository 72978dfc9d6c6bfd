/**
 * The "done when": the real seed's item shows its title with `it’s`, its image,
 * SiliconANGLE as source, the excerpt and the Datacenter Dynamics related link, in all three
 * formats — read back with the real parsers, plus targeted string checks on the bytes.
 */
import { readFileSync } from 'node:fs'
import { beforeAll, describe, expect, it } from 'vitest'
import { FORMATS, type Format } from '../../src/paths.js'
import { escapeHtml } from '../../src/escape.js'
import { parseWithFeedExtractor, parseWithRssParser } from '../helpers/validate.js'
import { docText, headKey, SEED_FILE, SEEDS_DIR, siteFromDir } from './rich-site.js'
import { readItems, type ReadItem } from './read-items.js'

const URL_ = 'https://siliconangle.com/2024/03/12/meta-unveils-two-new-24k-gpu-clusters-using-develop-advanced-generative-ai/'
const TITLE = 'Meta unveils two new 24K GPU clusters it’s using to develop more advanced generative AI'
const EXCERPT =
  'Meta Platforms Inc. today revealed a pair of enormously powerful graphics processing unit clusters that it says will be ' +
  'used to support the training of next-generation generative artificial intelligence models, including the upcoming Llama 3.'
const IMAGE = 'https://d15shllkswkct0.cloudfront.net/wp-content/blogs.dir/1/files/2024/03/5940735_3047945.jpg'
const RELATED = 'https://www.datacenterdynamics.com/en/news/meta-reveals-details-of-two-new-24k-gpu-ai-clusters/?ref=biztoc.com'
const RELATED_TITLE = 'Meta reveals details of two new 24k GPU AI clusters'
const SILICONANGLE = { name: 'SiliconANGLE', url: 'https://siliconangle.com/' }

const src = {} as Record<Format, string>
let rss: ReadItem
let atom: ReadItem
let json: Record<string, unknown>

beforeAll(async () => {
  const site = await siteFromDir(SEEDS_DIR)
  for (const f of FORMATS) src[f] = docText(site, headKey(null, f))
  ;[rss] = (await readItems(src.rss)) as [ReadItem]
  ;[atom] = (await readItems(src.atom)) as [ReadItem]
  json = (JSON.parse(src.json) as { items: Record<string, unknown>[] }).items[0]!
})

describe('the seed article, in all three formats', () => {
  it('title: `it’s`, repaired from the seed’s `itâ€™s`, as both parsers read it', async () => {
    expect(readFileSync(SEED_FILE, 'utf8')).toContain('itâ€™s')
    for (const f of FORMATS) {
      expect(parseWithFeedExtractor(src[f], f).items.map((i) => i.title), f).toEqual([TITLE])
      if (f !== 'json') expect((await parseWithRssParser(src[f])).items.map((i) => i.title), f).toEqual([TITLE])
      expect(src[f], f).not.toContain('â€')
    }
    expect(src.rss).toContain(`<title>${TITLE}</title>`)
    expect(src.atom).toContain(`<title type="text">${TITLE}</title>`)
  })

  it('image: enclosure, media:content/thumbnail, Atom enclosure link, JSON image and banner', () => {
    expect(rss.enclosures).toEqual([{ url: IMAGE, length: '0', type: 'image/jpeg' }])
    expect(rss.thumbnails).toEqual([{ url: IMAGE, width: '3000', height: '2000' }])
    expect(rss.mediaContent).toEqual([{ url: IMAGE, medium: 'image', type: 'image/jpeg', width: '3000', height: '2000' }])
    expect(atom.enclosures).toEqual([{ rel: 'enclosure', type: 'image/jpeg', href: IMAGE }])
    expect(atom.thumbnails).toEqual(rss.thumbnails)
    expect(json).toMatchObject({ image: IMAGE, banner_image: IMAGE }) // 3000×2000 is 1.5:1
    for (const f of FORMATS) expect(src[f]).toContain(f === 'json' ? `<img src=\\"${IMAGE}\\"` : `&lt;img src=&quot;${IMAGE}&quot;`)
  })

  it('source: SiliconANGLE', () => {
    expect(rss.source).toEqual(SILICONANGLE)
    expect(rss.author).toBe('SiliconANGLE')
    expect(src.rss).toContain('<source url="https://siliconangle.com/">SiliconANGLE</source>')
    expect(atom).toMatchObject({ author: 'SiliconANGLE', authorUri: SILICONANGLE.url, source: SILICONANGLE })
    expect(json.authors).toEqual([SILICONANGLE])
  })

  it('excerpt: RSS description, Atom summary, JSON summary', () => {
    expect(rss.summary).toBe(escapeHtml(EXCERPT))
    expect(atom).toMatchObject({ summary: EXCERPT, summaryType: 'text' })
    expect(json.summary).toBe(EXCERPT)
  })

  it('the Datacenter Dynamics related link: Atom rel="related", and the Related coverage list everywhere', () => {
    expect(atom.links).toContainEqual({ rel: 'related', type: 'text/html', href: RELATED, title: RELATED_TITLE })
    const li = `<li><a href="${escapeHtml(RELATED)}">${RELATED_TITLE}</a> — Datacenter Dynamics, 12 March 2024</li>`
    for (const html of [rss.contentHtml, atom.contentHtml, json.content_html]) expect(html).toContain(li)
    expect(json.content_html).toContain(`<a href="${URL_}">Read the full story at SiliconANGLE</a>`)
  })

  it('originalUrl equal to webUrl: no external_url, no via link; `secured` never published', () => {
    expect(json).not.toHaveProperty('external_url')
    expect(atom.links.map((l) => l.rel)).not.toContain('via')
    for (const f of FORMATS) expect(src[f]).not.toContain('Lm8yr9RLObdabKgP')
  })
})
