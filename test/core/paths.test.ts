import { describe, expect, it } from 'vitest'
import { FORMAT_TABLE } from '../../src/format-table.js'
import { FORMATS, HEAD, filePath, parsePath, siteRelativeUrl, topicPageWithoutSlash, urlPath, type DocKey } from '../../src/paths.js'
import { FORMAT_SPECS } from '../../src/render/formats.js'

const keys: DocKey[] = [
  { type: 'index' },
  { type: 'topics-json' },
  { type: 'opml' },
  { type: 'icon' },
  { type: 'scope-page', scope: { kind: 'topic', slug: 'ai-hardware' } },
  { type: 'scope-page', scope: { kind: 'topic', slug: '中国' } },
  { type: 'scope-page', scope: { kind: 'provider', slug: 'reuters' } },
  { type: 'scope-page', scope: { kind: 'category', slug: 'análisis' } },
  { type: 'scopes-json' },
  { type: 'asset', name: 'site.css' },
  { type: 'asset', name: 'site.js' },
  ...FORMATS.flatMap((format): DocKey[] => [
    { type: 'feed', scope: null, format, page: HEAD },
    { type: 'feed', scope: { kind: 'topic', slug: 'ai-hardware' }, format, page: HEAD },
    { type: 'feed', scope: { kind: 'topic', slug: '中国' }, format, page: { kind: 'page', n: 2 } },
    { type: 'feed', scope: { kind: 'topic', slug: 'économie' }, format, page: { kind: 'archive', n: 13 } },
    { type: 'feed', scope: { kind: 'provider', slug: 'reuters' }, format, page: HEAD },
    { type: 'feed', scope: { kind: 'provider', slug: 'ap-news' }, format, page: { kind: 'archive', n: 2 } },
    { type: 'feed', scope: { kind: 'category', slug: 'news' }, format, page: { kind: 'page', n: 2 } },
  ]),
]

describe('path table', () => {
  it('gives the documented paths', () => {
    expect(urlPath({ type: 'feed', scope: null, format: 'rss', page: HEAD })).toBe('/rss.xml')
    expect(urlPath({ type: 'feed', scope: null, format: 'atom', page: HEAD })).toBe('/atom.xml')
    expect(urlPath({ type: 'feed', scope: null, format: 'json', page: HEAD })).toBe('/feed.json')
    expect(urlPath({ type: 'feed', scope: { kind: 'topic', slug: 'ai-hardware' }, format: 'atom', page: HEAD })).toBe('/topics/ai-hardware/atom.xml')
    expect(urlPath({ type: 'feed', scope: { kind: 'topic', slug: '中国' }, format: 'json', page: HEAD })).toBe('/topics/%E4%B8%AD%E5%9B%BD/feed.json')
    expect(filePath({ type: 'feed', scope: { kind: 'topic', slug: '中国' }, format: 'json', page: HEAD })).toBe('topics/中国/feed.json')
    expect(filePath({ type: 'feed', scope: null, format: 'rss', page: { kind: 'page', n: 2 } })).toBe('rss/page/2.xml')
    expect(filePath({ type: 'feed', scope: { kind: 'topic', slug: 'ai' }, format: 'json', page: { kind: 'archive', n: 1 } })).toBe('topics/ai/feed/archive/1.json')
    expect(urlPath({ type: 'index' })).toBe('/')
    expect(filePath({ type: 'index' })).toBe('index.html')
    expect(urlPath({ type: 'topics-json' })).toBe('/topics.json')
    expect(urlPath({ type: 'opml' })).toBe('/topics.opml')
    expect(urlPath({ type: 'scope-page', scope: { kind: 'topic', slug: '中国' } })).toBe('/topics/%E4%B8%AD%E5%9B%BD/')
    expect(filePath({ type: 'scope-page', scope: { kind: 'topic', slug: '中国' } })).toBe('topics/中国/index.html')
    expect(filePath({ type: 'asset', name: 'site.js' })).toBe('assets/site.js')
    expect(parsePath('/topics/ai/index.html')).toEqual({ type: 'scope-page', scope: { kind: 'topic', slug: 'ai' } })
    expect(siteRelativeUrl('https://example.com/news', { type: 'scope-page', scope: { kind: 'topic', slug: 'ai' } })).toBe('/news/topics/ai/')
    expect(siteRelativeUrl('https://example.com', { type: 'index' })).toBe('/')
  })

  it('names the topic page a path means without its slash, and nothing else', () => {
    expect(topicPageWithoutSlash('/topics/ai')).toEqual({ type: 'scope-page', scope: { kind: 'topic', slug: 'ai' } })
    expect(topicPageWithoutSlash('/topics/%E4%B8%AD%E5%9B%BD')).toEqual({ type: 'scope-page', scope: { kind: 'topic', slug: '中国' } })
    for (const p of ['/topics', '/topics/', '/topics/ai/', '/topics/ai/rss.xml', '/ai', '/topics/a%2Fb', '/topics/%E0%A4%A']) expect(topicPageWithoutSlash(p), p).toBeUndefined()
  })

  it('parses every path it makes back to the same key', () => {
    for (const key of keys) expect(parsePath(urlPath(key))).toEqual(key)
  })

  it('refuses paths no document can have', () => {
    for (const p of [
      '/rss.json', '/feed.xml', '/topics/rss.xml', '/topics//rss.xml', '/topics/a/b/rss.xml', '/rss/page/1.xml',
      '/rss/page/0.xml', '/rss/page/-1.xml', '/rss/archive/0.xml', '/topics/%2E%2E%2Fetc/rss.xml', '/topics/%E0%A4%A/rss.xml',
      '/topics/a%2Fb/rss.xml', '/../rss.xml', '/rss.xml/', '/index.htm',
      '/topics/', '/topics//', '/topics/a/b/', '/topics/a/index.htm', '/assets/', '/assets/x.js', '/assets/site.css/',
    ]) {
      expect(parsePath(p), p).toBeUndefined()
    }
  })
})

describe('format table', () => {
  it('gives each format its own file stem, so a path names one format', () => {
    const stems = FORMATS.map((f) => FORMAT_TABLE[f].stem)
    expect(new Set(stems).size).toBe(stems.length)
  })

  it('parses exactly the stem/extension pairs of its rows (the path regex comes from the table)', () => {
    const stems = FORMATS.map((f) => FORMAT_TABLE[f].stem)
    const exts = [...new Set(FORMATS.map((f) => FORMAT_TABLE[f].ext))]
    for (const stem of stems) {
      for (const ext of exts) {
        const format = FORMATS.find((f) => FORMAT_TABLE[f].stem === stem && FORMAT_TABLE[f].ext === ext)
        const key = parsePath(`/topics/ai/${stem}/archive/3.${ext}`)
        expect(key, `${stem}.${ext}`).toEqual(format && { type: 'feed', scope: { kind: 'topic', slug: 'ai' }, format, page: { kind: 'archive', n: 3 } })
      }
    }
  })

  it('has both renderers and the facts for every format', () => {
    for (const f of FORMATS) {
      expect(FORMAT_SPECS[f]).toMatchObject(FORMAT_TABLE[f])
      expect(typeof FORMAT_SPECS[f].render).toBe('function')
      expect(typeof FORMAT_SPECS[f].item).toBe('function')
    }
  })
})
