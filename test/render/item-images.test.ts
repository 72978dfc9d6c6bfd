/**
 * The image rules on the pure item renderers: the first image is the lead; RSS gets an
 * enclosure only when the lead's extension names a type (RSS requires one), always with
 * length="0" (size unknown); sizes only when known; banner_image only for wide images.
 */
import { describe, expect, it } from 'vitest'
import { atomEntry } from '../../src/render/atom-entry.js'
import type { ItemContext } from '../../src/render/feed-meta.js'
import { jsonItem } from '../../src/render/json-item.js'
import { rssItem } from '../../src/render/rss-item.js'
import type { Article, Image } from '../../src/types.js'

const ctx: ItemContext = { topicFeedUrl: (slug, format) => `http://localhost:3000/topics/${slug}/${format}.xml` }

function article(images: Image[]): Article {
  return {
    id: 'https://example.com/a', file: 'a.md', hash: 'h', title: 'T', excerpt: '', contentHtml: '<p>x</p>',
    publishedMs: Date.UTC(2024, 0, 1), webUrl: 'https://example.com/a', topics: [], images, related: [], published: true,
  }
}

const UNTYPED: Image = { url: 'https://img.example.com/render?id=7' }
const TALL: Image = { url: 'https://img.example.com/tall.webp', type: 'image/webp', width: 600, height: 900 }

describe('item images', () => {
  it('lead without a known type: no RSS enclosure, but media:content, media:thumbnail, Atom link and JSON image', () => {
    const a = article([UNTYPED, TALL])
    const rss = rssItem(a, ctx)
    expect(rss).not.toContain('<enclosure')
    expect(rss).toContain('<media:thumbnail url="https://img.example.com/render?id=7"/>')
    expect(rss).toContain('<media:content url="https://img.example.com/tall.webp" medium="image" type="image/webp" width="600" height="900"/>')
    expect(atomEntry(a, ctx)).toContain('<link rel="enclosure" href="https://img.example.com/render?id=7"/>')
    expect(JSON.parse(jsonItem(a))).toMatchObject({ image: 'https://img.example.com/render?id=7' })
  })

  it('the first image is the lead even when a later one is larger', () => {
    const big: Image = { url: 'https://img.example.com/big.png', type: 'image/png', width: 4000, height: 2000 }
    const a = article([TALL, big])
    expect(rssItem(a, ctx)).toContain('<enclosure url="https://img.example.com/tall.webp" length="0" type="image/webp"/>')
    expect(JSON.parse(jsonItem(a))).toEqual(expect.objectContaining({ image: TALL.url }))
    expect(JSON.parse(jsonItem(a))).not.toHaveProperty('banner_image') // 600×900 is tall
  })

  it('no images: nothing image-shaped anywhere', () => {
    const a = article([])
    expect(rssItem(a, ctx)).not.toMatch(/enclosure|media:/)
    expect(atomEntry(a, ctx)).not.toMatch(/enclosure|media:/)
    expect(JSON.parse(jsonItem(a))).not.toHaveProperty('image')
  })
})
