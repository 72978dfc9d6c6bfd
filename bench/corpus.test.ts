import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import fc from 'fast-check'
import matter from 'gray-matter'
import { describe, expect, it } from 'vitest'
import { generateCorpus, toMojibake, writeCorpus, yamlQuote } from './corpus.js'
import type { SeedFile } from './corpus.js'

/**
 * Windows-1252 → byte, written out independently of the generator's table (and not via
 * TextDecoder, which in Node 20 decodes windows-1252 as Latin-1).
 */
const CP1252_SPECIALS: Record<string, number> = {
  '€': 0x80, '‚': 0x82, 'ƒ': 0x83, '„': 0x84, '…': 0x85, '†': 0x86, '‡': 0x87, 'ˆ': 0x88, '‰': 0x89, 'Š': 0x8a,
  '‹': 0x8b, 'Œ': 0x8c, 'Ž': 0x8e, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95, '–': 0x96, '—': 0x97,
  '˜': 0x98, '™': 0x99, 'š': 0x9a, '›': 0x9b, 'œ': 0x9c, 'ž': 0x9e, 'Ÿ': 0x9f,
}

/** Reverses mojibake: each character back to its Windows-1252 byte, then the bytes as UTF-8. */
function repairMojibake(text: string): string {
  const bytes = [...text].map((ch) => {
    const special = CP1252_SPECIALS[ch]
    if (special !== undefined) return special
    const code = ch.codePointAt(0) ?? 0
    if (code > 0xff || (code >= 0x80 && code <= 0x9f)) throw new Error(`not Windows-1252: U+${code.toString(16)}`)
    return code
  })
  return new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(bytes))
}

const parsed = new WeakMap<SeedFile, Record<string, unknown>>()

/**
 * Front matter of a generated file, parsed once per file. Always with an options object: without
 * one gray-matter caches by content and hands back shared objects.
 */
function frontMatter(file: SeedFile): Record<string, unknown> {
  let data = parsed.get(file)
  if (data === undefined) parsed.set(file, (data = matter(file.text, { language: 'yaml' }).data as Record<string, unknown>))
  return data
}

function instantOf(value: unknown): number {
  if (value instanceof Date) return value.getTime()
  if (typeof value === 'string') return Date.parse(value)
  return Number.NaN
}

/** Loose topic key: a slugger may fold case and accents, but must not merge two distinct topics. */
function foldTopic(name: string): string {
  return name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-')
}

const realistic = generateCorpus({ count: 1200, seed: 42 })
const varied = generateCorpus({ count: 2000, seed: 42, variety: 'varied' })

/** A 10k realistic corpus, built once and only for the tests that need one that large. */
let large: SeedFile[] | undefined
function largeCorpus(): SeedFile[] {
  return (large ??= generateCorpus({ count: 10_000, seed: 3 }))
}

