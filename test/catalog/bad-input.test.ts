/**
 * The catalog's rules for problem seeds: duplicates (path order wins), future dates (held back
 * until due, and the timer knows when), and topic names that look like paths (every built file
 * stays inside the output folder, under a non-empty slug).
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, posix, relative, resolve, sep } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { siteFiles } from '../../src/output/index.js'
import { buildCatalog } from '../../src/catalog/build-catalog.js'
import { nextDueMs } from '../../src/catalog/rules.js'
import type { SeedOutcome } from '../../src/seed/seed-outcome.js'
import { writeTreeAtomically } from '../../src/output/write-tree.js'
import { slugify } from '../../src/normalize/slug.js'
import { FUTURE_TOLERANCE_MS } from '../../src/normalize/normalize-article.js'
import { filePath, FORMATS } from '../../src/paths.js'
import { processSeed } from '../../src/seed/process-seed.js'
import { loadBadFixtures } from '../load/bad-fixtures.js'
import { siteOf } from '../properties/site-of.js'

const NOW = Date.UTC(2026, 0, 1)
const opts = { maxExcerptLength: 2000, nowMs: NOW }
const seed = (file: string, fields: string) => processSeed(file, new TextEncoder().encode(`---\n${fields}\n---\n`), opts)
const article = (file: string, url: string, date = '2024-03-13T00:59:00Z', extra = '') =>
  seed(file, `title: ${file}\npublishedDateTime: ${date}\nwebUrl: ${url}\n${extra}`)

describe('duplicate ids', () => {
  it('the file whose path sorts first wins, whatever the dates and the read order', () => {
    const outcomes = [
      article('b/newer.md', 'https://example.com/same', '2024-03-20T00:00:00Z'),
      article('a/older.md', 'https://example.com/same', '2024-03-01T00:00:00Z'),
      article('c.md', 'https://example.com/same', '2024-03-30T00:00:00Z'),
      article('other.md', 'https://example.com/other'),
    ]
    for (const order of [outcomes, [...outcomes].reverse(), [outcomes[2]!, outcomes[0]!, outcomes[3]!, outcomes[1]!]]) {
      const catalog = buildCatalog(order, { onlyPublished: false, nowMs: NOW })
      expect(catalog.byId.get('https://example.com/same')?.file).toBe('a/older.md')
      expect(catalog.articles.map((a) => a.file)).toEqual(['other.md', 'a/older.md'])
      expect(catalog.problems).toEqual([
        { file: 'b/newer.md', field: 'webUrl', code: 'duplicate-id', severity: 'error', message: 'article id "https://example.com/same" is already used by a/older.md; this file is not published' },
        { file: 'c.md', field: 'webUrl', code: 'duplicate-id', severity: 'error', message: 'article id "https://example.com/same" is already used by a/older.md; this file is not published' },
      ])
    }
  })

  it('an explicit id collides with another file\'s webUrl the same way', () => {
    const catalog = buildCatalog([article('b.md', 'https://example.com/b', undefined, 'id: https://example.com/a'), article('a.md', 'https://example.com/a')], { onlyPublished: false, nowMs: NOW })
    expect(catalog.articles.map((a) => a.file)).toEqual(['a.md'])
    expect(catalog.problems.map((p) => [p.file, p.code])).toEqual([['b.md', 'duplicate-id']])
  })

  it('the duplicate-id problem names the field the losing id came from: id, webUrl or originalUrl', () => {
    const same = 'https://example.com/a'
    const outcomes = [
      article('a.md', same),
      article('b.md', 'https://example.com/b', undefined, `id: ${same}`),
      seed('c.md', `title: c\npublishedDateTime: 2024-03-13T00:59:00Z\noriginalUrl: ${same}`),
      seed('d.md', `title: d\npublishedDateTime: 2024-03-13T00:59:00Z\nwebUrl: "not a url"\noriginalUrl: ${same}`),
      article('e.md', same),
    ]
    const catalog = buildCatalog(outcomes, { onlyPublished: false, nowMs: NOW })
    const duplicates = catalog.problems.filter((p) => p.code === 'duplicate-id')
    expect(duplicates.map((p) => [p.file, p.field])).toEqual([['b.md', 'id'], ['c.md', 'originalUrl'], ['d.md', 'originalUrl'], ['e.md', 'webUrl']])
  })

  it('in the fixtures: dup-id-a.md is published, dup-id-b.md is not', async () => {
    const { catalog } = await loadBadFixtures()
    expect(catalog.byId.get('https://example.com/same-story')?.file).toBe('dup-id-a.md')
  })
})

describe('future dates', () => {
  let outcomes: SeedOutcome[]
  const due = Date.UTC(2999, 0, 1) - FUTURE_TOLERANCE_MS
  beforeAll(async () => {
    ;({ outcomes } = await loadBadFixtures())
  })

  it('hold the article back, and nextDueMs says when it becomes visible', () => {
    const catalog = buildCatalog(outcomes, { onlyPublished: false, nowMs: NOW })
    expect(catalog.byId.has('https://example.com/future-date')).toBe(false)
    expect(catalog.topics.has('time-travel')).toBe(false)
    expect(nextDueMs(outcomes, { onlyPublished: false, nowMs: NOW })).toBe(due)
    expect(buildCatalog(outcomes, { onlyPublished: false, nowMs: due - 1 }).byId.has('https://example.com/future-date')).toBe(false)
    const then = buildCatalog(outcomes, { onlyPublished: false, nowMs: due })
    expect(then.articles[0]?.id).toBe('https://example.com/future-date')
    expect(then.topics.get('time-travel')?.articles).toHaveLength(1)
    expect(nextDueMs(outcomes, { onlyPublished: false, nowMs: due })).toBeUndefined()
  })

  it('never pin themselves to the top of a feed before they are due', () => {
    const soon = article('soon.md', 'https://example.com/soon', new Date(NOW + 3600_000).toISOString())
    const old = article('old.md', 'https://example.com/old')
    const catalog = buildCatalog([soon, old], { onlyPublished: false, nowMs: NOW })
    expect(catalog.articles.map((a) => a.file)).toEqual(['old.md'])
    expect(catalog.updatedMs).toBe(old.article!.publishedMs)
  })

  it('count only for the file that wins its id, and never for a draft that will stay hidden', () => {
    const loser = article('z.md', 'https://example.com/x', new Date(NOW + 3600_000).toISOString())
    const winner = article('a.md', 'https://example.com/x')
    const draft = article('d.md', 'https://example.com/d', new Date(NOW + 7200_000).toISOString(), 'published: false')
    expect(nextDueMs([loser, winner], { onlyPublished: false, nowMs: NOW })).toBeUndefined()
    expect(nextDueMs([draft], { onlyPublished: true, nowMs: NOW })).toBeUndefined()
    expect(nextDueMs([draft], { onlyPublished: false, nowMs: NOW })).toBe(NOW + 7200_000 - FUTURE_TOLERANCE_MS)
  })
})

describe('topic names that look like paths', () => {
  let out: string
  beforeAll(async () => {
    out = await mkdtemp(join(tmpdir(), 'feedstand-paths-'))
  })
  afterAll(async () => {
    await rm(out, { recursive: true, force: true })
  })

  it('never give an empty slug or a path outside the output folder, for any name', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme' }), fc.constantFrom('..', '.', '/', '\\', '../../etc/passwd', '..\\..\\x', '%2e%2e', ' ', 'CON', '~', '\u202e..')), (name) => {
        const slug = slugify(name)
        if (slug === '') return
        expect(slug).not.toMatch(/[/\\.%~\s]/)
        for (const format of FORMATS) {
          const file = filePath({ type: 'feed', scope: { kind: 'topic', slug: slug }, format, page: { kind: 'head' } })
          expect(posix.normalize(file)).toBe(file)
          expect(file.startsWith(`topics/${slug}/`)).toBe(true)
        }
      }),
      { numRuns: 300 },
    )
  })

  it('build only files inside the output folder, under non-empty slugs', async () => {
    const { site } = siteOf(
      [['../../etc/passwd', '..\\..\\windows'], ['..', 'ok'], ['/', ' '], ['', '.'], ['%2e%2e%2f', 'a/b/../c']].map((topics, i) => ({
        file: `t${i}.md`,
        text: `---\ntitle: t${i}\npublishedDateTime: 2024-03-13T00:59:00Z\nwebUrl: https://example.com/t${i}\ntopics: ${JSON.stringify(topics)}\n---\n`,
      })),
      NOW,
    )
    expect([...site.catalog.topics.keys()]).toEqual(['2e-2e-2f', 'a-b-c', 'etc-passwd', 'ok', 'windows'])
    const dest = join(out, 'feeds')
    await writeTreeAtomically(dest, siteFiles(site))
    const files = (await readdir(dest, { recursive: true, withFileTypes: true })).filter((d) => d.isFile())
    expect(files.length).toBeGreaterThan(20)
    for (const f of files) {
      const abs = resolve(f.parentPath, f.name)
      const rel = relative(dest, abs)
      expect(rel.startsWith('..') || rel.startsWith(sep), rel).toBe(false)
      expect(rel.split(sep).every((seg) => seg !== '' && seg !== '.' && seg !== '..'), rel).toBe(true)
    }
    const topicDirs = (await readdir(join(dest, 'topics'))).sort()
    expect(topicDirs).toEqual(['2e-2e-2f', 'a-b-c', 'etc-passwd', 'ok', 'windows'])
  })
})
