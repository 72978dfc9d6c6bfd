/**
 * Views computed on request (issue 14): topic unions and filters, through the real app and the
 * real parsers, against a brute-force reference over generated corpora; canonical redirects,
 * strict validation, one Document per view (strong ETag, 304), and the cost bounds.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createApp } from '../../src/http/app.js'
import { FAST_PORTS, siteFromTexts } from '../helpers/site.js'
import { parseWithFeedExtractor, validateAtom, validateJsonFeed } from '../helpers/validate.js'
import { SLUGS, WORDS, genArticle, seedsOf } from './corpus.js'

const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()

/** Ids a view must hold, by the plain definition: every article, newest first (ties by id), that passes everything. */
function reference(site: ReturnType<typeof siteFromTexts>['site'], v: { topics?: string[]; minQuality?: number; words?: string[]; exclude?: string[] }, max: number): string[] {
  return site.catalog.articles
    .filter((a) => !v.topics || a.topics.some((t) => v.topics!.includes(t.slug)))
    .filter((a) => v.minQuality === undefined || (a.quality !== undefined && a.quality >= v.minQuality))
    .filter((a) => !v.exclude || !a.topics.some((t) => v.exclude!.includes(t.slug)))
    .filter((a) => !v.words || v.words.every((w) => fold(`${a.title} ${a.excerpt}`).split(/[^\p{L}\p{N}]+/u).includes(fold(w))))
    .slice(0, max)
    .map((a) => a.id)
}

const ids = async (res: Response) => ((await res.json()) as { items: { id: string }[] }).items.map((i) => i.id)

