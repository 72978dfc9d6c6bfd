/**
 * One fixture file per kind of bad input (test/fixtures/bad/), read through the real loader
 * (list → read with a size limit → decode → parse → normalize → catalog). Each case pins the
 * stable problem code, severity, field and line, and what the message must name.
 */
import { readdir } from 'node:fs/promises'
import { beforeAll, describe, expect, it } from 'vitest'
import { PROBLEM_CODES } from '../../src/normalize/codes.js'
import type { Catalog, Problem } from '../../src/types.js'
import { BAD_DIR, loadBadFixtures } from './bad-fixtures.js'

interface Expected {
  code: string
  severity: 'error' | 'warning'
  field?: string
  line?: number
  message: RegExp
}
interface Case {
  /** Whether the file is published (ends up in the catalog). */
  published: boolean
  problems: Expected[]
}

const err = (code: string, message: RegExp, at: { field?: string; line?: number } = {}): Expected => ({ code, severity: 'error', message, ...at })
const warn = (code: string, message: RegExp, at: { field?: string; line?: number } = {}): Expected => ({ code, severity: 'warning', message, ...at })
const date = { field: 'publishedDateTime', line: 3 }

/** Every fixture in test/fixtures/bad and what must become of it. */
const CASES: Record<string, Case> = {
  'yaml-syntax.md': { published: false, problems: [err('yaml-syntax', /not valid YAML: bad indentation/, { line: 5 })] },
  'yaml-not-mapping.md': { published: false, problems: [err('yaml-not-mapping', /must be a mapping/, { line: 2 })] },
  'yaml-js-tag.md': { published: false, problems: [err('yaml-syntax', /unknown tag .*js\/function/, { line: 2 })] },
  'unclosed-front-matter.md': { published: false, problems: [err('unclosed-front-matter', /no closing "---"/, { line: 1 })] },
  // A line that ends the block early for gray-matter (any `---` prefix) or for YAML (`...`): the
  // rest, `secured:` included, would have been the published body. Refused, at that line.
  'delimiter-dash-x.md': { published: false, problems: [err('front-matter-delimiter', /^front matter line 5 starts with "---" but is not a closing line; the block ends only at a line that is exactly "---"/, { line: 5 })] },
  'delimiter-dash-space.md': { published: false, problems: [err('front-matter-delimiter', /line 5 starts with "---" but is not a closing line/, { line: 5 })] },
  'delimiter-four-dashes.md': { published: false, problems: [err('front-matter-delimiter', /line 5 starts with "---" but is not a closing line/, { line: 5 })] },
  'delimiter-dots.md': { published: false, problems: [err('front-matter-delimiter', /line 5 is a YAML document end \("\.\.\."\)/, { line: 5 })] },
  'delimiter-bom-mixed.md': { published: false, problems: [err('front-matter-delimiter', /line 5 starts with "---" but is not a closing line/, { line: 5 })] },
  'no-front-matter.md': { published: false, problems: [err('no-front-matter', /does not start with a "---"/, { line: 1 })] },
  'empty-file.md': { published: false, problems: [err('empty-file', /empty/)] },
  'binary-file.md': { published: false, problems: [err('binary-file', /binary/)] },
  'not-utf8.md': { published: false, problems: [err('not-utf8', /offset 15 are not valid UTF-8/, { line: 2 })] },
  'utf16.md': { published: false, problems: [err('not-utf8', /UTF-16/, { line: 1 })] },
  'bom-crlf.md': { published: true, problems: [] },
  'too-large.md': { published: false, problems: [err('too-large', /5322 bytes, over the limit of 4096 bytes \(maxFileBytes\)/)] },
  'missing-title.md': { published: false, problems: [err('missing-title', /title is missing/, { field: 'title' })] },
  'title-empty.md': { published: false, problems: [err('missing-title', /title is empty/, { field: 'title', line: 2 })] },
  'title-not-string.md': { published: false, problems: [err('bad-title', /title must be text, not boolean true/, { field: 'title', line: 2 })] },
  'title-object.md': { published: false, problems: [err('bad-title', /title must be text, not a mapping/, { field: 'title', line: 2 })] },
  'title-list.md': { published: false, problems: [err('bad-title', /title must be text, not a list/, { field: 'title', line: 2 })] },
  'missing-date.md': { published: false, problems: [err('missing-date', /publishedDateTime is missing/, { field: 'publishedDateTime' })] },
  'bad-date.md': { published: false, problems: [err('bad-date', /^publishedDateTime "yesterday" is not a date/, date)] },
  'date-impossible.md': { published: false, problems: [err('bad-date', /"2024-02-30" is not a calendar date/, date)] },
  'date-no-timezone.md': { published: true, problems: [warn('date-no-timezone', /no time zone; read as UTC/, date)] },
  'date-no-timezone-unquoted.md': { published: true, problems: [warn('date-no-timezone', /no time zone; read as UTC/, date)] },
  'date-two-digit-year.md': { published: true, problems: [warn('two-digit-year', /publishedDateTime has the year "24"; read as 2024 \(RFC 5322 §4.3/, date)] },
  'future-date.md': { published: false, problems: [warn('future-date', /2999-01-01T00:00:00.000Z is in the future; held back/, date)] },
  'excerpt-object.md': { published: true, problems: [warn('bad-excerpt', /excerpt must be text, not a mapping; dropped/, { field: 'excerpt', line: 5 })] },
  'excerpt-list.md': { published: true, problems: [warn('bad-excerpt', /excerpt must be text, not a list; dropped/, { field: 'excerpt', line: 5 })] },
  'excerpt-too-long.md': { published: true, problems: [warn('excerpt-truncated', /2519 characters, over 2000 \(maxExcerptLength\); truncated/, { field: 'excerpt', line: 5 })] },
  'topic-object.md': { published: true, problems: [warn('bad-topic', /topics\[1\] must be text, not a mapping; dropped/, { field: 'topics[1]', line: 5 })] },
  'topic-list.md': { published: true, problems: [warn('bad-topic', /topics\[0\] must be text, not a list; dropped/, { field: 'topics[0]', line: 5 })] },
  'topics-string.md': { published: true, problems: [warn('topics-not-list', /one string, not a list; read as one topic/, { field: 'topics', line: 5 })] },
  'topic-empty.md': { published: true, problems: [warn('empty-topic', /topics\[0\] is empty; dropped/, { field: 'topics[0]', line: 5 })] },
  'topic-whitespace.md': { published: true, problems: [warn('empty-topic', /topics\[0\] is empty; dropped/, { field: 'topics[0]', line: 5 })] },
  'topic-dotdot.md': { published: true, problems: [warn('empty-topic-slug', /topic "\.\." has no letters or digits; dropped/, { field: 'topics[0]', line: 5 })] },
  'topic-slash.md': { published: true, problems: [warn('empty-topic-slug', /topic "\/" has no letters or digits; dropped/, { field: 'topics[0]', line: 5 })] },
  'topic-too-long.md': { published: true, problems: [warn('slug-truncated', /makes a slug over 80 characters, 200 UTF-8 bytes or 240 characters percent-encoded; shortened to "(?:\u{20000})+-[0-9a-f]{8}"$/u, { field: 'topics[0]', line: 5 })] },
  'topic-traversal.md': { published: true, problems: [] },
  'weburl-relative.md': { published: false, problems: [err('bad-url', /webUrl: "\/2024\/03\/13\/relative-story" is not an absolute URL; the article has no usable link/, { field: 'webUrl', line: 4 })] },
  'weburl-javascript.md': { published: false, problems: [err('bad-url', /webUrl: "javascript:" URLs are not allowed/, { field: 'webUrl', line: 4 })] },
  'weburl-data.md': { published: false, problems: [err('bad-url', /webUrl: "data:" URLs are not allowed/, { field: 'webUrl', line: 4 })] },
  'weburl-fallback.md': { published: true, problems: [warn('bad-url', /webUrl: "javascript:" URLs are not allowed.*originalUrl used instead/, { field: 'webUrl', line: 4 })] },
  'images-bad-urls.md': {
    published: true,
    problems: [
      warn('bad-url', /images\[0\]\.url: "\/wp-content\/lead.jpg" is not an absolute URL; image dropped/, { field: 'images[0].url', line: 5 }),
      warn('bad-url', /images\[1\]\.url: "javascript:" URLs are not allowed/, { field: 'images[1].url', line: 5 }),
      warn('bad-url', /images\[2\]\.url: "data:" URLs are not allowed/, { field: 'images[2].url', line: 5 }),
    ],
  },
  'related-bad-urls.md': {
    published: true,
    problems: [
      warn('bad-url', /related\[0\]\.webUrl: "\.\.\/other-story" is not an absolute URL/, { field: 'related[0].webUrl', line: 5 }),
      warn('bad-url', /related\[1\]\.webUrl: "javascript:" URLs are not allowed/, { field: 'related[1].webUrl', line: 5 }),
      warn('bad-url', /related\[2\]\.webUrl: "data:" URLs are not allowed/, { field: 'related[2].webUrl', line: 5 }),
    ],
  },
  'url-credentials.md': {
    published: true,
    problems: [
      warn('url-credentials', /^webUrl had a user name or password \(user:pass@\); removed/, { field: 'webUrl', line: 4 }),
      warn('url-credentials', /^originalUrl had a user name or password/, { field: 'originalUrl', line: 5 }),
      warn('url-credentials', /^images\[0\]\.url had a user name or password/, { field: 'images[0].url', line: 6 }),
      warn('url-credentials', /^related\[0\]\.webUrl had a user name or password/, { field: 'related[0].webUrl', line: 7 }),
      warn('url-credentials', /^provider.domain had a user name or password \(user:pass@\); removed, the domain is kept/, { field: 'provider.domain', line: 8 }),
    ],
  },
  'dup-id-a.md': { published: true, problems: [] },
  'dup-id-b.md': { published: false, problems: [err('duplicate-id', /"https:\/\/example.com\/same-story" is already used by dup-id-a.md/, { field: 'webUrl' })] },
  'billion-laughs.md': { published: false, problems: [err('too-complex', /YAML aliases/)] },
  'self-reference.md': { published: false, problems: [err('too-complex', /more than 20000 values .*contains itself/)] },
  'alias-amplification.md': { published: false, problems: [err('too-complex', /twice its size through YAML aliases/)] },
  'fm-js.md': { published: false, problems: [err('front-matter-language', /marked "js"; only YAML is read, and nothing is ever executed/, { line: 1 })] },
  'fm-javascript.md': { published: false, problems: [err('front-matter-language', /marked "javascript"/, { line: 1 })] },
  'fm-coffee.md': { published: false, problems: [err('front-matter-language', /marked "coffee"/, { line: 1 })] },
  'fm-json.md': { published: false, problems: [err('front-matter-language', /marked "json"/, { line: 1 })] },
  'control-chars.md': {
    published: true,
    problems: [
      warn('control-chars', /the Markdown body had control characters/),
      warn('control-chars', /raw control characters \(line 2\); removed/, { field: 'title', line: 2 }),
      warn('control-chars', /excerpt had control characters or lone surrogates; removed/, { field: 'excerpt', line: 3 }),
      warn('control-chars', /category had control/, { field: 'category', line: 6 }),
      warn('control-chars', /topics\[0\] had control/, { field: 'topics[0]', line: 7 }),
      warn('control-chars', /topics\[1\] had control/, { field: 'topics[1]', line: 7 }),
      warn('control-chars', /provider.name had control/, { field: 'provider.name', line: 8 }),
      warn('control-chars', /related\[0\]\.title had control/, { field: 'related[0].title', line: 9 }),
    ],
  },
  'body-mojibake.md': { published: true, problems: [warn('mojibake', /the Markdown body was mis-decoded text \(UTF-8 read as Windows-1252\); repaired/)] },
  'markup.md': { published: true, problems: [] },
}

/** Problems in catalog order (file, then line), in a shape that compares against `Expected`. */
function shape(p: Problem): Record<string, unknown> {
  const { file: _file, ...rest } = p
  return rest
}

describe('bad seeds, one fixture each', () => {
  let catalog: Catalog

  beforeAll(async () => {
    ;({ catalog } = await loadBadFixtures())
  })

  it('has a case for every fixture file and a fixture for every case', async () => {
    const files = (await readdir(BAD_DIR)).sort()
    expect(files).toEqual(Object.keys(CASES).sort())
  })

  it.each(Object.entries(CASES))('%s', (file, c) => {
    const got = catalog.problems.filter((p) => p.file === file).map(shape)
    const want = c.problems.map(({ message, ...rest }) => ({ ...rest, message: expect.stringMatching(message) }))
    expect(got).toEqual(want)
    expect([...catalog.byId.values()].some((a) => a.file === file)).toBe(c.published)
  })

  it('gives every problem a known code with its documented severity, and a file-relative path', () => {
    for (const p of catalog.problems) {
      const info = PROBLEM_CODES[p.code]
      expect(info, p.code).toBeDefined()
      if (info!.severity !== 'either') expect(p.severity, p.code).toBe(info!.severity)
      expect(p.file).not.toMatch(/^\/|\\/)
      expect(p.message).not.toMatch(/\n/)
    }
  })

  it('publishes nothing from a file with an error, and everything that only has warnings', () => {
    const withErrors = new Set(catalog.problems.filter((p) => p.severity === 'error').map((p) => p.file))
    for (const a of catalog.articles) expect(withErrors.has(a.file), a.file).toBe(false)
    const expected = Object.entries(CASES).filter(([, c]) => c.published).map(([f]) => f).sort()
    expect(catalog.articles.map((a) => a.file).sort()).toEqual(expected)
  })
})
