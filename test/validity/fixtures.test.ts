/**
 * The validity bar over every fixture folder and the real seeds, with two items per document so
 * that each scope gets pages and RFC 5005 archives: every document (all formats, global and
 * every topic, heads, pages, archives) is well-formed, schema-valid, and read the same by two
 * independent parsers, which both read exactly the catalog's title, link, id and date.
 */
import { readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { SEEDS_DIR, siteFromDir } from '../render/rich-site.js'
import { checkDocuments } from './check-documents.js'
import { selectDocuments } from './select-documents.js'

const FIXTURES = resolve(import.meta.dirname, '../fixtures')
const FOLDERS: [string, string][] = [
  ['seeds/', SEEDS_DIR],
  ...readdirSync(FIXTURES, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d): [string, string] => [`test/fixtures/${d.name}/`, join(FIXTURES, d.name)]),
]

describe('validity bar: fixtures', () => {
  it('covers the rich fixtures and the real seed', () => {
    expect(FOLDERS.map(([name]) => name)).toEqual(expect.arrayContaining(['seeds/', 'test/fixtures/rich/']))
  })

  for (const [name, dir] of FOLDERS) {
    it(`${name}: every document valid, both parsers agree with the catalog`, async () => {
      const site = await siteFromDir(dir, { maxItems: 2 })
      const articles = site.catalog.articles
      const expected = new Map(articles.map((a) => [a.id, { title: a.title, link: a.webUrl, publishedMs: a.publishedMs }]))
      const keys = selectDocuments(site, 'full')
      const report = await checkDocuments(site, keys, expected)
      expect(report.failures).toEqual([])
      expect(report.seen.size).toBe(articles.length)
      if (articles.length > 2) expect(keys.some((k) => k.page.kind === 'archive')).toBe(true)
    })
  }
})
