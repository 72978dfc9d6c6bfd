/**
 * Seed text → front-matter data + Markdown body, with gray-matter. YAML only: nothing in a seed
 * may ever execute, so every other engine is replaced by one that refuses, and a language tag
 * after the opening `---` is rejected before gray-matter sees the file.
 */
import matter from 'gray-matter'
import type { Problem } from '../types.js'
import { stripRawControls } from './raw-controls.js'

export interface ParsedSeed {
  data: Record<string, unknown>
  body: string
  /** The raw front-matter text, to find the line of a field for problem messages. */
  frontMatter: string
  /** What was fixed before parsing (raw control characters removed): warnings for the file. */
  warnings: Problem[]
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

const OPEN = /^---([^\n]*)\n/
const CLOSE = /\n---[ \t]*(\n|$)/

export type ParseResult = { ok: true; value: ParsedSeed } | { ok: false; problem: Problem }

/** Parses one decoded seed. Problems carry the file's line numbers (the `---` line is line 1). */
export function parseFrontMatter(file: string, text: string): ParseResult {
  const open = OPEN.exec(text)
  if (!open) {
    return fail(file, 1, 'no-front-matter', 'file does not start with a "---" front-matter block')
  }
  const language = open[1]!.trim()
  if (language !== '' && language.toLowerCase() !== 'yaml' && language.toLowerCase() !== 'yml') {
    return fail(file, 1, 'front-matter-language', `front matter is marked "${language.slice(0, 40)}"; only YAML is read, and nothing is ever executed`)
  }
  const close = CLOSE.exec(text.slice(open[0].length - 1))
  if (!close) {
    return fail(file, 1, 'unclosed-front-matter', 'front matter has no closing "---" line')
  }
  // YAML refuses raw control characters outright; removing them (with a warning) keeps the article.
  const end = open[0].length - 1 + close.index
  const cleaned = stripRawControls(file, text.slice(0, end))
  if (cleaned.warning) text = cleaned.text + text.slice(end)
  let parsed: { data: unknown; content: string; matter: string }
  try {
    // gray-matter reads the language from the `---` line itself; we checked it above.
    parsed = matter(text, MATTER_OPTIONS)
  } catch (err) {
    const e = err as { reason?: string; message: string; mark?: { line: number } }
    // The matter text starts with the rest of the `---` line, so its line 0 is file line 1.
    const line = e.mark ? e.mark.line + 1 : undefined
    return fail(file, line, 'yaml-syntax', `front matter is not valid YAML: ${e.reason ?? firstLine(e.message)}`)
  }
  const data = parsed.data as unknown
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return fail(file, 2, 'yaml-not-mapping', 'front matter must be a mapping of fields (key: value)')
  }
  const warnings = cleaned.warning ? [cleaned.warning] : []
  return { ok: true, value: { data: data as Record<string, unknown>, body: parsed.content, frontMatter: parsed.matter, warnings } }
}

function fail(file: string, line: number | undefined, code: string, message: string) {
  const problem: Problem = { file, code, severity: 'error', message }
  if (line !== undefined) problem.line = line
  return { ok: false as const, problem }
}

function firstLine(s: string): string {
  return s.split('\n', 1)[0]!
}

/** Index (in `frontMatter.split('\n')`) of the top-level line `key:`, and the file line of index 0. */
function findField(frontMatter: string, key: string): { lines: string[]; index: number; offset: number } {
  const lines = frontMatter.split('\n')
  // frontMatter starts right after the opening `---` line's newline (line 2 of the file),
  // but gray-matter keeps the newline that ended the `---` line, so index 0 is an empty line.
  const offset = lines[0] === '' ? 1 : 2
  const re = new RegExp(`^(['"]?)${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\1\\s*:`)
  return { lines, index: lines.findIndex((l) => re.test(l)), offset }
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
