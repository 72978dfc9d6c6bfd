/**
 * The fixtures become a global feed and one feed per topic, in three formats, each read back
 * by real, independent parsers with the expected items in the expected order.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { FORMATS, HEAD, type Format } from '../../src/paths.js'
import { topicScope } from '../../src/scopes/scope-kinds.js'
import type { Site } from '../../src/documents/site.js'
import { checkWellFormedXml, parseWithFeedExtractor, parseWithRssParser, validateAtom, validateJsonFeed } from '../helpers/validate.js'
import { FIXTURES, siteFromDir, text } from '../helpers/site.js'

/** Newest first; the two articles of 2024-03-12T00:00Z are ordered by id. */
const GLOBAL = [
  'https://example.com/tie-a',
  'https://example.com/tie-b',
  'https://example.fr/cafe-economie',
  'https://example.com/news/chips?a=1&b=2',
  'https://example.com/quoted-date',
  'https://example.com/draft',
  'https://example.cn/nested',
  'tag:example.com,2024:own-id',
]

const TOPICS: Record<string, string[]> = {
  ai: ['https://example.fr/cafe-economie', 'https://example.com/news/chips?a=1&b=2', 'https://example.com/quoted-date', 'tag:example.com,2024:own-id'],
  'ai-hardware': ['https://example.com/tie-a', 'https://example.com/tie-b', 'https://example.com/news/chips?a=1&b=2'],
  economie: ['https://example.fr/cafe-economie'],
  'meta-ai': ['https://example.com/draft', 'tag:example.com,2024:own-id'],
  中国: ['https://example.cn/nested'],
}

let site: Site

beforeAll(async () => {
  ;({ site } = await siteFromDir(FIXTURES))
})

function feedText(topic: string | null, format: Format): string {
  const doc = site.get({ type: 'feed', scope: topicScope(topic), format, page: HEAD })
  expect(doc, `${topic}/${format}`).toBeDefined()
  return text(doc!.body)
}

/** Both parsers, reduced to ids, must agree; returns the ids. */
async function parsedIds(xmlOrJson: string, format: Format): Promise<string[]> {
  const extracted = parseWithFeedExtractor(xmlOrJson, format).items
  if (format === 'json') return extracted.map((i) => i.id)
  const parsed = (await parseWithRssParser(xmlOrJson)).items
  expect(parsed).toEqual(extracted)
  return parsed.map((i) => i.id)
}

