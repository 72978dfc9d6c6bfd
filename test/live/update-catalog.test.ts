import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { buildCatalog } from '../../src/catalog/build-catalog.js'
import type { SeedOutcome } from '../../src/seed/seed-outcome.js'
import { CatalogIndex, type OutcomeChange } from '../../src/catalog/update-catalog.js'
import { FUTURE_TOLERANCE_MS } from '../../src/normalize/normalize-article.js'
import type { Article, Catalog, Problem } from '../../src/types.js'

const NOW = Date.UTC(2024, 2, 13, 12)
const FILES = ['a.md', 'b.md', 'c/d.md', 'c/e.md', 'f.txt', 'g.md']
const IDS = ['https://x.test/1', 'https://x.test/2', 'https://x.test/3', 'https://x.test/4']
/** Several spellings per slug, so that the topic-name rule (smallest spelling wins) is exercised. */
const SPELLINGS: Record<string, string[]> = { ai: ['AI', 'ai', 'Ai'], chips: ['Chips', 'chips'], meta: ['Meta'] }
/** Past dates with ties, and dates that become due as the clock advances. */
const DATES = [NOW - 2000, NOW - 1000, NOW - 1000, NOW, NOW + FUTURE_TOLERANCE_MS + 1000, NOW + FUTURE_TOLERANCE_MS + 9000]

let serial = 0
function article(file: string, id: string, publishedMs: number, topics: [string, string][], published: boolean): Article {
  return {
    id, file, hash: `h${serial++}`, title: `t ${id}`, excerpt: '', contentHtml: '', publishedMs, webUrl: id,
    topics: topics.map(([slug, name]) => ({ slug, name })), images: [], related: [], published,
  }
}

const problemArb = (file: string) =>
  fc.record({
    line: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
    code: fc.constantFrom('bad-url', 'bad-date', 'future-date'),
    severity: fc.constantFrom('error' as const, 'warning' as const),
  }).map(({ line, code, severity }): Problem => ({ file, code, severity, message: code, ...(line !== undefined && { line }) }))

const topicsArb = fc.subarray(Object.keys(SPELLINGS)).chain((slugs) =>
  fc.tuple(...slugs.map((slug) => fc.constantFrom(...SPELLINGS[slug]!).map((name): [string, string] => [slug, name]))),
)

const outcomeArb = (file: string): fc.Arbitrary<SeedOutcome> =>
  fc.record({
    hasArticle: fc.boolean(),
    id: fc.constantFrom(...IDS),
    date: fc.constantFrom(...DATES),
    topics: topicsArb,
    published: fc.boolean(),
    idFrom: fc.constantFrom('id' as const, 'webUrl' as const, 'originalUrl' as const, undefined),
    problems: fc.array(problemArb(file), { maxLength: 3 }),
    // Provider and category scopes (issue 14), with spellings that share a slug.
    provider: fc.constantFrom(undefined, 'Reuters', 'REUTERS', 'AP'),
    category: fc.constantFrom(undefined, 'news', 'News'),
  }).map(({ hasArticle, id, date, topics, published, idFrom, problems, provider, category }) =>
    hasArticle
      ? { file, article: { ...article(file, id, date, topics, published), ...(idFrom && { idFrom }), ...(provider && { provider: { name: provider } }), ...(category && { category }) }, problems }
      : { file, problems })

const changeArb: fc.Arbitrary<OutcomeChange> = fc.constantFrom(...FILES).chain((file) =>
  fc.oneof(outcomeArb(file).map((o): OutcomeChange => [file, o]), fc.constant<OutcomeChange>([file, undefined])))

/** A history: batches of changes, each applied after the clock moved by some amount (sometimes back). */
const historyArb = fc.record({
  onlyPublished: fc.boolean(),
  initial: fc.array(changeArb, { maxLength: 6 }),
  batches: fc.array(
    fc.record({ changes: fc.array(changeArb, { maxLength: 4 }), advance: fc.constantFrom(0, 0, 500, 4000, 10_000, -3000) }),
    { maxLength: 12 },
  ),
})

function expectSameCatalog(actual: Catalog, expected: Catalog): void {
  expect(actual.articles.length).toBe(expected.articles.length)
  actual.articles.forEach((a, i) => expect(a).toBe(expected.articles[i]))
  expect(actual.byId.size).toBe(expected.byId.size)
  for (const [id, a] of expected.byId) expect(actual.byId.get(id)).toBe(a)
  expect(new Map(actual.byId)).toEqual(expected.byId)
  expect([...actual.topics]).toEqual([...expected.topics])
  for (const kind of ['topic', 'provider', 'category'] as const) expect([...actual.scopes[kind]], kind).toEqual([...expected.scopes[kind]])
  expect(actual.problems).toEqual(expected.problems)
  expect(actual.updatedMs).toBe(expected.updatedMs)
}

