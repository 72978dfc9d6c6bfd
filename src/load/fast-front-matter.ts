/**
 * A fast path for `matter(text, MATTER_OPTIONS)` on the YAML that seeds are actually written in:
 * block mappings and sequences of simple keys, with single-line plain, single- or double-quoted
 * scalars. It gives exactly what gray-matter + js-yaml give — same `data`, `content` and
 * `matter` — or undefined the moment anything falls outside that subset (comments, anchors,
 * tags, flow collections, block or multi-line scalars, odd keys, duplicate keys, tabs, …), and
 * then the caller runs gray-matter. Errors are never produced here: a file js-yaml would refuse
 * always leaves this path, so every message and line number stays js-yaml's.
 *
 * Why: js-yaml is about a third of parsing a seed (~130 µs of ~400 µs per article on this
 * machine); this is about a tenth of that. Plain scalars are typed by js-yaml's own resolvers
 * (null, bool, int, float, timestamp, merge), so `2024-03-13T00:59:00Z` is a Date and `0x1F`
 * is 31 here as there. test/load/fast-front-matter.test.ts compares both on generated corpora.
 */
import { createRequire } from 'node:module'

interface ImplicitType {
  resolve(data: string): boolean
  construct(data: string): unknown
}

/** The very js-yaml gray-matter loads with (its own dependency, whatever version that is). */
const require = createRequire(import.meta.url)
const yaml = createRequire(require.resolve('gray-matter'))('js-yaml') as { DEFAULT_SAFE_SCHEMA: { compiledImplicit: ImplicitType[] } }

/** js-yaml's implicit types of the schema gray-matter loads with (safeLoad: DEFAULT_SAFE_SCHEMA), in its order. */
const IMPLICIT = yaml.DEFAULT_SAFE_SCHEMA.compiledImplicit

/**
 * js-yaml refuses the whole stream when it holds one of these (and treats NEL, LS, PS, CR and
 * tabs in ways this path does not follow): leave such files to it.
 */
const NON_PRINTABLE = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\uFFFE\uFFFF\u2028\u2029\uFEFF\t\r]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:[^\uD800-\uDBFF]|^)[\uDC00-\uDFFF]/
const CLOSE = '\n---'
const LEADING_SPACES = /^ */
const ONLY_SPACES = /^ *$/

export interface FastMatter {
  data: Record<string, unknown>
  content: string
  matter: string
}

/** gray-matter's `{data, content, matter}` for a seed in the common subset of YAML, or undefined. */
export function fastFrontMatter(text: string): FastMatter | undefined {
  // gray-matter: "---" then the language (none here) up to the line end, then up to the first "\n---".
  if (!text.startsWith('---\n')) return undefined
  const str = text.slice(3)
  const closeIndex = str.indexOf(CLOSE)
  if (closeIndex < 0) return undefined
  const matter = str.slice(0, closeIndex)
  if (NON_PRINTABLE.test(matter)) return undefined
  const data = parseBlock(matter)
  if (!data) return undefined
  let content = str.slice(closeIndex + CLOSE.length)
  if (content[0] === '\r') content = content.slice(1)
  if (content[0] === '\n') content = content.slice(1)
  return { data, content, matter }
}

interface Line {
  indent: number
  text: string
}

class Bail extends Error {}

/** The top-level mapping of a front-matter block, or undefined when it is not in the subset. */
function parseBlock(matter: string): Record<string, unknown> | undefined {
  const lines: Line[] = []
  let start = 0
  while (start <= matter.length) {
    let end = matter.indexOf('\n', start)
    if (end < 0) end = matter.length
    // Only spaces: YAML's white space is space and tab (no tabs here), not JavaScript's \s.
    let indent = start
    while (indent < end && matter.charCodeAt(indent) === 32) indent++
    let stop = end
    while (stop > indent && matter.charCodeAt(stop - 1) === 32) stop--
    if (stop > indent) lines.push({ indent: indent - start, text: matter.slice(indent, stop) })
    start = end + 1
  }
  if (lines.length === 0 || lines[0]!.indent !== 0) return undefined
  const state = { lines, at: 0 }
  try {
    const data = mapping(state, 0)
    return state.at === lines.length ? data : undefined
  } catch (err) {
    if (err instanceof Bail) return undefined
    throw err
  }
}

type State = { lines: Line[]; at: number }

function mapping(s: State, indent: number): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  while (s.at < s.lines.length) {
    const line = s.lines[s.at]!
    if (line.indent < indent) break
    if (line.indent > indent) throw new Bail()
    const colon = keyEnd(line.text)
    if (colon < 0) throw new Bail()
    const key = line.text.slice(0, colon)
    if (key === '__proto__' || Object.hasOwn(out, key)) throw new Bail()
    s.at++
    out[key] = value(s, line.text.slice(colon + 2), indent, true)
  }
  return out
}

