/**
 * The front-matter block ends only at a line that is exactly `---` (trailing blanks allowed);
 * a line gray-matter or YAML would end it on instead is an error at that line. And YAML error
 * messages never quote the source, so nothing of a `secured:` line reaches a problem.
 */
import fc from 'fast-check'
import matter from 'gray-matter'
import { describe, expect, it } from 'vitest'
import { MATTER_OPTIONS, parseFrontMatter } from '../../src/load/parse-front-matter.js'
import { checkBlock, findBlock } from '../../src/load/front-matter-block.js'
import { safeYamlReason } from '../../src/load/yaml-reason.js'
import { processSeed } from '../../src/seed/process-seed.js'

const OPTS = { maxExcerptLength: 2000, nowMs: Date.UTC(2026, 0, 1) }
const SECRET = 'c2VjcmV0-MARKER-91d2'
const head = 'title: t\npublishedDateTime: 2024-03-13T00:59:00Z\nwebUrl: https://example.com/t\n'

describe('the closing line', () => {
  it.each(['---x', '--- a', '----', '---#', '--- secured: x', '---\u00a0'])('%j inside the block is an error at its line', (line) => {
    const text = `---\n${head}${line}\nsecured: "${SECRET}"\n---\nbody\n`
    // Positive control: gray-matter alone ends the block there and hands `secured` over as the body.
    expect(matter(text, MATTER_OPTIONS).content).toContain(SECRET)
    const r = parseFrontMatter('x.md', text)
    expect(r.ok ? 'published' : r.problems[0]).toEqual({
      file: 'x.md', line: 5, code: 'front-matter-delimiter', severity: 'error',
      message: 'front matter line 5 starts with "---" but is not a closing line; the block ends only at a line that is exactly "---", so nothing of this file is published',
    })
  })

  it.each(['...', '... ', '...\t# end'])('a YAML document end %j inside the block is an error, even as its last line', (line) => {
    for (const text of [`---\n${head}${line}\nsecured: x\n---\n`, `---\n${head}${line}\n---\n`]) {
      expect(parseFrontMatter('x.md', text)).toMatchObject({ ok: false, problems: [{ code: 'front-matter-delimiter', line: 5 }] })
    }
    // `...x` is no marker for YAML nor for gray-matter: it is plain text (here, a YAML error).
    expect(parseFrontMatter('x.md', `---\n${head}...x\n---\n`)).toMatchObject({ ok: false, problems: [{ code: 'yaml-syntax' }] })
  })

  it('without a real closing line, a `---…` line is named rather than "unclosed"', () => {
    expect(parseFrontMatter('x.md', `---\n${head}---x\nbody\n`)).toMatchObject({ ok: false, problems: [{ code: 'front-matter-delimiter', line: 5 }] })
    expect(parseFrontMatter('x.md', `---\n${head}body\n`)).toMatchObject({ ok: false, problems: [{ code: 'unclosed-front-matter', line: 1 }] })
  })

  it.each(['---', '--- ', '---\t', '---  \t '])('%j closes the block; the body is what follows the line', (close) => {
    const r = parseFrontMatter('x.md', `---\n${head}${close}\n# Body\n---\nmore\n`)
    expect(r.ok).toBe(true)
    if (r.ok) expect([r.value.data.title, r.value.body]).toEqual(['t', '# Body\n---\nmore\n'])
  })

  it('a control character cannot turn a line into a delimiter behind the check', () => {
    const r = parseFrontMatter('x.md', `---\n${head}\u0007---\nsecured: "${SECRET}"\n---\nbody\n`)
    expect(r.ok ? 'published' : r.problems[0]!.code).toBe('front-matter-delimiter')
  })

  it('CRLF, lone CR and a BOM are read as line ends before the rule applies', () => {
    for (const eol of ['\r\n', '\r']) {
      const text = `\ufeff---${eol}${head.replaceAll('\n', eol)}---x${eol}secured: "${SECRET}"${eol}---${eol}body${eol}`
      const o = processSeed('x.md', new TextEncoder().encode(text), OPTS)
      expect(o.article, JSON.stringify(eol)).toBeUndefined()
      expect(o.problems).toMatchObject([{ code: 'front-matter-delimiter', line: 5 }])
    }
  })
})