describe('CatalogIndex.update', () => {
  it('gives exactly what buildCatalog gives for the same outcomes, over random histories', () => {
    fc.assert(
      fc.property(historyArb, ({ onlyPublished, initial, batches }) => {
        const model = new Map<string, SeedOutcome>()
        for (const [file, o] of initial) o ? model.set(file, o) : model.delete(file)
        let nowMs = NOW
        const index = new CatalogIndex(model.values(), { onlyPublished, nowMs })
        expectSameCatalog(index.catalog, buildCatalog([...model.values()], { onlyPublished, nowMs }))
        for (const { changes, advance } of batches) {
          const before = index.catalog
          for (const [file, o] of changes) o ? model.set(file, o) : model.delete(file)
          nowMs += advance
          const after = index.update(changes, nowMs)
          expectSameCatalog(after, buildCatalog([...model.values()], { onlyPublished, nowMs }))
          // Untouched topics are shared, not copied.
          for (const [slug, entry] of after.topics) {
            const old = before.topics.get(slug)
            const same = old && old.name === entry.name && old.articles.length === entry.articles.length &&
              old.articles.every((a, i) => a === entry.articles[i])
            if (same && advance >= 0) expect(entry).toBe(old)
          }
        }
      }),
      { numRuns: 400 },
    )
  })

  it('stays equal on large batches (merge path) and long histories (byId layers folded)', () => {
    const files = Array.from({ length: 300 }, (_, i) => `f/${String(i).padStart(3, '0')}.md`)
    const ids = Array.from({ length: 250 }, (_, i) => `https://x.test/big/${i}`)
    const bigChange = fc.constantFrom(...files).chain((file) =>
      fc.oneof(
        fc.record({ id: fc.constantFrom(...ids), date: fc.constantFrom(...DATES), topics: topicsArb })
          .map(({ id, date, topics }): OutcomeChange => [file, { file, article: article(file, id, date, topics, true), problems: [] }]),
        fc.constant<OutcomeChange>([file, undefined]),
      ))
    fc.assert(
      fc.property(fc.array(fc.array(bigChange, { minLength: 1, maxLength: 120 }), { minLength: 1, maxLength: 25 }), (batches) => {
        const model = new Map<string, SeedOutcome>()
        let nowMs = NOW
        const index = new CatalogIndex([], { onlyPublished: false, nowMs })
        for (const changes of batches) {
          for (const [file, o] of changes) o ? model.set(file, o) : model.delete(file)
          nowMs += 1000
          expectSameCatalog(index.update(changes, nowMs), buildCatalog([...model.values()], { onlyPublished: false, nowMs }))
        }
      }),
      { numRuns: 25 },
    )
  })

  it('shares the article list and byId when nothing visible changed', () => {
    const a = article('a.md', IDS[0]!, NOW, [['ai', 'AI']], true)
    const index = new CatalogIndex([{ file: 'a.md', article: a, problems: [] }], { onlyPublished: false, nowMs: NOW })
    const before = index.catalog
    const after = index.update([['b.md', { file: 'b.md', problems: [{ file: 'b.md', code: 'bad-date', severity: 'error', message: 'x' }] }]], NOW)
    expect(after.articles).toBe(before.articles)
    expect(after.byId).toBe(before.byId)
    expect(after.topics).toBe(before.topics)
    expect(after.problems).toHaveLength(1)
  })

  it('names the next due instant and the files that are due', () => {
    const due = NOW + FUTURE_TOLERANCE_MS + 60_000
    const a = article('later.md', IDS[1]!, due, [], true)
    const index = new CatalogIndex([{ file: 'later.md', article: a, problems: [] }], { onlyPublished: false, nowMs: NOW })
    expect(index.catalog.articles).toHaveLength(0)
    expect(index.nextDueMs()).toBe(NOW + 60_000)
    expect(index.dueFiles(NOW + 59_999)).toEqual([])
    expect(index.dueFiles(NOW + 60_000)).toEqual(['later.md'])
    expect(index.update([], NOW + 60_000).articles).toEqual([a])
    expect(index.nextDueMs()).toBeUndefined()
  })

  it('resolves duplicate ids by path and moves the win when the first file goes', () => {
    const first = article('a.md', IDS[0]!, NOW, [], true)
    const second = article('b.md', IDS[0]!, NOW - 5, [], true)
    const index = new CatalogIndex(
      [{ file: 'b.md', article: second, problems: [] }, { file: 'a.md', article: first, problems: [] }],
      { onlyPublished: false, nowMs: NOW },
    )
    expect(index.catalog.articles).toEqual([first])
    expect(index.catalog.problems.map((p) => [p.file, p.code])).toEqual([['b.md', 'duplicate-id']])
    const after = index.update([['a.md', undefined]], NOW)
    expect(after.articles).toEqual([second])
    expect(after.problems).toEqual([])
  })
})
