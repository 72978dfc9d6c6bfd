/**
 * Provider and category scopes (issue 14): first-class like topics, through the real parsers and
 * schemas; hostile provider names; two names with one slug; the `scopes` setting; update dates.
 */
import { describe, expect, it } from 'vitest'
import { buildCatalog } from '../../src/catalog/build-catalog.js'
import { CatalogIndex } from '../../src/catalog/update-catalog.js'
import { ConfigError, resolveConfig } from '../../src/config.js'
import { createApp } from '../../src/http/app.js'
import { changedFeedUrls } from '../../src/websub/index.js'
import { filePath, HEAD } from '../../src/paths.js'
import { normalizeOptions, processSeed } from '../../src/seed/process-seed.js'
import { TEST_NOW, siteFromTexts, testConfig, text } from '../helpers/site.js'
import { parseWithFeedExtractor, parseWithRssParser, validateAtom, validateJsonFeed } from '../helpers/validate.js'

const seed = (i: number, provider: string | undefined, category?: string, extra = '') => ({
  file: `p${i}.md`,
  text: [
    '---', `title: Article ${i}`, `publishedDateTime: 2024-03-${String(i + 1).padStart(2, '0')}T10:00:00Z`, `webUrl: https://news.example/${i}`,
    'topics: [AI]', ...(provider === undefined ? [] : [`provider: { name: ${JSON.stringify(provider)}, domain: wire.example }`]),
    ...(category ? [`category: ${category}`] : []), ...(extra ? [extra] : []), '---', '',
  ].join('\n'),
})

const corpus = [seed(1, 'Reuters', 'news'), seed(2, 'AP News', 'analysis'), seed(3, 'Reuters', 'News'), seed(4, undefined, undefined)]

