/**
 * The app over a DocumentSource that is not a Site: a handful of prebuilt documents, the way a
 * Worker would serve the built `feeds/`. Nothing here loads seeds or builds a catalog, so it shows
 * what the app needs from a snapshot and nothing more.
 */
import { describe, expect, it } from 'vitest'
import { Document, type DocumentPorts } from '../../src/documents/document.js'
import type { DocumentSource, FeedKey } from '../../src/documents/document-source.js'
import { createApp } from '../../src/http/app.js'
import { nodeDigest } from '../../src/node/digest.js'
import { HEAD, filePath, urlPath, type DocKey } from '../../src/paths.js'

/** No compression: every variant is "not smaller", so the identity bytes are served. */
const ports: DocumentPorts = { compressor: { gzip: (b) => b, br: (b) => b }, digest: nodeDigest }

const RSS: FeedKey = { type: 'feed', scope: null, format: 'rss', page: HEAD }

function prebuilt(key: DocKey, text: string): Document {
  return new Document(
    { path: urlPath(key), file: filePath(key), contentType: 'application/rss+xml; charset=utf-8', body: new TextEncoder().encode(text), cacheControl: 'public, max-age=60', compressible: true },
    ports,
  )
}

/** Two documents and a two-step walk: head, then archive 1. */
function prebuiltSource(): DocumentSource {
  const docs = new Map<string, Document>([
    [filePath(RSS), prebuilt(RSS, '<rss>head</rss>')],
    [filePath({ ...RSS, page: { kind: 'archive', n: 1 } }), prebuilt({ ...RSS, page: { kind: 'archive', n: 1 } }, '<rss>archive</rss>')],
  ])
  return {
    config: { baseUrl: 'https://feeds.example', maxItems: 10, maxLimit: 10, maxAge: 60, staleWhileRevalidate: 30 },
    get: (key) => docs.get(filePath(key)),
    getLimited: () => undefined,
    walkUrl: (key, n) => (key.scope === null && n === 2 ? 'https://feeds.example/rss/archive/1.xml' : undefined),
    health: () => ({ articles: 11, topics: 0, errors: 0, warnings: 0 }),
  }
}

describe('the app over a prebuilt DocumentSource', () => {
  const app = createApp({ site: prebuiltSource })

  it('serves its documents with their stored bytes and tags', async () => {
    const res = await app.request('/rss.xml')
    expect(res.status).toBe(200)
    expect(await res.text()).toBe('<rss>head</rss>')
    expect(res.headers.get('etag')).toBe(prebuiltSource().get(RSS)!.etag)
    expect(await (await app.request('/rss/archive/1.xml')).text()).toBe('<rss>archive</rss>')
  })

  it('redirects ?page=N to the URL the source names, and 404s past its walk', async () => {
    const res = await app.request('/rss.xml?page=2')
    expect(res.status).toBe(302)
    expect(res.headers.get('location')).toBe('https://feeds.example/rss/archive/1.xml')
    expect(res.headers.get('cache-control')).toBe('public, max-age=60, stale-while-revalidate=30')
    expect((await app.request('/rss.xml?page=3')).status).toBe(404)
  })

  it('answers /healthz from the source, 404 for what it lacks', async () => {
    expect(await (await app.request('/healthz')).text()).toBe('ok\narticles: 11\ntopics: 0\nerrors: 0\nwarnings: 0\n')
    expect((await app.request('/atom.xml')).status).toBe(404)
  })
})