/**
 * Where the colon of a simple key line (`key:` or `key: value`, key `[A-Za-z_][A-Za-z0-9_-]*`)
 * is, or -1. The value, if any, starts after the spaces that follow it.
 */
function keyEnd(text: string): number {
  const first = text.charCodeAt(0)
  if (!(isLetter(first) || first === 95)) return -1
  for (let i = 1; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 58) return i + 1 === text.length || text.charCodeAt(i + 1) === 32 ? i : -1
    if (!(isLetter(c) || (c >= 48 && c <= 57) || c === 95 || c === 45)) return -1
  }
  return -1
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122)
}

function sequence(s: State, indent: number): unknown[] {
  const out: unknown[] = []
  while (s.at < s.lines.length) {
    const line = s.lines[s.at]!
    if (line.indent < indent || !line.text.startsWith('- ')) break
    if (line.indent > indent) throw new Bail()
    const rest = line.text.slice(2)
    const item = rest.slice(LEADING_SPACES.exec(rest)![0].length)
    if (keyEnd(item) >= 0) {
      // "- key: value": a mapping whose keys sit at the column of this first key.
      s.lines[s.at] = { indent: line.indent + 2 + (rest.length - item.length), text: item }
      out.push(mapping(s, s.lines[s.at]!.indent))
    } else {
      s.at++
      out.push(value(s, item, indent, false))
    }
  }
  if (s.at < s.lines.length && s.lines[s.at]!.indent === indent && s.lines[s.at]!.text === '-') throw new Bail()
  return out
}

/** The value after `key:` (or `- `); `rest` empty means a nested block or null. */
function value(s: State, after: string, indent: number, inMapping: boolean): unknown {
  let skip = 0
  while (after.charCodeAt(skip) === 32) skip++
  const rest = skip === 0 ? after : after.slice(skip)
  const next = s.lines[s.at]
  if (rest === '') {
    if (next && next.indent > indent) return next.text.startsWith('- ') ? sequence(s, next.indent) : mapping(s, next.indent)
    // YAML lets a mapping's sequence value sit at the key's own indentation.
    if (inMapping && next && next.indent === indent && next.text.startsWith('- ')) return sequence(s, indent)
    if (next && next.indent === indent && next.text === '-') throw new Bail()
    return null
  }
  // A more indented line after a scalar would continue it (or be an error): not ours.
  if (next && next.indent > indent) throw new Bail()
  return scalar(rest)
}

function scalar(text: string): unknown {
  const c = text[0]!
  if (c === '"') return doubleQuoted(text)
  if (c === "'") return singleQuoted(text)
  if (text === '[]') return []
  if (text === '{}') return {}
  if ('[]{},#&*!|>%@`'.includes(c)) throw new Bail()
  if ((c === '-' || c === '?' || c === ':') && (text.length === 1 || text[1] === ' ')) throw new Bail()
  if (text.includes(' #') || text.includes(': ') || text.endsWith(':')) throw new Bail()
  for (const type of IMPLICIT) if (type.resolve(text)) return type.construct(text)
  return text
}

function singleQuoted(text: string): string {
  let out = ''
  let i = 1
  for (;;) {
    const q = text.indexOf("'", i)
    if (q < 0) throw new Bail()
    out += text.slice(i, q)
    if (text[q + 1] === "'") {
      out += "'"
      i = q + 2
      continue
    }
    if (!ONLY_SPACES.test(text.slice(q + 1))) throw new Bail()
    return out
  }
}

const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', '0': '\0', ' ': ' ' }

function doubleQuoted(text: string): string {
  let out = ''
  let i = 1
  for (;;) {
    const q = text.indexOf('"', i)
    const b = text.indexOf('\\', i)
    if (q < 0) throw new Bail()
    if (b < 0 || q < b) {
      out += text.slice(i, q)
      if (!ONLY_SPACES.test(text.slice(q + 1))) throw new Bail()
      return out
    }
    out += text.slice(i, b)
    const e = text[b + 1]
    if (e === 'u' || e === 'x') {
      const n = e === 'u' ? 4 : 2
      const hex = text.slice(b + 2, b + 2 + n)
      if (!/^[0-9A-Fa-f]+$/.test(hex) || hex.length !== n) throw new Bail()
      out += String.fromCharCode(parseInt(hex, 16))
      i = b + 2 + n
    } else {
      const ch = e === undefined ? undefined : ESCAPES[e]
      if (ch === undefined) throw new Bail()
      out += ch
      i = b + 2
    }
  }
}
