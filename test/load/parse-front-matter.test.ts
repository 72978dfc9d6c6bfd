/**
 * Front matter: YAML only, never executed, never cached process-wide, and the same file always
 * gives the same answer.
 */
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import matter from 'gray-matter'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fieldLine, fieldSource, parseFrontMatter } from '../../src/load/parse-front-matter.js'
import { processSeed } from '../../src/seed/process-seed.js'

const run = promisify(execFile)
const BAD = fileURLToPath(new URL('../fixtures/bad/', import.meta.url))
const SRC = fileURLToPath(new URL('../../src/', import.meta.url))
const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const OPTS = { maxExcerptLength: 2000, nowMs: Date.UTC(2026, 0, 1) }
const GLOBAL = '__feedstandFrontMatterRan'
/** gray-matter's process-wide cache, which its typings do not declare. */
const grayMatter = matter as typeof matter & { cache: Record<string, unknown>; clearCache(): void }

describe('front matter in another language is never executed', () => {
  let dir: string
  let marker: string
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'feedstand-fm-'))
    marker = join(dir, 'ran')
  })
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('is live: gray-matter on its own would run the js fixtures (positive control, in a child process)', async () => {
    for (const fixture of ['fm-js.md', 'fm-javascript.md']) {
      await rm(marker, { force: true })
      const script = `const m = require('gray-matter'); m(require('fs').readFileSync(${JSON.stringify(join(BAD, fixture))}, 'utf8'), {})`
      await run(process.execPath, ['-e', script], { cwd: ROOT, env: { ...process.env, FEEDSTAND_MARKER: marker }, timeout: 20_000 })
      expect(existsSync(marker), fixture).toBe(true)
    }
  })

  it.each(['fm-js.md', 'fm-javascript.md', 'fm-coffee.md', 'fm-json.md', 'yaml-js-tag.md'])('%s: refused, and nothing ran', async (fixture) => {
    await rm(marker, { force: true })
    const saved = process.env.FEEDSTAND_MARKER
    process.env.FEEDSTAND_MARKER = marker
    try {
      const outcome = processSeed(fixture, await readFile(join(BAD, fixture)), OPTS)
      expect(outcome.article).toBeUndefined()
      expect(outcome.problems.map((p) => p.code)).toEqual([fixture === 'yaml-js-tag.md' ? 'yaml-syntax' : 'front-matter-language'])
    } finally {
      if (saved === undefined) delete process.env.FEEDSTAND_MARKER
      else process.env.FEEDSTAND_MARKER = saved
    }
    expect(existsSync(marker)).toBe(false)
    expect(existsSync(join(tmpdir(), 'feedstand-front-matter-ran'))).toBe(false)
    expect((globalThis as Record<string, unknown>)[GLOBAL]).toBeUndefined()
  })

  it('refuses any tag but yaml/yml, whatever its case or spacing', () => {
    for (const tag of ['JS', ' js ', 'Javascript', 'coffeescript', 'cson', 'toml', 'ts', 'python']) {
      const r = parseFrontMatter('x.md', `---${tag}\ntitle: x\n---\n`)
      expect(r.ok ? 'ok' : r.problems[0]!.code, tag).toBe('front-matter-language')
    }
    for (const tag of ['', 'yaml', ' YAML ', 'yml']) expect(parseFrontMatter('x.md', `---${tag}\ntitle: x\n---\n`).ok, tag).toBe(true)
  })
})

