/**
 * The validity bar over a generated corpus of 1,000 `varied` articles (bench/corpus.ts: many
 * topics, Unicode, `&<>"'`, emoji, right-to-left text, mojibake, images or none, related or
 * none, Markdown bodies or none), 20 items per document so every scope has pages and archives.
 * Expected values come from the generator, not from our pipeline: the clean title, the webUrl
 * as id and link, the publication instant.
 *
 * By default a representative selection is read (every article at least once, every kind of
 * document at least once: see select-documents.ts), ~25 s here; FEEDSTAND_VALIDITY=full
 * reads all ~1,300 documents (~70 s).
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { generateCorpus, type SeedFile } from '../../bench/corpus.js'
import type { Site } from '../../src/documents/site.js'
import { siteFromTexts } from '../render/rich-site.js'
import { checkDocuments } from './check-documents.js'
import { headKeys, selectDocuments } from './select-documents.js'

const SELECTION = process.env.FEEDSTAND_VALIDITY === 'full' ? 'full' : 'representative'
let files: SeedFile[]
let site: Site

beforeAll(() => {
  files = generateCorpus({ count: 1000, seed: 7, variety: 'varied' })
  site = siteFromTexts(files, { maxItems: 20 })
})

describe('validity bar: 1,000 varied articles', () => {
  it('every article is published, with no error, under the title the generator meant', () => {
    expect(site.catalog.problems.filter((p) => p.severity === 'error')).toEqual([])
    expect(site.catalog.articles).toHaveLength(1000)
    const wrong = files.filter((f) => site.catalog.byId.get(f.id)?.title !== f.title)
    expect(wrong.map((f) => f.path)).toEqual([])
  })

  it('is varied: markup characters, RTL, emoji, mojibake, bodies, images and related, and their absence', () => {
    const a = site.catalog.articles
    const count = (pred: (x: (typeof a)[number]) => boolean) => a.filter(pred).length
    expect(count((x) => /[<>&"']/.test(x.title))).toBeGreaterThan(20)
    expect(count((x) => /[\u0590-\u06ff]/.test(x.title + x.excerpt))).toBeGreaterThan(20)
    expect(count((x) => /\p{Extended_Pictographic}/u.test(x.title + x.excerpt))).toBeGreaterThan(20)
    expect(files.filter((f) => f.mojibake).length).toBeGreaterThan(20)
    expect(count((x) => !x.contentHtml.includes('Read the full story'))).toBeGreaterThan(20) // Markdown bodies
    expect(count((x) => x.images.length === 0)).toBeGreaterThan(20)
    expect(count((x) => x.images.length > 1)).toBeGreaterThan(20)
    expect(count((x) => x.related.length > 0)).toBeGreaterThan(20)
    expect(count((x) => x.related.length === 0)).toBeGreaterThan(20)
    expect(site.catalog.topics.size).toBeGreaterThan(100)
  })

  it(`every ${SELECTION === 'full' ? '' : 'selected '}document is valid and both parsers read every item as expected`, async () => {
    const keys = selectDocuments(site, SELECTION)
    // The selection holds every head (all topics, all formats) and pages and archives.
    const selected = new Set(keys.map((k) => JSON.stringify(k)))
    expect(headKeys(site).every((k) => selected.has(JSON.stringify(k)))).toBe(true)
    expect(keys.some((k) => k.page.kind === 'page') && keys.some((k) => k.page.kind === 'archive')).toBe(true)
    const expected = new Map(files.map((f) => [f.id, { title: f.title, link: f.id, publishedMs: f.publishedMs }]))
    const report = await checkDocuments(site, keys, expected)
    expect(report.failures).toEqual([])
    expect(report.seen.size).toBe(1000)
    console.log(`validity bar: ${report.documents} documents, ${report.items} items read by two parsers (${SELECTION})`)
  }, 120_000)
})
