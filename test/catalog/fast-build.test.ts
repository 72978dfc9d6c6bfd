/**
 * The fast build (keyed sort, grouping in load order, spellings counted on the way) equals the
 * plain reference of reference-catalog.ts on random outcomes, order included: articles newest first
 * with ties by id, byId in that order, every kind's scopes in slug order with the smallest
 * spelling as name, and the problems by file and line (own, then duplicate-id, then shared slug).
 * CatalogIndex's fresh start is held to the same reference, then one update past it.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { buildCatalog } from '../../src/catalog/build-catalog.js'
import { CatalogIndex } from '../../src/catalog/update-catalog.js'
import { catalogOrder, compareArticles, sortArticles } from '../../src/catalog/sort-articles.js'
import { FUTURE_TOLERANCE_MS } from '../../src/normalize/normalize-article.js'
import type { SeedOutcome } from '../../src/seed/seed-outcome.js'
import type { Article, Catalog, Problem } from '../../src/types.js'
import { referenceCatalog } from './reference-catalog.js'

const NOW = Date.UTC(2026, 0, 1)
/** Ties, both zeros, dates before 1970, far future ones and both sides of the future tolerance. */
const DATES = [NOW - 5000, NOW - 5000, NOW - 1, 0, -0, -86_400_000, 253_402_300_799_000, NOW + FUTURE_TOLERANCE_MS, NOW + FUTURE_TOLERANCE_MS + 1]
const IDS = ['https://x.test/a', 'https://x.test/b', 'https://x.test/c', 'https://x.test/d', 'https://x.test/e', 'https://x.test/f']
const FILES = ['a.md', 'b.md', 'c/d.md', 'c/e.md', 'f.txt', 'g.md', 'h/i.md', 'z.md', 'Z.md', 'é.md']
/** Spellings that share a slug, and a name with no slug at all. */
const TOPICS: [string, string][] = [['ai', 'AI'], ['ai', 'ai'], ['ai', 'Ai'], ['chips', 'Chips'], ['meta', 'Meta']]
const PROVIDERS = [undefined, 'Reuters', 'reuters', 'Reuters!', 'AP', '!!!']
const CATEGORIES = [undefined, 'news', 'News', 'Tech']

let serial = 0
const problemArb = (file: string) =>
  fc.record({ line: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }), code: fc.constantFrom('bad-url', 'bad-date') })
    .map(({ line, code }): Problem => ({ file, code, severity: 'warning', message: code, ...(line !== undefined && { line }) }))

const outcomeArb = (file: string): fc.Arbitrary<SeedOutcome> =>
  fc.record({
    hasArticle: fc.nat(9).map((n) => n > 0),
    id: fc.constantFrom(...IDS),
    publishedMs: fc.constantFrom(...DATES),
    topics: fc.uniqueArray(fc.constantFrom(...TOPICS), { selector: ([slug]) => slug, maxLength: 3 }),
    published: fc.boolean(),
    idFrom: fc.constantFrom('id' as const, 'webUrl' as const, undefined),
    provider: fc.constantFrom(...PROVIDERS),
    category: fc.constantFrom(...CATEGORIES),
    problems: fc.array(problemArb(file), { maxLength: 2 }),
  }).map(({ hasArticle, id, publishedMs, topics, published, idFrom, provider, category, problems }) => {
    if (!hasArticle) return { file, problems }
    const article: Article = {
      id, file, hash: `h${serial++}`, title: id, excerpt: '', contentHtml: '', publishedMs, webUrl: id,
      topics: topics.map(([slug, name]) => ({ slug, name })), images: [], related: [], published,
      ...(idFrom && { idFrom }), ...(provider !== undefined && { provider: { name: provider } }), ...(category !== undefined && { category }),
    }
    return { file, article, problems }
  })

/** Distinct files in a random order (the fast path must not rely on sorted input). */
const outcomesArb = fc.shuffledSubarray(FILES).chain((files) => fc.tuple(...files.map(outcomeArb)))

/** byId's own order is not compared: nothing iterates it, a build lists it in load order and an update's LayeredMap puts new keys last. */
function expectSame(actual: Catalog, expected: Catalog): void {
  expect(actual.articles.map((a) => a.id)).toEqual(expected.articles.map((a) => a.id))
  actual.articles.forEach((a, i) => expect(a).toBe(expected.articles[i]))
  expect([...actual.byId.keys()].sort()).toEqual([...expected.byId.keys()].sort())
  for (const [id, a] of expected.byId) expect(actual.byId.get(id)).toBe(a)
  for (const kind of ['topic', 'provider', 'category'] as const) {
    const got = [...actual.scopes[kind]].map(([slug, e]) => [slug, e.slug, e.name, e.articles.map((a) => a.file)])
    expect(got, kind).toEqual([...expected.scopes[kind]].map(([slug, e]) => [slug, e.slug, e.name, e.articles.map((a) => a.file)]))
    for (const [slug, e] of expected.scopes[kind]) e.articles.forEach((a, i) => expect(actual.scopes[kind].get(slug)!.articles[i]).toBe(a))
  }
  expect(actual.topics).toBe(actual.scopes.topic)
  expect(actual.problems).toEqual(expected.problems)
  expect(actual.updatedMs).toBe(expected.updatedMs)
}

describe('the fast catalog build', () => {
  it('equals the plain reference on random outcomes, for buildCatalog and a CatalogIndex start, and after one update', () => {
    fc.assert(
      fc.property(outcomesArb, fc.boolean(), fc.constantFrom(...FILES).chain((f) => fc.option(outcomeArb(f), { nil: undefined }).map((o) => [f, o] as const)),
        (outcomes, onlyPublished, [file, next]) => {
          const opts = { onlyPublished, nowMs: NOW }
          const expected = referenceCatalog(outcomes, opts)
          expectSame(buildCatalog(outcomes, opts), expected)
          const index = new CatalogIndex(outcomes, opts)
          expectSame(index.catalog, expected)
          // The spellings the start counted on the way are what the update builds on.
          const model = new Map(outcomes.map((o) => [o.file, o]))
          next ? model.set(file, next) : model.delete(file)
          expectSame(index.update([[file, next]], NOW), referenceCatalog([...model.values()], opts))
        }),
      { numRuns: 600 },
    )
  })

  it('orders like the comparator, both zeros as one instant, and leaves non-finite dates to the comparator', () => {
    const art = (id: string, publishedMs: number) => ({ id, publishedMs }) as Article
    const list = [art('d', 0), art('b', -0), art('c', 5), art('a', 0), art('e', -7), art('f', 5)]
    expect(sortArticles(list).map((a) => a.id)).toEqual(['c', 'f', 'a', 'b', 'd', 'e'])
    const odd = [art('x', -Infinity), art('y', 3), art('z', Infinity), art('w', 3)]
    expect([...catalogOrder(odd)].map((i) => odd[i]!.id)).toEqual([...odd].sort(compareArticles).map((a) => a.id))
    expect(sortArticles([])).toEqual([])
  })
})