describe('provider and category scopes', () => {
  const { site } = siteFromTexts(corpus)
  const app = createApp({ site: () => site })

  it('has a feed in every format, a page and an index entry per provider and category, valid by the schemas and both parsers', async () => {
    expect([...site.scopes()].map((s) => `${s.kind}/${s.slug}`)).toEqual(['topic/ai', 'provider/ap-news', 'provider/reuters', 'category/analysis', 'category/news'])
    for (const dir of ['providers/reuters', 'providers/ap-news', 'categories/news', 'categories/analysis']) {
      const atom = await (await app.request(`/${dir}/atom.xml`)).text()
      expect(await validateAtom(atom), dir).toEqual([])
      const json = await (await app.request(`/${dir}/feed.json`)).json()
      expect(validateJsonFeed(json), dir).toEqual([])
      const rss = await (await app.request(`/${dir}/rss.xml`)).text()
      const parsed = await parseWithRssParser(rss)
      expect(parsed.items.length, dir).toBeGreaterThan(0)
      expect(parseWithFeedExtractor(atom, 'atom').items.map((i) => i.id)).toEqual(parsed.items.map((i) => i.id))
      expect(rss).toContain(`<atom:link href="http://localhost:3000/${dir}/rss.xml" rel="self"`)
      const page = await app.request(`/${dir}/`)
      expect(page.status, dir).toBe(200)
      expect(await page.text()).toContain(`href="http://localhost:3000/${dir}/atom.xml"`)
      expect((await app.request(`/${dir}`)).headers.get('location')).toBe(`http://localhost:3000/${dir}/`)
    }
    // The article without a provider or category is in no such scope; Reuters has 1 and 3.
    expect(parseWithFeedExtractor(await (await app.request('/providers/reuters/atom.xml')).text(), 'atom').items.map((i) => i.link)).toEqual(['https://news.example/3', 'https://news.example/1'])
    const index = await (await app.request('/scopes.json')).json()
    expect(Object.keys(index.scopes)).toEqual(['topics', 'providers', 'categories'])
    expect(index.scopes.providers.map((p: { slug: string; count: number }) => [p.slug, p.count])).toEqual([['ap-news', 1], ['reuters', 2]])
    expect(index.scopes.categories[1].feeds.atom).toBe('http://localhost:3000/categories/news/atom.xml')
  })

  it('keys every scope document by the path table: _headers rules per kind, archives as for topics', () => {
    const many = siteFromTexts(Array.from({ length: 7 }, (_, i) => seed(i, 'Reuters', 'news')), { maxItems: 3 }).site
    const files = [...many.keys()].map(filePath)
    expect(files).toContain('providers/reuters/atom/archive/2.xml')
    expect(files).toContain('categories/news/feed/page/2.json')
    expect(files).toContain('categories/news/index.html')
  })

  it('handles a hostile provider name like a hostile topic: one safe segment or no scope', async () => {
    const { site: hostile, outcomes } = siteFromTexts([seed(1, '../'), seed(2, '<script>alert(1)</script>'), seed(3, ''), seed(4, '..\\x/..'), seed(5, '%2e%2e')])
    const slugs = [...hostile.scopes()].filter((s) => s.kind === 'provider').map((s) => s.slug)
    expect(slugs).toEqual(['2e-2e', 'script-alert-1-script', 'x'])
    for (const key of hostile.keys()) expect(filePath(key).split('/')).not.toContain('..')
    expect(outcomes[2]!.problems.map((p) => p.code)).toContain('bad-provider')
    expect(outcomes[0]!.problems.map((p) => [p.field, p.code])).toEqual([['provider.name', 'empty-provider-slug']])
    const app = createApp({ site: () => hostile })
    const body = await (await app.request('/providers/script-alert-1-script/')).text()
    expect(body).not.toContain('<script>alert')
    expect(body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect((await app.request('/providers/nope/rss.xml')).status).toBe(404)
    expect((await app.request('/providers/%2E%2E%2Fx/rss.xml')).status).toBe(404)
  })

  it('makes two provider names with one slug one scope, with a shared-provider-slug warning, in the full and the incremental catalog', () => {
    const opts = normalizeOptions(testConfig(), TEST_NOW)
    const enc = new TextEncoder()
    const outcome = (s: { file: string; text: string }) => processSeed(s.file, enc.encode(s.text), opts)
    const base = [outcome(seed(1, 'Reuters')), outcome(seed(2, 'AP'))]
    const index = new CatalogIndex(base, { onlyPublished: false, nowMs: TEST_NOW })
    const added = outcome(seed(3, 'REUTERS'))
    const incremental = index.update([[added.file, added]], TEST_NOW)
    const full = buildCatalog([...base, added], { onlyPublished: false, nowMs: TEST_NOW })
    expect(incremental.problems).toEqual(full.problems)
    expect(full.problems.filter((p) => p.code === 'shared-provider-slug').map((p) => [p.file, p.field])).toEqual([['p1.md', 'provider.name']])
    expect(full.scopes.provider.get('reuters')!.name).toBe('REUTERS')
    expect(full.scopes.provider.get('reuters')!.articles).toHaveLength(2)
    expect(incremental.scopes.provider.get('reuters')!.articles.map((a) => a.id)).toEqual(full.scopes.provider.get('reuters')!.articles.map((a) => a.id))
    // And the warning goes when the other spelling does.
    expect(index.update([[added.file, undefined]], TEST_NOW).problems.some((p) => p.code === 'shared-provider-slug')).toBe(false)
  })

  it('pings the hub for exactly the heads that changed: the new article\'s provider and category, not the others', () => {
    const after = siteFromTexts([...corpus, seed(9, 'AP News', 'analysis')], { hubUrl: 'https://hub.example/' }).site
    const before = siteFromTexts(corpus, { hubUrl: 'https://hub.example/' }).site
    const urls = changedFeedUrls(before, after).map((u) => u.replace('http://localhost:3000', ''))
    const heads = (dir: string) => [`${dir}rss.xml`, `${dir}atom.xml`, `${dir}feed.json`]
    expect(urls).toEqual([...heads('/'), ...heads('/categories/analysis/'), ...heads('/providers/ap-news/'), ...heads('/topics/ai/')])
    expect(text(after.get({ type: 'feed', scope: { kind: 'provider', slug: 'ap-news' }, format: 'atom', page: HEAD })!.body)).toContain('<link rel="hub" href="https://hub.example/"/>')
  })

  it('builds only the kinds the scopes setting names', async () => {
    const { site: topicsOnly } = siteFromTexts(corpus, { scopes: 'topics' })
    expect([...topicsOnly.scopes()].map((s) => s.kind)).toEqual(['topic'])
    const app = createApp({ site: () => topicsOnly })
    expect((await app.request('/providers/reuters/rss.xml')).status).toBe(404)
    expect((await app.request('/categories/news/')).status).toBe(404)
    expect(Object.keys((await (await app.request('/scopes.json')).json()).scopes)).toEqual(['topics'])
    expect(resolveConfig({ scopes: 'providers, TOPICS,provider' }).scopeKinds).toEqual(['topic', 'provider'])
    expect(resolveConfig({ scopes: 'none' }).scopeKinds).toEqual([])
    expect(() => resolveConfig({ scopes: 'authors' })).toThrow(ConfigError)
    expect(() => resolveConfig({ scopes: 'authors' })).toThrow(/^scopes: /)
  })
})

describe('updatedDateTime', () => {
  it('becomes Atom <updated>, JSON date_modified and RSS atom:updated; publication still sorts', async () => {
    const { site, outcomes } = siteFromTexts([seed(1, 'Reuters', undefined, 'updatedDateTime: 2024-06-01T00:00:00Z'), seed(2, 'Reuters')])
    expect(outcomes.flatMap((o) => o.problems)).toEqual([])
    const body = (format: 'rss' | 'atom' | 'json') => text(site.get({ type: 'feed', scope: null, format, page: HEAD })!.body)
    const atom = body('atom')
    expect(await validateAtom(atom)).toEqual([])
    expect(atom).toContain('<published>2024-03-02T10:00:00.000Z</published>\n        <updated>2024-06-01T00:00:00.000Z</updated>')
    expect(atom).toContain('<published>2024-03-03T10:00:00.000Z</published>\n        <updated>2024-03-03T10:00:00.000Z</updated>')
    const json = JSON.parse(body('json'))
    expect(validateJsonFeed(json)).toEqual([])
    expect(json.items.map((i: { date_modified?: string }) => i.date_modified)).toEqual([undefined, '2024-06-01T00:00:00.000Z'])
    const rss = body('rss')
    expect(rss).toContain('<atom:updated>2024-06-01T00:00:00.000Z</atom:updated>')
    expect((await parseWithRssParser(rss)).items.map((i) => i.link)).toEqual(['https://news.example/2', 'https://news.example/1'])
    // The feed changed when the correction was made.
    expect(atom).toContain('<updated>2024-06-01T00:00:00.000Z</updated>\n    <generator>')
  })

  it('is a warning and dropped when it is not a date, before the publication or in the future', () => {
    for (const [value, says] of [['soon', 'not a date'], ['2024-01-01T00:00:00Z', 'before publishedDateTime'], ['2099-01-01T00:00:00Z', 'in the future']] as const) {
      const { site, outcomes } = siteFromTexts([seed(1, undefined, undefined, `updatedDateTime: ${value}`)])
      const problem = outcomes[0]!.problems.find((p) => p.code === 'bad-updated-date')
      expect(problem, value).toMatchObject({ field: 'updatedDateTime', severity: 'warning' })
      expect(problem!.message, value).toContain(value === 'soon' ? '' : says)
      expect(site.catalog.articles[0]!.updatedMs, value).toBeUndefined()
    }
  })
})