describe('views', () => {
  it('a union and filters hold exactly the reference items, each once, newest first', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(genArticle, { maxLength: 40 }),
        fc.uniqueArray(fc.constantFrom(...SLUGS), { minLength: 2, maxLength: 4 }),
        fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }),
        fc.option(fc.uniqueArray(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 2 }), { nil: undefined }),
        fc.option(fc.uniqueArray(fc.constantFrom(...SLUGS), { minLength: 1, maxLength: 2 }), { nil: undefined }),
        async (articles, topics, minQuality, words, exclude) => {
          const { site } = siteFromTexts(seedsOf(articles), { maxItems: 7 }, undefined, { ports: FAST_PORTS })
          const app = createApp({ site: () => site })
          const known = topics.filter((t) => site.catalog.topics.has(t))
          const params = new URLSearchParams()
          if (minQuality !== undefined) params.set('min_quality', String(minQuality))
          if (words) params.set('q', words.join(' '))
          for (const e of exclude ?? []) params.append('exclude_topic', e)
          // Follow the redirect to the canonical URL, as a reader does.
          const get = async (path: string) => {
            let res = await app.request(path)
            if (res.status === 301) res = await app.request(res.headers.get('location')!)
            return res
          }
          const q = params.toString() ? `?${params}` : ''
          const union = await get(`/topics/${topics.join('+')}/feed.json${q}`)
          if (known.length < topics.length) {
            expect(union.status).toBe(404)
          } else {
            expect(union.status).toBe(200)
            const got = await ids(union)
            expect(got).toEqual(reference(site, { topics, minQuality, words, exclude }, 7))
            expect(new Set(got).size).toBe(got.length)
          }
          if (q) {
            const filtered = await get(`/feed.json${q}`)
            expect(filtered.status).toBe(200)
            expect(await ids(filtered)).toEqual(reference(site, { minQuality, words, exclude }, 7))
          }
        },
      ),
      { numRuns: 60 },
    )
  })

  const corpus = seedsOf(Array.from({ length: 30 }, (_, i) => ({ day: i, topics: i % 2 ? ['AI'] : ['Chips', 'Space'], quality: i % 5, title: ['Café', 'grid'], excerpt: i % 3 ? ['naïve'] : [] })))
  const { site } = siteFromTexts(corpus, { maxItems: 10 })
  const app = createApp({ site: () => site })

  it('answers every other spelling with a 301 to the canonical URL: slugs sorted without repeats, parameters in order, q folded', async () => {
    const cases: [string, string][] = [
      ['/topics/space+ai/rss.xml', '/topics/ai+space/rss.xml'],
      ['/topics/ai+space+ai/rss.xml', '/topics/ai+space/rss.xml'],
      ['/topics/ai%2Bspace/rss.xml', '/topics/ai+space/rss.xml'],
      ['/topics/ai+ai/atom.xml', '/topics/ai/atom.xml'],
      ['/rss.xml?q=CAFÉ', '/rss.xml?q=cafe'],
      ['/rss.xml?q=grid%20cafe', '/rss.xml?q=cafe+grid'],
      ['/rss.xml?q=cafe&min_quality=2', '/rss.xml?min_quality=2&q=cafe'],
      ['/rss.xml?exclude_topic=space&exclude_topic=ai&exclude_topic=ai', '/rss.xml?exclude_topic=ai&exclude_topic=space'],
      ['/rss.xml?limit=3&min_quality=2.0', '/rss.xml?min_quality=2&limit=3'],
      ['/rss.xml?min_quality=2&utm_source=x', '/rss.xml?min_quality=2'],
      ['/topics/ai+space/feed.json?limit=50', '/topics/ai+space/feed.json'],
    ]
    for (const [from, to] of cases) {
      const res = await app.request(from)
      expect(res.status, from).toBe(301)
      expect(res.headers.get('location'), from).toBe(`http://localhost:3000${to}`)
      expect((await app.request(to)).status, to).toBe(200)
    }
  })

  it('refuses a bad view with a 400 that names the parameter', async () => {
    const cases: [string, string][] = [
      ['/rss.xml?min_quality=high', 'min_quality'],
      ['/rss.xml?min_quality=1&min_quality=2', 'min_quality'],
      ['/rss.xml?q=%20%21', 'q'],
      [`/rss.xml?q=${'w '.repeat(9)}`.replace(/w /g, (_, i) => `w${i} `), 'q'],
      [`/rss.xml?q=${'x'.repeat(65)}`, 'q'],
      ['/rss.xml?exclude_topic=', 'exclude_topic'],
      [`/rss.xml?${Array.from({ length: 11 }, (_, i) => `exclude_topic=t${i}`).join('&')}`, 'exclude_topic'],
      ['/rss.xml?min_quality=1&limit=0', 'limit'],
      ['/topics/ai++space/rss.xml', 'union'],
      [`/topics/${Array.from({ length: 11 }, (_, i) => `t${i}`).join('+')}/rss.xml`, 'at most 10 topics'],
    ]
    for (const [path, named] of cases) {
      const res = await app.request(path)
      expect(res.status, path).toBe(400)
      expect(await res.text(), path).toContain(named)
    }
    // Unknown topics in a union, and views of pages, are not there at all.
    expect((await app.request('/topics/ai+nope/rss.xml')).status).toBe(404)
    expect((await app.request('/topics/ai+space/rss/archive/1.xml')).status).toBe(404)
  })

  it('is one Document per view: strong ETag, 304, the same bytes again, compressed once, its canonical URL as self link', async () => {
    const path = '/topics/ai+space/atom.xml?min_quality=1&q=cafe'
    const first = await app.request(path, { headers: { 'accept-encoding': 'br' } })
    expect(first.status).toBe(200)
    const etag = first.headers.get('etag')!
    expect(etag).toMatch(/^"[^"]+"$/)
    const body = Buffer.from(await first.arrayBuffer())
    const again = await app.request(path, { headers: { 'accept-encoding': 'br' } })
    expect(Buffer.from(await again.arrayBuffer()).equals(body)).toBe(true)
    expect((await app.request(path, { headers: { 'if-none-match': etag } })).status).toBe(304)
    const xml = await (await app.request(path)).text()
    expect(await validateAtom(xml)).toEqual([])
    expect(xml).toContain('<link rel="self" href="http://localhost:3000/topics/ai+space/atom.xml?min_quality=1&amp;q=cafe"/>')
    expect(xml).not.toContain('rel="hub"')
    expect(xml).not.toContain('rel="next"')
    const parsed = parseWithFeedExtractor(xml, 'atom')
    expect(parsed.title).toBe('Feedstand: AI + Space')
    expect(parsed.items.length).toBeGreaterThan(0)
    const json = await (await app.request('/topics/ai+space/feed.json?exclude_topic=space')).json()
    expect(validateJsonFeed(json)).toEqual([])
    expect(parseWithFeedExtractor(await (await app.request('/topics/ai+space/rss.xml')).text(), 'rss').items).toHaveLength(10)
  })

  it('bounds the work of a cold view: at most viewScanLimit entries read, and views evict only each other', () => {
    const small = siteFromTexts(corpus, { maxItems: 10 }).site
    const bounded = new (small.constructor as typeof import('../../src/documents/site.js').Site)(small.catalog, { config: small.config, ...FAST_PORTS, viewScanLimit: 4, viewCacheSize: 2 })
    const head = { type: 'feed', scope: null, format: 'json', page: { kind: 'head' } } as const
    // min_quality=0 passes all: only the 4 newest are read.
    const doc = bounded.getView(head, { minQuality: 0 }, 'min_quality=0')!
    expect(JSON.parse(new TextDecoder().decode(doc.body)).items).toHaveLength(4)
    expect(bounded.getView(head, { minQuality: 0 }, 'min_quality=0')).toBe(doc)
    bounded.getView(head, { minQuality: 1 }, 'min_quality=1')
    bounded.getView(head, { minQuality: 2 }, 'min_quality=2')
    expect(bounded.getView(head, { minQuality: 0 }, 'min_quality=0')).not.toBe(doc)
  })
})