describe('generateCorpus', () => {
  it('is deterministic: same seed, same output; different seed, different output', () => {
    for (const variety of ['realistic', 'varied'] as const) {
      const a = generateCorpus({ count: 300, seed: 7, variety })
      expect(generateCorpus({ count: 300, seed: 7, variety })).toEqual(a)
      const b = generateCorpus({ count: 300, seed: 8, variety })
      expect(b.map((f) => f.text)).not.toEqual(a.map((f) => f.text))
    }
    expect(generateCorpus({ count: 50 })).toEqual(generateCorpus({ count: 50, seed: 1, variety: 'realistic' }))
  })

  it('honours count and rejects nonsense counts', () => {
    for (const count of [0, 1, 37, 250]) expect(generateCorpus({ count, variety: 'varied' })).toHaveLength(count)
    expect(() => generateCorpus({ count: -1 })).toThrow(RangeError)
    expect(() => generateCorpus({ count: 2.5 })).toThrow(RangeError)
  })

  it('gives unique ids and unique relative posix paths with seed extensions', () => {
    for (const files of [realistic, varied]) {
      expect(new Set(files.map((f) => f.id)).size).toBe(files.length)
      expect(new Set(files.map((f) => f.path)).size).toBe(files.length)
      for (const f of files) {
        expect(f.path).toMatch(/^(?:[\w-]+\/)*\d{5,}_[a-z0-9-]*\.(?:md|txt)$/)
        expect(f.id).toMatch(/^https:\/\/news\.example\/\d{4}\/\d{2}\/\S+-\d+(?:\?\S*)?$/)
      }
    }
  })

  it('spreads large corpora over about 100 folders', () => {
    const folders = new Set(largeCorpus().map((f) => f.path.split('/')[0]))
    expect(folders.size).toBe(100)
  })

  it('flat layout: the same articles under unique hashed names in one folder (000_<16 hex>.txt)', () => {
    const folders = generateCorpus({ count: 3000, seed: 5 })
    const flat = generateCorpus({ count: 3000, seed: 5, layout: 'flat' })
    expect(flat.map((f) => f.text)).toEqual(folders.map((f) => f.text))
    for (const f of flat) expect(f.path).toMatch(/^000_[0-9a-f]{16}\.txt$/)
    expect(new Set(flat.map((f) => f.path)).size).toBe(flat.length)
  })

  it('writes front matter that gray-matter parses back to the expected values', () => {
    for (const file of [...realistic, ...varied]) {
      const data = frontMatter(file)
      expect(data.webUrl).toBe(file.id)
      expect(data.topics).toEqual(file.topics)
      expect(instantOf(data.publishedDateTime)).toBe(file.publishedMs)
      expect(data.published).toBe(file.published)
      expect(data.secured).toBe(file.secured)
      expect(typeof data.excerpt).toBe('string')
      expect(new URL(String(data.originalUrl)).protocol).toBe('https:')
      if (file.mojibake) {
        expect(data.title).not.toBe(file.title)
        expect(repairMojibake(String(data.title))).toBe(file.title)
      } else {
        expect(data.title).toBe(file.title)
      }
    }
  })

  it('writes only valid, absolute https image and related URLs', () => {
    for (const file of varied) {
      const data = frontMatter(file) as { images?: { url: string }[]; related?: { webUrl: string }[] }
      for (const url of [...(data.images ?? []).map((i) => i.url), ...(data.related ?? []).map((r) => r.webUrl)]) {
        expect(new URL(url).protocol).toBe('https:')
      }
    }
  })

  it('gives every article 1–4 distinct topics', () => {
    for (const f of [...realistic, ...varied]) {
      expect(f.topics.length).toBeGreaterThanOrEqual(1)
      expect(f.topics.length).toBeLessThanOrEqual(4)
      expect(new Set(f.topics).size).toBe(f.topics.length)
    }
  })

  it('uses topic names that no case- or accent-folding slugger could merge', () => {
    const names = new Set([...realistic, ...varied].flatMap((f) => f.topics))
    const folded = new Set([...names].map(foldTopic))
    expect(folded.size).toBe(names.size)
    expect([...folded].every((key) => /[\p{L}\p{N}]/u.test(key))).toBe(true)
  })

  it('makes realistic topic popularity skewed over a wide vocabulary', () => {
    const counts = new Map<string, number>()
    const files = largeCorpus()
    for (const f of files) for (const t of f.topics) counts.set(t, (counts.get(t) ?? 0) + 1)
    expect(Math.max(...counts.values()) / files.length).toBeGreaterThan(0.05)
    expect(counts.size).toBeGreaterThanOrEqual(150)
  })

  it('makes realistic files shaped like the real seed', () => {
    const share = (pred: (f: SeedFile) => boolean): number => realistic.filter(pred).length / realistic.length
    expect(share((f) => /\nimages:\n {2}- url:/.test(f.text))).toBeCloseTo(0.85, 1)
    expect(share((f) => /\nrelated:\n {2}- title:/.test(f.text))).toBeCloseTo(0.7, 1)
    expect(share((f) => !f.text.endsWith('---\n'))).toBeCloseTo(0.3, 1)
    expect(share((f) => f.published === true)).toBeGreaterThan(0.5)
    expect(share((f) => f.published === false)).toBeGreaterThan(0.05)
    expect(share((f) => /\npublishedDateTime: "/.test(f.text))).toBeGreaterThan(0.02)
    expect(realistic.some((f) => f.mojibake)).toBe(false)
    for (const f of realistic) {
      const words = f.title.split(' ').filter((w) => w !== '—').length
      expect(words).toBeGreaterThanOrEqual(6)
      expect(words).toBeLessThanOrEqual(14)
    }
    // Exact ties in publication time, which sorting must break by id.
    const byInstant = new Map<number, number>()
    for (const f of realistic) byInstant.set(f.publishedMs, (byInstant.get(f.publishedMs) ?? 0) + 1)
    expect([...byInstant.values()].filter((n) => n > 1).length).toBeGreaterThan(10)
    const years = realistic.map((f) => new Date(f.publishedMs).getUTCFullYear())
    expect(Math.max(...years) - Math.min(...years)).toBeGreaterThanOrEqual(4)
  })

  it('covers the tricky-but-valid cases in varied corpora', () => {
    const titles = varied.map((f) => f.title).join('\n')
    for (const ch of ['&', '<', '>', '"', "'"]) expect(titles).toContain(ch)
    expect(titles).toMatch(/\p{Script=Han}/u)
    expect(titles).toMatch(/\p{Script=Arabic}/u)
    expect(titles).toMatch(/\p{Script=Hebrew}/u)
    expect(titles).toContain('\u200d') // ZWJ emoji sequences
    expect(varied.filter((f) => f.mojibake).length).toBeGreaterThan(varied.length * 0.05)
    expect(varied.some((f) => /[?&].*%[0-9A-F]{2}/.test(f.id))).toBe(true)
    const text = varied.map((f) => f.text).join('\n')
    for (const needle of ['<table>', '<em>', '```', '\n> ', '\r\n', '\\n', '\\u2028', 'topics: [']) {
      expect(text).toContain(needle)
    }
    const topics = new Set(varied.flatMap((f) => f.topics))
    for (const t of ['Économie', '中国', 'R&D']) expect(topics).toContain(t)
  })
})

describe('toMojibake', () => {
  it('reproduces the damage seen in the real seed', () => {
    expect(toMojibake('it’s')).toBe('itâ€™s')
    expect(toMojibake('café — naïve')).toBe('cafÃ© â€” naÃ¯ve')
    expect(toMojibake('plain')).toBe('plain')
  })

  it('refuses text whose damage would not be reversible', () => {
    expect(toMojibake('”')).toBeUndefined() // 0x9D is undefined in Windows-1252
    expect(toMojibake('à')).toBeUndefined() // 0xA0 would be an invisible NBSP
  })
})

describe('yamlQuote', () => {
  it('round-trips any string through gray-matter and js-yaml', () => {
    // Any code point (bar lone surrogates, which UTF-8 cannot carry), with YAML's troublemakers
    // over-represented.
    const codePoint = fc
      .integer({ min: 0, max: 0x10ffff })
      .filter((c) => c < 0xd800 || c > 0xdfff)
      .map((c) => String.fromCodePoint(c))
    const tricky = fc.constantFrom(
      ...['\\', '"', "'", '\n', '\r', '\t', '\0', '\x1b', '\x7f', '\x85', '\xa0', '\u2028', '\u2029'],
      ...['\ufeff', '\ufffe', '\uffff', '#', ': ', '- ', '---', '👩‍💻', '&', '*', '!', '%', '@', '`'],
    )
    fc.assert(
      fc.property(fc.string({ unit: fc.oneof(codePoint, tricky) }), (s) => {
        const data = matter(`---\nv: ${yamlQuote(s)}\n---\n`, { language: 'yaml' }).data as { v: unknown }
        return data.v === s
      }),
      { numRuns: 500 },
    )
  })

  it('escapes line breaks and non-printables so the scalar stays on one line', () => {
    expect(yamlQuote('a"b\\c\nd\te\u2028f\u0085g\u0000')).toBe('"a\\"b\\\\c\\nd\\te\\u2028f\\x85g\\x00"')
    expect(() => yamlQuote('\ud800')).toThrow()
  })
})

describe('writeCorpus', () => {
  it('writes every file, creating its folders', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'feedstand-corpus-'))
    try {
      const files = generateCorpus({ count: 450, variety: 'varied' })
      await writeCorpus(dir, files)
      for (const f of files) expect(await readFile(path.join(dir, f.path), 'utf8')).toBe(f.text)
      expect((await readdir(dir)).length).toBe(5)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  it('refuses paths that leave the folder', async () => {
    const file = { path: '../evil.md', text: '', id: 'x', title: 'x', topics: [], publishedMs: 0 }
    await expect(writeCorpus(tmpdir(), [file])).rejects.toThrow(/outside/)
  })
})
