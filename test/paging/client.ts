/**
 * A paging client over the in-process app: fetch a feed document and read its items and links,
 * follow one relation until it runs out, or ask `?page=1, 2, …` and follow each 302.
 */
import { expect } from 'vitest'
import type { Hono } from 'hono'
import type { Format } from '../../src/paths.js'
import { BASE } from '../http/fixture.js'
import { readFeed, type FeedView } from './feed-links.js'

export type Fetched = FeedView & { body: string; status: number; etag: string | null; cacheControl: string | null }

/** GET of an absolute URL under BASE; a non-200 answer has no items and no links. */
export async function fetchFeed(app: Hono, url: string, format: Format): Promise<Fetched> {
  expect(url.startsWith(BASE), url).toBe(true)
  const res = await app.request(url.slice(BASE.length))
  const body = await res.text()
  const view = res.status === 200 ? readFeed(format, body) : { ids: [], links: {}, archive: false }
  return { ...view, body, status: res.status, etag: res.headers.get('etag'), cacheControl: res.headers.get('cache-control') }
}

/** Follows `rel` from `start` until a document has none; every document must answer 200. */
export async function walk(app: Hono, start: string, rel: string, format: Format): Promise<Fetched[]> {
  const seen = new Set<string>()
  const docs: Fetched[] = []
  for (let url: string | undefined = start; url !== undefined; ) {
    expect(seen.has(url), `loop at ${url}`).toBe(false)
    expect(docs.length, 'too many documents').toBeLessThan(100)
    seen.add(url)
    const doc = await fetchFeed(app, url, format)
    expect(doc.status, url).toBe(200)
    docs.push(doc)
    url = doc.links[rel]
  }
  return docs
}

export interface Redirect {
  location: string
  cacheControl: string | null
  cors: string | null
}

/**
 * Asks `head?page=1`, `?page=2`, … until a 404, following each 302 to the document it names
 * (page 1 is the head itself, answered in place). Returns the documents and the redirects' targets.
 */
export async function walkByPageNumber(app: Hono, head: string, format: Format): Promise<{ docs: Fetched[]; redirects: Redirect[] }> {
  const docs: Fetched[] = []
  const redirects: Redirect[] = []
  for (let n = 1; ; n++) {
    expect(n, 'too many pages').toBeLessThan(100)
    const res = await app.request(`${head.slice(BASE.length)}?page=${n}`)
    if (res.status === 404) return { docs, redirects }
    if (n === 1) {
      expect(res.status).toBe(200)
      docs.push(await fetchFeed(app, head, format))
      continue
    }
    expect(res.status, `${head}?page=${n}`).toBe(302)
    expect(await res.text()).toBe('')
    const location = res.headers.get('location')!
    redirects.push({ location, cacheControl: res.headers.get('cache-control'), cors: res.headers.get('access-control-allow-origin') })
    const doc = await fetchFeed(app, location, format)
    expect(doc.status, location).toBe(200)
    docs.push(doc)
  }
}
