/**
 * Random seeds for the property tests: front matter with random keys, types and nesting, text
 * full of Unicode, control characters, lone surrogates and markup, serialized as YAML (or as raw
 * text between `---` lines), plus a Markdown body with hostile HTML. Most seeds carry a usable
 * title, date and link, so that articles get published and the hostile text reaches the feeds.
 */
import fc from 'fast-check'
import matter from 'gray-matter'

/** Snippets that have broken publishers before. */
export const HOSTILE = [
  '<script>alert(1)</script>', '<SCRIPT SRC=//evil.example/x.js>', '<img src=x onerror=alert(1)>', '<svg onload=alert(1)>',
  '<a href="javascript:alert(1)">x</a>', 'javascript:alert(1)', ' JaVaScRiPt:alert(1)', 'java\tscript:x', 'data:text/html,<script>x</script>',
  '" onmouseover="alert(1)', "' onfocus='x", '<iframe src=//evil.example>', '<style>*{x:expression(alert(1))}</style>',
  ']]>', '<![CDATA[', '&amp;', '&lt;script&gt;', '&#x3C;script&#x3E;', '&#106;avascript:', '<!--', '-->', '<?xml ?>', '<!DOCTYPE x [<!ENTITY e "x">]>', '&e;',
  '\u0000', '\u0007', '\u001b[31m', '\u007f', '\u0085', '\u2028', '\u2029', '\u202e', '\ufeff', '\ufffe', '\uffff', '\ud800', '\udfff', '\ud83d', '💥', 'é', 'e\u0301', '中国',
  '---', '\n---\n', '{{x}}', '${x}', '%2e%2e/', '../', '..', '/', '\\', '__proto__', 'constructor',
]

/** One "unit" of random text: a hostile snippet, any code point (lone surrogates included), or ASCII. */
const unit: fc.Arbitrary<string> = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom(...HOSTILE) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 0x10ffff }).map((cp) => (cp >= 0xd800 && cp <= 0xdfff ? String.fromCharCode(cp) : String.fromCodePoint(cp))) },
  { weight: 6, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }) },
)

export const text = fc.string({ unit, maxLength: 12 })
export const nonEmptyText = fc.string({ unit, minLength: 1, maxLength: 12 })

/** Any YAML-representable value, nested. */
export const anyValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    text,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.date({ noInvalidDate: true }),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(text, tie('value'), { maxKeys: 4 }),
  ),
})).value

const url = fc.oneof(
  { weight: 5, arbitrary: fc.tuple(fc.constantFrom('https://example.com/', 'http://example.org/a/', 'https://xn--bcher-kva.example/'), text).map(([base, path]) => base + path) },
  { weight: 2, arbitrary: fc.constantFrom('javascript:alert(1)', ' javascript:alert(1)', 'data:text/html,<script>x</script>', '/relative', '../up', '//evil.example/x', 'vbscript:x', 'https://', 'http://[::1', 'file:///etc/passwd') },
  { weight: 1, arbitrary: anyValue },
)

const date = fc.oneof(
  { weight: 5, arbitrary: fc.date({ min: new Date('1990-01-01'), max: new Date('2025-12-31'), noInvalidDate: true }).map((d) => d.toISOString()) },
  { weight: 1, arbitrary: fc.date({ min: new Date('1990-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }) },
  { weight: 1, arbitrary: fc.constantFrom('2024-03-13 00:59', '2024-02-30', 'yesterday', '2999-01-01T00:00:00Z', 'Wed, 13 Mar 2024 00:59:00 GMT', '') },
  { weight: 1, arbitrary: anyValue },
)

const textish = fc.oneof({ weight: 4, arbitrary: nonEmptyText }, { weight: 1, arbitrary: anyValue })
const image = fc.oneof(fc.record({ url, width: fc.oneof(fc.nat(5000), anyValue), height: fc.nat(5000) }, { requiredKeys: ['url'] }), url)
const related = fc.oneof(fc.record({ title: textish, webUrl: url, publishedDateTime: date, provider: fc.record({ name: textish }) }, { requiredKeys: [] }), anyValue)

/** The front matter as data: known fields (mostly plausible), unknown ones, and `secured`. */
export const frontMatter = (secret: string) =>
  fc
    .record(
      {
        title: textish,
        publishedDateTime: date,
        webUrl: url,
        originalUrl: url,
        id: textish,
        excerpt: fc.oneof(text, fc.string({ unit, maxLength: 300 }), anyValue),
        category: textish,
        topics: fc.oneof({ weight: 4, arbitrary: fc.array(textish, { maxLength: 4 }) }, { weight: 1, arbitrary: anyValue }),
        images: fc.oneof(fc.array(image, { maxLength: 3 }), anyValue),
        related: fc.oneof(fc.array(related, { maxLength: 3 }), anyValue),
        provider: fc.oneof(fc.record({ name: textish, domain: fc.oneof(fc.constant('example.com'), text) }), anyValue),
        published: fc.oneof(fc.boolean(), anyValue),
        quality: fc.oneof(fc.integer(), anyValue),
        extra: fc.dictionary(text, anyValue, { maxKeys: 3 }),
      },
      { requiredKeys: ['title', 'publishedDateTime', 'webUrl'] },
    )
    .map(({ extra, ...known }) => ({ ...extra, ...known, secured: secret, [`unknown_${secret.length}`]: { note: secret } }))

const body = fc.oneof(
  fc.constant(''),
  fc.array(fc.oneof(text, fc.constantFrom('\n\n', '# ', '* ', '[x](', ')', '![i](', '<a href="', '">', '</a>', '<p onclick="', '`', '```\n', '> ')), { maxLength: 20 }).map((parts) => parts.join('')),
)

/** Raw front-matter text: YAML-ish tokens and random units, not necessarily valid YAML. */
const rawYaml = fc
  .array(fc.oneof(text, fc.constantFrom('title: ', 'publishedDateTime: 2024-03-13T00:59:00Z', 'webUrl: https://example.com/x', '\n', ': ', '- ', '  ', '&a ', '*a', '!!js/function ', '!!binary ', '<<: ', '{', '}', '[', ']', '"', "'", '|', '>', '#', '? ', '%YAML 1.2', '---', '...')), { maxLength: 30 })
  .map((parts) => parts.join(''))

/** A whole seed file as text: YAML written by js-yaml, or raw text between the `---` lines. */
export const seedText = (secret: string) =>
  fc.oneof(
    { weight: 4, arbitrary: fc.tuple(frontMatter(secret), body).map(([data, b]) => toYamlSeed(data, b)) },
    { weight: 1, arbitrary: fc.tuple(rawYaml, body).map(([yaml, b]) => `---\n${yaml}\nsecured: ${secret}\n---\n${b}`) },
  )

function toYamlSeed(data: Record<string, unknown>, body: string): string {
  try {
    return matter.stringify(body, data)
  } catch {
    // js-yaml cannot write some values (it refuses nothing we generate today): fall back to raw text.
    return `---\ntitle: ${JSON.stringify(String(data.title))}\nsecured: ${String(data.secured)}\n---\n${body}`
  }
}