describe('gray-matter is always called with an options object', () => {
  it('every call in src/ passes a second argument', async () => {
    const files = (await readdir(SRC, { recursive: true })).filter((f) => f.endsWith('.ts'))
    let calls = 0
    for (const f of files) {
      // Comments may name `matter()`; only code counts.
      const text = (await readFile(join(SRC, f), 'utf8')).replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '')
      for (const m of text.matchAll(/\bmatter\(([^()]*)\)/g)) {
        calls++
        expect(m[1], `${f}: matter(${m[1]})`).toContain(',')
      }
    }
    expect(calls).toBeGreaterThan(0)
  })

  it('so its process-wide cache stays empty', () => {
    grayMatter.clearCache()
    parseFrontMatter('x.md', '---\ntitle: cached?\n---\nbody\n')
    parseFrontMatter('y.md', '---\ntitle: [broken\n---\n')
    expect(Object.keys(grayMatter.cache)).toEqual([])
  })

  it('the same broken file gives the same problem every time (no poisoned cache)', async () => {
    const bytes = await readFile(join(BAD, 'yaml-syntax.md'))
    const first = processSeed('yaml-syntax.md', bytes, OPTS)
    const second = processSeed('yaml-syntax.md', bytes, OPTS)
    expect(first.problems).toHaveLength(1)
    expect(second).toEqual(first)
    // The bug this guards against: without options, gray-matter caches the file before parsing,
    // so the second call returns the cached entry (empty data) instead of throwing again.
    const text = bytes.toString('utf8')
    grayMatter.clearCache()
    expect(() => matter(text)).toThrow()
    expect(matter(text).data).toEqual({})
    grayMatter.clearCache()
  })
})

describe('raw control characters in front matter', () => {
  it('are removed before YAML sees them, with one warning naming the lines', () => {
    const r = parseFrontMatter('x.md', '---\ntitle: "a\u0007b"\nwebUrl: x\nexcerpt: "c\u001bd\u0085"\n---\nbody\u0007\n')
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.value.data).toEqual({ title: 'ab', webUrl: 'x', excerpt: 'cd' })
    expect(r.problems).toEqual([
      { file: 'x.md', line: 2, field: 'title', code: 'control-chars', severity: 'warning', message: 'front matter had raw control characters (lines 2, 4); removed' },
    ])
    // The body is the normalizer's business (it warns separately); it is passed on as written.
    expect(r.value.body).toBe('body\u0007\n')
  })

  it('keep tabs and line numbers intact', () => {
    const r = parseFrontMatter('x.md', '---\ntitle: a\n\u0001\ndate: [x\n---\n')
    expect(r.ok ? 'ok' : r.problems[0]).toMatchObject({ code: 'yaml-syntax', line: 5 })
  })
})

describe('field lines and sources', () => {
  const fm = '\ntitle: "x"\n"publishedDateTime": 2024-03-13 00:59:00 # local time\nrelated:\n  - title: nested\n'
  it('finds top-level keys only, quoted or not', () => {
    expect(fieldLine(fm, 'title')).toBe(2)
    expect(fieldLine(fm, 'publishedDateTime')).toBe(3)
    expect(fieldLine(fm, 'missing')).toBeUndefined()
  })
  it('gives a plain scalar as written, comment removed', () => {
    expect(fieldSource(fm, 'publishedDateTime')).toBe('2024-03-13 00:59:00')
    expect(fieldSource(fm, 'related')).toBeUndefined()
  })
  it('answers each front matter for itself when questions about several interleave (lines and patterns are cached)', () => {
    const other = "\n'title': y\nwebUrl: z\npublishedDateTime: 2025-01-01\n"
    for (let i = 0; i < 3; i++) {
      expect([fieldLine(fm, 'title'), fieldLine(other, 'title'), fieldLine(fm, 'webUrl'), fieldLine(other, 'webUrl')]).toEqual([2, 2, undefined, 3])
      expect([fieldSource(other, 'publishedDateTime'), fieldSource(fm, 'publishedDateTime')]).toEqual(['2025-01-01', '2024-03-13 00:59:00'])
    }
    // A key with pattern characters is matched literally, and a quote must close as it opened.
    expect(fieldLine('\naxb: 2\na.b: 1\n', 'a.b')).toBe(3)
    expect(fieldLine('\n"q\': 3\n', 'q')).toBeUndefined()
  })
})
