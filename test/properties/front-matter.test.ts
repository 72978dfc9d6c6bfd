/**
 * Property: whatever the seeds say, the pipeline (processSeed → buildCatalog → every document of
 * the Site) never throws; every XML document is well-formed (libxml2), every JSON document parses
 * (and feeds are valid JSON Feed 1.1); no document carries a `<script>` element, an `on*`
 * attribute or a script URL, in its own markup or in the HTML it carries; and the `secured`
 * value and unknown fields never appear in any output.
 */
import fc from 'fast-check'
import { XMLValidator } from 'fast-xml-parser'
import { describe, expect, it } from 'vitest'
import { PROBLEM_CODES } from '../../src/normalize/codes.js'
import { checkWellFormedXml, validateJsonFeed } from '../helpers/validate.js'
import { seedText } from './arbitraries.js'
import { scanDocument } from './hostile.js'
import { documentsOf, siteOf } from './site-of.js'
import { wellFormedBatch, type NamedXml } from './xml-batch.js'

const NOW = Date.UTC(2026, 0, 1)
/** Chosen so that the whole file runs in about 10 s on 2 busy cores (see the report in the commit). */
const NUM_RUNS = Number(process.env.PROPERTY_RUNS ?? 150)

const secret = fc.stringMatching(/^[0-9a-f]{16}$/).map((hex) => `SECRET_${hex}`)
const seedSet = secret.chain((s) => fc.tuple(fc.constant(s), fc.array(seedText(s), { minLength: 1, maxLength: 4 })))

describe('random front matter', () => {
  it('never breaks the pipeline, the formats, or safety', async () => {
    const xmlDocs: NamedXml[] = []
    const seenXml = new Set<string>()
    const stats = { runs: 0, withArticles: 0, hostileInFeeds: 0, documents: 0 }

    fc.assert(
      fc.property(seedSet, ([marker, texts]) => {
        const seeds = texts.map((text, i) => ({ file: `s${i}.md`, text }))
        const { site, outcomes } = siteOf(seeds, NOW)
        stats.runs++
        if (site.catalog.articles.length > 0) stats.withArticles++
        for (const o of outcomes) {
          for (const p of o.problems) {
            expect(p.message).not.toContain(marker)
            expect(PROBLEM_CODES[p.code], p.code).toBeDefined()
          }
        }
        for (const doc of documentsOf(site)) {
          if (doc.contentType.startsWith('image/')) continue
          stats.documents++
          const text = new TextDecoder('utf-8', { fatal: true }).decode(doc.body)
          expect(text, doc.file).not.toContain(marker)
          expect(scanDocument(doc.file, doc.body), doc.file).toEqual([])
          if (doc.file.endsWith('.json')) {
            const json = JSON.parse(text) as { items?: { content_html?: string; title?: string }[] }
            if (doc.file.endsWith('feed.json')) expect(validateJsonFeed(json), doc.file).toEqual([])
            if (json.items?.some((i) => /<script|onerror=/i.test(i.title ?? '') || /&lt;script/.test(i.content_html ?? ''))) stats.hostileInFeeds++
          } else if (doc.file.endsWith('.xml') || doc.file.endsWith('.opml')) {
            expect(XMLValidator.validate(text), doc.file).toBe(true)
            // libxml2 is stricter (forbidden characters, namespaces): every distinct document goes to it below.
            if (!seenXml.has(text)) {
              seenXml.add(text)
              xmlDocs.push({ name: `run ${stats.runs} ${doc.file}\n${JSON.stringify(texts)}`, xml: text })
            }
          }
        }
      }),
      { numRuns: NUM_RUNS },
    )

    if (process.env.PROPERTY_STATS) console.log(JSON.stringify({ ...stats, xml: xmlDocs.length, xmlBytes: xmlDocs.reduce((n, d) => n + d.xml.length, 0) }))
    const notWellFormed = await wellFormedBatch(xmlDocs)
    expect([...notWellFormed].slice(0, 3)).toEqual([])
    // The generator must reach the feeds with hostile text, or the property proves nothing.
    expect(stats.withArticles).toBeGreaterThan(NUM_RUNS * 0.3)
    expect(stats.hostileInFeeds).toBeGreaterThan(0)
    expect(xmlDocs.length).toBeGreaterThan(NUM_RUNS)
  }, 60_000 + NUM_RUNS * 200)

  it('the batch check agrees with checkWellFormedXml', async () => {
    const docs = [
      { name: 'ok', xml: '<?xml version="1.0"?><rss><channel><title>a &amp; b</title></channel></rss>' },
      { name: 'control', xml: '<rss><title>a\u0001b</title></rss>' },
      { name: 'entity', xml: '<rss><title>&nbsp;</title></rss>' },
      { name: 'surrogate', xml: '<rss><title>&#xD800;</title></rss>' },
    ]
    const batch = await wellFormedBatch(docs)
    for (const d of docs) expect(batch.has(d.name), d.name).toBe((await checkWellFormedXml(d.xml)).length > 0)
    expect([...batch.keys()]).toEqual(['control', 'entity', 'surrogate'])
  })
})

describe('random bytes', () => {
  it('never throw out of the pipeline', () => {
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 200 }),
      fc.tuple(fc.constantFrom('---\n', '\ufeff---\r\n', '---js\n', ''), fc.uint8Array({ maxLength: 200 }), fc.constantFrom('\n---\n', '')).map(
        ([head, mid, tail]) => new Uint8Array([...new TextEncoder().encode(head), ...mid, ...new TextEncoder().encode(tail)]),
      ),
    )
    fc.assert(
      fc.property(fc.array(bytes, { minLength: 1, maxLength: 3 }), (files) => {
        const { site, outcomes } = siteOf(files.map((text, i) => ({ file: `b${i}.md`, text })), NOW)
        for (const o of outcomes) expect(o.article !== undefined || o.problems.some((p) => p.severity === 'error')).toBe(true)
        for (const doc of documentsOf(site)) expect(doc.body.byteLength).toBeGreaterThan(0)
      }),
      { numRuns: 200 },
    )
  })
})
