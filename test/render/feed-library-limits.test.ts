/**
 * Why items are rendered by us and not by `feed` (pinned at 6.0.0), and why feed-level text goes
 * through render/feed-shell.ts `xmlJsText`: each test asserts a limit of the real library, so
 * the day `feed` (or xml-js under it) fixes one, this fails and tells us what we can hand back
 * to it. If one of these starts failing, re-read the renderer comment it names before changing
 * anything: the `&amp;` one means `xmlJsText` must go, or titles will be double-escaped.
 */
import { Feed } from 'feed'
import { describe, expect, it } from 'vitest'
import { parseWithRssParser } from '../helpers/validate.js'

type FeedOptions = ConstructorParameters<typeof Feed>[0]
type FeedItem = Parameters<Feed['addItem']>[0]

function sample(options: Partial<FeedOptions> = {}, item: Partial<FeedItem> = {}): Feed {
  const feed = new Feed({ id: 'https://example.com/', title: 'Sample', copyright: '', link: 'https://example.com/', updated: new Date(0), ...options })
  feed.addItem({
    title: 'A <b>bold</b> claim',
    id: 'https://example.com/a',
    link: 'https://example.com/a',
    date: new Date(0),
    description: 'Summary',
    content: '<p>Body</p>',
    ...item,
  })
  return feed
}

describe('limits of the `feed` library (why render/*-item.ts and atom-entry.ts exist)', () => {
  it('Atom entry titles and summaries are type="html" CDATA: a `<b>` in a title becomes markup (atom-entry.ts)', () => {
    const atom = sample().atom1()
    expect(atom).toContain('<title type="html"><![CDATA[A <b>bold</b> claim]]></title>')
    expect(atom).toContain('<summary type="html"><![CDATA[Summary]]></summary>')
  })

  it('RSS item titles are CDATA, which HTML-minded readers render as markup (rss-item.ts)', () => {
    expect(sample().rss2()).toContain('<title><![CDATA[A <b>bold</b> claim]]></title>')
  })

  it('one enclosure per RSS item (the last given wins), with a type made from the extension: image/jpg (rss-item.ts)', () => {
    const rss = sample({}, { enclosure: { url: 'https://cdn.example.com/a.png' }, image: 'https://cdn.example.com/b.jpg' }).rss2()
    expect(rss.match(/<enclosure /g)).toHaveLength(1)
    expect(rss).toContain('<enclosure url="https://cdn.example.com/b.jpg" length="0" type="image/jpg"/>')
    expect(rss).not.toContain('media:')
  })

  it('no Media RSS, no via or related links in Atom entries (atom-entry.ts)', () => {
    const atom = sample({}, { image: 'https://cdn.example.com/b.jpg' }).atom1()
    expect(atom).toContain('<link rel="enclosure" href="https://cdn.example.com/b.jpg" type="image/jpg"/>')
    expect(atom).not.toMatch(/media:|rel="via"|rel="related"/)
  })

  it('JSON output is JSON Feed version 1, with a single `author` and no `language` (json-feed.ts, json-item.ts)', () => {
    const json = JSON.parse(sample({ author: { name: 'Site' }, language: 'en' }, { author: [{ name: 'Writer' }] }).json1()) as Record<string, unknown>
    expect(json.version).toBe('https://jsonfeed.org/version/1')
    expect(json).toHaveProperty('author')
    expect(json).not.toHaveProperty('authors')
    expect(json).not.toHaveProperty('language')
    const item = (json.items as Record<string, unknown>[])[0]!
    expect(item).toHaveProperty('author', { name: 'Writer' })
    expect(item).not.toHaveProperty('authors')
  })

  it('an Atom entry id that is not a URL throws (atom-entry.ts atomId makes a urn: instead)', () => {
    expect(() => sample({}, { id: 'my-slug', link: 'https://example.com/a' }).atom1()).toThrow()
  })

  it('feed-level text: xml-js turns a literal `&amp;` back into `&` (feed-shell.ts xmlJsText)', async () => {
    const raw = sample({ title: 'R&amp;D weekly' }).rss2()
    expect(raw).toContain('<title>R&amp;D weekly</title>')
    expect((await parseWithRssParser(raw)).title).toBe('R&D weekly') // the `amp;` is lost
  })
})
