/**
 * Seed text → front-matter data + Markdown body, with gray-matter. YAML only: nothing in a seed
 * may ever execute, so every other engine is replaced by one that refuses, and a language tag
 * after the opening `---` is rejected before gray-matter sees the file. gray-matter only parses
 * the YAML: where the block ends is decided by front-matter-block.ts.
 */
import matter from 'gray-matter'
import { failed, ok } from '../problems/result.js'
import type { Problem, Result } from '../types.js'
import { checkBlock, findBlock } from './front-matter-block.js'
import { stripRawControls } from './raw-controls.js'
import { safeYamlReason } from './yaml-reason.js'

export interface ParsedSeed {
  data: Record<string, unknown>
  body: string
  /** The raw front-matter text, to find the line of a field for problem messages. */
  frontMatter: string
}

const refuse = (name: string) => () => {
  throw new Error(`front matter in ${name} is never evaluated`)
}

/**
 * Always passed to `matter()`: an options object turns off gray-matter's process-wide cache
 * (unbounded, and poisoned by a file that failed once), and these engines shadow the built-in
 * `javascript`/`coffee` ones, which call eval.
 */
export const MATTER_OPTIONS = {
  language: 'yaml',
  engines: Object.fromEntries(
    ['js', 'javascript', 'coffee', 'coffeescript', 'cson', 'json', 'toml'].map((name) => [name, { parse: refuse(name) }]),
  ),
}

/** What gray-matter gives for one block: the data, the block as it read it, and what it left as a body. */
export interface MatterBlock {
  data: unknown
  matter: string
  content: string
}

/**
 * gray-matter over one front-matter block (between two plain `---` lines). Throws js-yaml's error
 * when the block is not YAML. Exported for bench/parse.ts, which times this step on its own.
 */
export function matterBlock(block: string): MatterBlock {
  return matter(`---\n${block}\n---\n`, MATTER_OPTIONS)
}

/** The parsed seed and the warnings of parsing it, or the error that stopped it (one Result shape, src/types.ts). */
export type ParseResult = Result<ParsedSeed>

/**
 * Parses one decoded seed. Problems carry the file's line numbers (the `---` line is line 1).
 * Where the block ends is decided here (front-matter-block.ts), never by gray-matter: it is given
 * only the block, between two plain `---` lines, and the body is the text after our closing line.
 */
export function parseFrontMatter(file: string, text: string): ParseResult {
  const found = findBlock(text)
  if (!found.ok) return fail(file, found.line, found.code, found.message)
  const { language, body } = found.value
  if (language !== '' && language.toLowerCase() !== 'yaml' && language.toLowerCase() !== 'yml') {
    return fail(file, 1, 'front-matter-language', `front matter is marked "${language.slice(0, 40)}"; only YAML is read, and nothing is ever executed`)
  }
  // YAML refuses raw control characters outright; removing them (with a warning) keeps the article.
  const cleaned = stripRawControls(file, found.value.block, 2)
  const block = cleaned.text
  // After the removal: `\u0007---` would have become a line gray-matter closes on.
  const stray = checkBlock(block)
  if (stray) return fail(file, stray.line, stray.code, stray.message)
  let parsed: MatterBlock
  try {
    parsed = matterBlock(block)
  } catch (err) {
    const e = err as { reason?: string; message: string; mark?: { line: number } }
    // The matter text starts with the newline of the `---` line, so its line 0 is file line 1.
    const line = e.mark ? e.mark.line + 1 : undefined
    return fail(file, line, 'yaml-syntax', `front matter is not valid YAML: ${safeYamlReason(e.reason ?? firstLine(e.message))}`)
  }
  // gray-matter must have read exactly our block, and left nothing for a body of its own.
  if (parsed.content !== '' || (parsed.matter !== `\n${block}` && block.trim() !== '')) {
    return fail(file, 1, 'front-matter-delimiter', 'the front-matter block could not be delimited unambiguously; the block ends only at a line that is exactly "---"')
  }
  const data = parsed.data as unknown
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return fail(file, 2, 'yaml-not-mapping', 'front matter must be a mapping of fields (key: value)')
  }
  const warnings = cleaned.warning ? [cleaned.warning] : []
  // What was fixed before parsing (raw control characters removed) are the result's warnings.
  return ok({ data: data as Record<string, unknown>, body, frontMatter: `\n${block}` }, warnings)
}

function fail(file: string, line: number | undefined, code: string, message: string): ParseResult {
  const problem: Problem = { file, code, severity: 'error', message }
  if (line !== undefined) problem.line = line
  return failed(problem)
}

function firstLine(s: string): string {
  return s.split('\n', 1)[0]!
}

/**
 * The lines of the last front matter asked about, and one RegExp per key: every article asks for
 * two or more fields of the same front matter (its dates, then each problem's line), and splitting
 * it and compiling the pattern anew each time was 3 % of the seed step. Only a cache: the answers
 * are what splitting and compiling would give.
 */
let lastLines: { frontMatter: string; lines: string[] } | undefined
const KEY_PATTERNS = new Map<string, RegExp>()
const MAX_KEY_PATTERNS = 256

/** Index (in `frontMatter.split('\n')`) of the top-level line `key:`, and the file line of index 0. */
function findField(frontMatter: string, key: string): { lines: string[]; index: number; offset: number } {
  if (lastLines?.frontMatter !== frontMatter) lastLines = { frontMatter, lines: frontMatter.split('\n') }
  const { lines } = lastLines
  // frontMatter starts right after the opening `---` line's newline (line 2 of the file),
  // but gray-matter keeps the newline that ended the `---` line, so index 0 is an empty line.
  const offset = lines[0] === '' ? 1 : 2
  let re = KEY_PATTERNS.get(key)
  if (!re) {
    re = new RegExp(`^(['"]?)${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\1\\s*:`)
    if (KEY_PATTERNS.size < MAX_KEY_PATTERNS) KEY_PATTERNS.set(key, re)
  }
  // A match starts with a quote or with the key's first character: test only those lines.
  const first = key.length > 0 ? key.charCodeAt(0) : -1
  const index = lines.findIndex((l) => {
    const c = l.charCodeAt(0)
    return (first < 0 || c === first || c === 34 || c === 39) && re.test(l)
  })
  return { lines, index, offset }
}

/** 1-based file line of a top-level field in the front matter, if it is written as `key:`. */
export function fieldLine(frontMatter: string, key: string): number | undefined {
  const { index, offset } = findField(frontMatter, key)
  return index < 0 ? undefined : index + offset
}

/**
 * The source text of a top-level field's value when it is a plain scalar on the key's own line
 * (`publishedDateTime: 2024-03-13 00:59:00` → `2024-03-13 00:59:00`), comment removed. Lets a
 * reader see what YAML's own conversions (timestamps) threw away.
 */
export function fieldSource(frontMatter: string, key: string): string | undefined {
  const { lines, index } = findField(frontMatter, key)
  if (index < 0) return undefined
  const value = lines[index]!.replace(/^[^:]*:/, '').replace(/\s+#.*$/, '').trim()
  return value === '' ? undefined : value
}
