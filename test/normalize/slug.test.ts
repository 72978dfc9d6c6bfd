/**
 * Slug limits (issue 15, finding 3): a slug is bounded by the UTF-8 bytes of the folder name and
 * by the length of its percent-encoded URL segment, not only by characters; a cut slug keeps a
 * hash of the whole one, so distinct names stay distinct; and the cut is a `slug-truncated`
 * warning. Checked on a real filesystem: the old 256-byte name fails with ENAMETOOLONG.
 */
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { siteFiles } from '../../src/output/index.js'
import { writeTreeAtomically } from '../../src/output/write-tree.js'
import { MAX_SLUG_BYTES, MAX_SLUG_URL, slugify, topicSlug } from '../../src/normalize/slug.js'
import { processSeed } from '../../src/seed/process-seed.js'
import { siteOf } from '../properties/site-of.js'

const NOW = Date.UTC(2026, 0, 1)
const bytes = (s: string) => new TextEncoder().encode(s).byteLength
/** U+20000, a CJK letter of 4 UTF-8 bytes with no decomposition. */
const WIDE = '\u{20000}'
const seedWithTopics = (file: string, topics: string[]) =>
  `---\ntitle: ${file}\npublishedDateTime: 2024-03-13T00:59:00Z\nwebUrl: https://example.com/${file}\ntopics: ${JSON.stringify(topics)}\n---\n`

describe('topicSlug', () => {
  it('keeps short slugs as they were', () => {
    expect(topicSlug('AI Hardware')).toEqual({ slug: 'ai-hardware', truncated: false })
    expect(slugify('中国')).toBe('中国')
    expect(slugify('a'.repeat(80))).toBe('a'.repeat(80))
  })

  it('answers a name asked again, and past the memo\'s bound, as it did the first time; the answer cannot be changed', () => {
    const names = ['AI Hardware', 'Économie', '../../etc/passwd', WIDE.repeat(64), '..']
    const first = names.map((n) => ({ ...topicSlug(n) }))
    // 20,000 unique names fill the memo (issue 11) and make it start again.
    for (let i = 0; i < 20_001; i++) topicSlug(`topic ${i}`)
    expect(names.map((n) => ({ ...topicSlug(n) }))).toEqual(first)
    expect(names.map((n) => ({ ...topicSlug(n) }))).toEqual(first)
    expect(Object.isFrozen(topicSlug('AI Hardware'))).toBe(true)
  })

  it('bounds 64 four-byte letters (256 bytes, the finding) by bytes and by the encoded URL', () => {
    const { slug, truncated } = topicSlug(WIDE.repeat(64))
    expect(truncated).toBe(true)
    expect(bytes(slug)).toBeLessThanOrEqual(MAX_SLUG_BYTES)
    expect(encodeURIComponent(slug).length).toBeLessThanOrEqual(MAX_SLUG_URL)
    expect(slug).toMatch(new RegExp(`^(?:${WIDE})+-[0-9a-f]{8}$`, 'u'))
  })

  it('for any name: within every limit, and distinct topics stay distinct when cut', () => {
    const name = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.string({ unit: fc.constantFrom(WIDE, 'é', '中', 'a', ' ', 'ß', '한'), maxLength: 300 }))
    fc.assert(
      fc.property(name, name, (a, b) => {
        const sa = topicSlug(a)
        expect([...sa.slug].length).toBeLessThanOrEqual(80)
        expect(bytes(sa.slug)).toBeLessThanOrEqual(MAX_SLUG_BYTES)
        expect(encodeURIComponent(sa.slug).length).toBeLessThanOrEqual(MAX_SLUG_URL)
        // Names that are different topics stay different when they differ only past the cut
        // (behind a long shared prefix); the same name is always the same topic.
        const behind = (n: string) => topicSlug(`${'z'.repeat(100)} ${n}`)
        expect(behind(a).truncated).toBe(true)
        if (sa.slug !== topicSlug(b).slug) expect(behind(a).slug).not.toBe(behind(b).slug)
        expect(topicSlug(a)).toEqual(sa)
      }),
      { numRuns: 300 },
    )
  })

  it('names that differ only past the cut are different topics', () => {
    const a = topicSlug(`${'x'.repeat(90)} one`)
    const b = topicSlug(`${'x'.repeat(90)} two`)
    expect(a.truncated && b.truncated).toBe(true)
    expect(a.slug).not.toBe(b.slug)
    expect(a.slug.slice(0, 70)).toBe(b.slug.slice(0, 70))
  })
})

describe('long topic names in a seed, and on disk', () => {
  let tmp: string
  beforeAll(async () => {
    tmp = await mkdtemp(join(tmpdir(), 'feedstand-slug-'))
  })
  afterAll(async () => {
    await rm(tmp, { recursive: true, force: true })
  })

  it('the old 256-byte folder name is refused by this filesystem (positive control)', async () => {
    await expect(mkdir(join(tmp, WIDE.repeat(64)))).rejects.toMatchObject({ code: 'ENAMETOOLONG' })
  })

  it('are cut with a slug-truncated warning, and the static build writes them', async () => {
    const names = [WIDE.repeat(64), WIDE.repeat(63) + '𠀁', '中'.repeat(80), `${'long '.repeat(30)}a`, `${'long '.repeat(30)}b`]
    const text = seedWithTopics('long', names)
    const o = processSeed('long.md', new TextEncoder().encode(text), { maxExcerptLength: 2000, nowMs: NOW })
    expect(o.problems.map((p) => [p.code, p.field, p.line])).toEqual(names.map((_, i) => ['slug-truncated', `topics[${i}]`, 5]))
    expect(o.problems[0]!.message).toMatch(/^topic "𠀀+" makes a slug over 80 characters, 200 UTF-8 bytes or 240 characters percent-encoded; shortened to "𠀀+-[0-9a-f]{8}"$/u)
    expect(new Set(o.article!.topics.map((t) => t.slug)).size).toBe(names.length)

    const { site } = siteOf([{ file: 'long.md', text }], NOW)
    const dest = join(tmp, 'feeds')
    await writeTreeAtomically(dest, siteFiles(site))
    const dirs = await readdir(join(dest, 'topics'))
    expect(dirs.sort()).toEqual(o.article!.topics.map((t) => t.slug).sort())
    // Room is left beside each folder for a writer's temp name.
    for (const d of dirs) await writeFile(join(dest, 'topics', `.${d}.tmp-1a2b3c4d`), '')
  })
})