describe('feeds from the fixtures', () => {
  it('reads every seed file under the folder and ignores hidden and non-seed files', () => {
    expect(site.catalog.articles.map((a) => a.id)).toEqual(GLOBAL)
    expect(site.catalog.articles.map((a) => a.file)).not.toContain('.hidden.md')
  })

  it('groups topics by slug, with Unicode letters kept', () => {
    expect([...site.catalog.topics.keys()].sort()).toEqual(Object.keys(TOPICS).sort())
    expect(site.catalog.topics.get('economie')!.name).toBe('Économie')
    expect(site.catalog.topics.get('中国')!.name).toBe('中国')
  })

  for (const format of FORMATS) {
    it(`global ${format} feed parses with real parsers, newest first, ties by id`, async () => {
      expect(await parsedIds(feedText(null, format), format)).toEqual(GLOBAL)
    })

    it(`every topic ${format} feed holds exactly its articles in order`, async () => {
      for (const [slug, ids] of Object.entries(TOPICS)) {
        expect(await parsedIds(feedText(slug, format), format), slug).toEqual(ids)
      }
    })
  }

  it('titles with & < > " \' and Unicode survive every format intact', async () => {
    const want = [`Chips & "GPUs" <vs> 'TPUs'`, 'Café: l’économie de l’IA — 中国 🚀']
    for (const format of FORMATS) {
      const titles = parseWithFeedExtractor(feedText(null, format), format).items.map((i) => i.title)
      for (const t of want) expect(titles, format).toContain(t)
    }
    const rss = await parseWithRssParser(feedText(null, 'rss'))
    for (const t of want) expect(rss.items.map((i) => i.title)).toContain(t)
  })

  it('dates are UTC instants: a quoted date with an offset becomes the same instant', async () => {
    const items = (await parseWithRssParser(feedText(null, 'atom'))).items
    expect(items.find((i) => i.id === 'https://example.com/quoted-date')!.date).toBe('2024-03-09T10:00:00.000Z')
    expect(feedText(null, 'rss')).toContain('<pubDate>Sat, 09 Mar 2024 10:00:00 GMT</pubDate>')
  })

  it('is valid: XML well-formed, Atom against RFC 4287, JSON Feed 1.1 schema', async () => {
    for (const topic of [null, ...Object.keys(TOPICS)]) {
      expect(await checkWellFormedXml(feedText(topic, 'rss'))).toEqual([])
      expect(await validateAtom(feedText(topic, 'atom'))).toEqual([])
      expect(validateJsonFeed(JSON.parse(feedText(topic, 'json')))).toEqual([])
    }
  })

  it('feed metadata: self link under the base URL, home page, language, updated = newest item, never the clock', () => {
    const rss = feedText('ai-hardware', 'rss')
    expect(rss).toContain('<atom:link href="http://localhost:3000/topics/ai-hardware/rss.xml" rel="self" type="application/rss+xml"/>')
    expect(rss).toContain('<lastBuildDate>Tue, 12 Mar 2024 00:00:00 GMT</lastBuildDate>')
    expect(rss).toContain('<language>en</language>')
    const atom = feedText(null, 'atom')
    expect(atom).toContain('<link rel="self" href="http://localhost:3000/atom.xml"/>')
    expect(atom).toContain('<updated>2024-03-12T00:00:00.000Z</updated>')
    expect(atom).toContain('xml:lang="en"')
    const json = JSON.parse(feedText('中国', 'json')) as Record<string, unknown>
    expect(json).toMatchObject({
      version: 'https://jsonfeed.org/version/1.1',
      feed_url: 'http://localhost:3000/topics/%E4%B8%AD%E5%9B%BD/feed.json',
      // A topic feed's home page is the topic's own page (issue 12); its author stays the site.
      home_page_url: 'http://localhost:3000/topics/%E4%B8%AD%E5%9B%BD/',
      language: 'en',
      authors: [{ name: 'Feedstand', url: 'http://localhost:3000/' }],
    })
  })

  it('RSS guid says isPermaLink="true" only when the id is the article URL', () => {
    const rss = feedText(null, 'rss')
    expect(rss).toContain('<guid isPermaLink="true">https://example.com/tie-a</guid>')
    expect(rss).toContain('<guid isPermaLink="false">tag:example.com,2024:own-id</guid>')
  })

  it('publishes "published: false" by default and holds it back with onlyPublished', async () => {
    expect(site.catalog.byId.has('https://example.com/draft')).toBe(true)
    const { site: strict } = await siteFromDir(FIXTURES, { onlyPublished: true })
    expect(strict.catalog.byId.has('https://example.com/draft')).toBe(false)
    expect(strict.catalog.articles).toHaveLength(GLOBAL.length - 1)
  })

  it('holds maxItems items per document', async () => {
    const { site: small } = await siteFromDir(FIXTURES, { maxItems: 3 })
    const ids = await parsedIds(text(small.get({ type: 'feed', scope: null, format: 'rss', page: HEAD })!.body), 'rss')
    expect(ids).toEqual(GLOBAL.slice(0, 3))
  })

  it('renders the same bytes twice', async () => {
    const { site: again } = await siteFromDir(FIXTURES)
    for (const key of site.keys()) expect(again.get(key)!.body).toEqual(site.get(key)!.body)
  })

  it('an empty seeds folder still gives valid, empty feeds', async () => {
    const { mkdtemp, rm } = await import('node:fs/promises')
    const { tmpdir } = await import('node:os')
    const { join } = await import('node:path')
    const dir = await mkdtemp(join(tmpdir(), 'feedstand-empty-'))
    try {
      const { site: empty } = await siteFromDir(dir)
      const rss = text(empty.get({ type: 'feed', scope: null, format: 'rss', page: HEAD })!.body)
      expect((await parseWithRssParser(rss)).items).toEqual([])
      expect(rss).toContain('<lastBuildDate>Thu, 01 Jan 1970 00:00:00 GMT</lastBuildDate>')
      expect(await validateAtom(text(empty.get({ type: 'feed', scope: null, format: 'atom', page: HEAD })!.body))).toEqual([])
      expect(validateJsonFeed(JSON.parse(text(empty.get({ type: 'feed', scope: null, format: 'json', page: HEAD })!.body)))).toEqual([])
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