describe('YAML error messages', () => {
  it.each([
    [`secured: !<tag:${SECRET}> x`, 'unknown tag !<…>'],
    [`secured: !${SECRET} x`, 'unknown tag !<…>'],
    // A tag handle is letters and dashes only (js-yaml's PATTERN_TAG_HANDLE).
    [`secured: !${SECRET.replace(/[^a-z-]/gi, '')}!x y`, 'undeclared tag handle "…"'],
    [`secured: *${SECRET}`, 'unidentified alias "…"'],
    [`secured: !<a${SECRET}{> y`, 'tag name cannot contain such characters'],
  ])('%j: the message quotes none of the line', (line, reason) => {
    const o = processSeed('x.md', new TextEncoder().encode(`---\n${head}${line}\n---\n`), OPTS)
    expect(o.problems).toMatchObject([{ code: 'yaml-syntax', line: 5, message: `front matter is not valid YAML: ${reason}` }])
    expect(JSON.stringify(o)).not.toContain('MARKER')
  })

  it('keeps the words that come from js-yaml itself, and the well-known tags', () => {
    expect(safeYamlReason('unknown tag !<tag:yaml.org,2002:js/function>')).toBe('unknown tag !<tag:yaml.org,2002:js/function>')
    expect(safeYamlReason('unknown tag !<tag:yaml.org,2002:mine>')).toBe('unknown tag !<…>')
    expect(safeYamlReason('unacceptable node kind for !<x> tag; it should be "scalar", not "mapping"')).toBe(
      'unacceptable node kind for !<…> tag; it should be "scalar", not "mapping"',
    )
    expect(safeYamlReason('bad indentation of a mapping entry')).toBe('bad indentation of a mapping entry')
  })
})

describe('finding the block without splitting the file into lines', () => {
  /** The rule read literally, line by line (what findBlock and checkBlock did before they scanned with indexOf). */
  function byLines(text: string): unknown {
    const open = /^---([^\n]*)\n/.exec(text)
    if (!open) return 'no-front-matter'
    const lines = text.slice(open[0].length).split('\n')
    const close = lines.findIndex((l) => /^---[ \t]*$/.test(l))
    if (close < 0) return lines.some((l) => l.startsWith('---')) ? 'stray' : 'unclosed'
    const block = lines.slice(0, close).join('\n')
    const stray = block.split('\n').findIndex((l) => /^(?:---|\.\.\.(?:[ \t]|$))/.test(l))
    return { language: open[1]!.trim(), block, body: lines.slice(close + 1).join('\n'), stray: stray < 0 ? undefined : stray + 2 }
  }
  const LINES = ['---', '--- ', '---\t', '---x', '----', '--- a', '...', '... ', '...x', 'a: 1', '', ' ---', 'x---', '\r', '---\r']

  it('agrees with the line-by-line reading on every arrangement of delimiter-like lines', () => {
    fc.assert(fc.property(fc.constantFrom('---', '---yaml', '--- ', '--'), fc.array(fc.constantFrom(...LINES), { maxLength: 12 }), fc.boolean(), (open, lines, eol) => {
      const text = `${open}\n${lines.join('\n')}${eol ? '\n' : ''}`
      const found = findBlock(text)
      const got = found.ok
        ? { ...found.value, stray: checkBlock(found.value.block)?.line }
        : found.code === 'no-front-matter' ? 'no-front-matter' : found.code === 'unclosed-front-matter' ? 'unclosed' : 'stray'
      expect(got).toEqual(byLines(text))
    }), { numRuns: 3000 })
  })
})
