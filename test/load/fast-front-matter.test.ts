/**
 * The fast front-matter path is an optimisation only: whenever it answers, it answers exactly
 * what gray-matter + js-yaml answer (data, content, matter), and it steps aside for everything
 * else, including every input js-yaml refuses.
 */
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import fc from 'fast-check'
import matter from 'gray-matter'
import { describe, expect, it } from 'vitest'
import { generateCorpus } from '../../bench/corpus.js'
import { fastFrontMatter } from '../../src/load/fast-front-matter.js'
import { MATTER_OPTIONS } from '../../src/load/parse-front-matter.js'
import { FIXTURES } from '../helpers/site.js'

/** gray-matter's answer in the same shape, or 'error'. */
function reference(text: string): { data: unknown; content: string; matter: string } | 'error' {
  try {
    const r = matter(text, MATTER_OPTIONS)
    return { data: r.data, content: r.content, matter: r.matter }
  } catch {
    return 'error'
  }
}

function agree(text: string): boolean {
  const fast = fastFrontMatter(text)
  if (fast === undefined) return false
  expect(fast).toStrictEqual(reference(text))
  return true
}

describe('fastFrontMatter', () => {
  it('answers every realistic seed, exactly as gray-matter', () => {
    const files = generateCorpus({ count: 400, seed: 11, variety: 'realistic' })
    expect(files.filter((f) => agree(f.text)).length).toBe(files.length)
  })

  it('agrees with gray-matter on varied seeds, or steps aside', () => {
    const files = generateCorpus({ count: 400, seed: 12, variety: 'varied' })
    const answered = files.filter((f) => agree(f.text.replace(/\r\n?/g, '\n'))).length
    expect(answered).toBeGreaterThan(files.length / 2)
  })

  it('agrees on the bundled seed and the fixtures', async () => {
    const paths = [join(FIXTURES, '../../../seeds/000_ea3e9e76e24cb92c.txt')]
    for (const e of await readdir(FIXTURES, { recursive: true, withFileTypes: true })) {
      if (e.isFile() && /\.(md|txt)$/.test(e.name)) paths.push(join(e.parentPath, e.name))
    }
    for (const p of paths) agree((await readFile(p, 'utf8')).replace(/\r\n?/g, '\n'))
  })

  it.each([
    ['a comment', '---\n# note\ntitle: x\n---\n'],
    ['an inline comment', '---\ntitle: x # note\n---\n'],
    ['an anchor and alias', '---\na: &x 1\nb: *x\n---\n'],
    ['a tag', '---\na: !!str 1\n---\n'],
    ['a flow sequence', '---\ntopics: [a, b]\n---\n'],
    ['a block scalar', '---\ntext: |\n  line\n---\n'],
    ['a multi-line plain scalar', '---\ntitle: one\n  two\n---\n'],
    ['a multi-line quoted scalar', '---\ntitle: "one\n  two"\n---\n'],
    ['a duplicate key (js-yaml refuses it)', '---\na: 1\na: 2\n---\n'],
    ['a tab', '---\na:\tb\n---\n'],
    ['a quoted key', '---\n"a": 1\n---\n'],
    ['a merge key', '---\n<<: {a: 1}\n---\n'],
    ['a __proto__ key', '---\n__proto__: 1\n---\n'],
    ['text after a closing quote', '---\na: "x" y\n---\n'],
    ['a no-break space after a quote', '---\na: "x"\u00a0\n---\n'],
    ['an unknown escape', '---\na: "\\q"\n---\n'],
    ['a language tag', '---yaml\na: 1\n---\n'],
    ['no closing line', '---\na: 1\n'],
    ['an indented first key', '---\n  a: 1\n---\n'],
    ['bad indentation', '---\na:\n  b: 1\n c: 2\n---\n'],
  ])('steps aside for %s', (_name, text) => {
    expect(fastFrontMatter(text)).toBeUndefined()
  })

  it('keeps a trailing no-break space in a plain scalar, as YAML does', () => {
    expect(agree('---\ntitle: x\u00a0\n---\nbody\n')).toBe(true)
    expect(fastFrontMatter('---\ntitle: x\u00a0\n---\n')!.data.title).toBe('x\u00a0')
  })

  it('agrees with gray-matter on random documents in and around the subset', () => {
    const key = fc.constantFrom('title', 'a', 'b_c', 'd-e', 'true', 'null', 'X1', 'published', 'url')
    const plain = fc.constantFrom(
      'hello', 'Hello World', '42', '-1', '0x1F', '017', '1_000', '3.14', '.5', '1e3', '.inf', '-.Inf', '.nan', 'true', 'False',
      'yes', 'no', 'on', 'null', '~', 'Null', '2024-03-13', '2024-03-13T00:59:00Z', '2024-03-13 00:59:00', '2024-03-13T00:59:00+02:00',
      '2024-13-45', 'https://x.example/a?b=c#d', 'a:b', 'C#', "it's", 'a - b', '<<', '%x', '@x', '-x', '?x', ':x', 'a,b', '[x', 'x]',
      'x:', 'x: y', 'x #y', 'é ü 中文', '\u00a0x', 'x\u00a0',
    )
    const quoted = fc.string({ maxLength: 12 }).map((s) => JSON.stringify(s))
    const single = fc.string({ maxLength: 12 }).map((s) => `'${s.replace(/'/g, "''")}'`)
    const escaped = fc.constantFrom('"a\\"b"', '"\\\\"', '"\\u00e9\\u4e2d"', '"\\x41"', '"\\ud83d\\ude00"', '"\\/"', '"\\t\\n"', '"\\e"', '"\\N"', '"\\U0001F600"')
    const scalar = fc.oneof(plain, quoted, single, escaped, fc.constantFrom('[]', '{}', ''))
    const doc = fc.array(
      fc.tuple(
        key,
        fc.oneof(
          scalar.map((v) => ` ${v}`),
          fc.array(scalar, { minLength: 1, maxLength: 3 }).map((vs) => '\n' + vs.map((v) => `  - ${v}`).join('\n')),
          fc.array(scalar, { minLength: 1, maxLength: 3 }).map((vs) => '\n' + vs.map((v) => `- ${v}`).join('\n')),
          fc.array(fc.tuple(key, scalar), { minLength: 1, maxLength: 3 }).map((kvs) => '\n' + kvs.map(([k, v]) => `  ${k}: ${v}`).join('\n')),
          fc.array(fc.array(fc.tuple(key, scalar), { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 2 }).map(
            (items) => '\n' + items.map((kvs) => kvs.map(([k, v], i) => `${i === 0 ? '  - ' : '    '}${k}: ${v}`).join('\n')).join('\n'),
          ),
        ),
        fc.constantFrom('', ' ', '  '),
      ),
      { minLength: 1, maxLength: 6 },
    )
    let answered = 0
    fc.assert(
      fc.property(doc, fc.constantFrom('', 'Body.\n', '\nText\n---\nmore'), (entries, body) => {
        const text = `---\n${entries.map(([k, v, pad]) => `${k}:${v}${pad}`).join('\n')}\n---\n${body}`
        const fast = fastFrontMatter(text)
        if (fast !== undefined) {
          answered++
          expect(fast).toStrictEqual(reference(text))
        }
      }),
      { numRuns: 3000 },
    )
    // The property is only worth something if the fast path answers a fair share of the cases.
    expect(answered).toBeGreaterThan(300)
  })
})
