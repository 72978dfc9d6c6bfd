/**
 * Field readers for front matter: each takes an unknown value, returns the typed value or
 * undefined, and reports what was wrong through the collector. They never throw.
 */
import type { Problem, Severity } from '../types.js'
import { fieldLine } from '../load/parse-front-matter.js'
import { describe } from './dates.js'
import { cleanText } from './text.js'

/** Collects the problems of one file, pinning each to the line of its top-level field. */
export class Problems {
  readonly list: Problem[] = []
  constructor(
    private readonly file: string,
    private readonly frontMatter: string,
  ) {}

  add(severity: Severity, field: string | undefined, code: string, message: string): void {
    const p: Problem = { file: this.file, code, severity, message }
    if (field !== undefined) {
      p.field = field
      const line = fieldLine(this.frontMatter, field.split(/[.[]/, 1)[0]!)
      if (line !== undefined) p.line = line
    }
    this.list.push(p)
  }
  error(field: string | undefined, code: string, message: string): void {
    this.add('error', field, code, message)
  }
  warn(field: string | undefined, code: string, message: string): void {
    this.add('warning', field, code, message)
  }
  get hasErrors(): boolean {
    return this.list.some((p) => p.severity === 'error')
  }
}

export interface TextOptions {
  /** Missing, empty or non-text is an error (`missing-…`, `bad-…`); otherwise a warning and the value is dropped. */
  required?: boolean
  /**
   * The stable name in the problem code (`bad-topic`), when the field path carries an index or a
   * parent (`topics[2]`, `related[0].title`) that must not leak into the code. Default: `field`.
   */
  code?: string
}

/** A plain-text field: must be a string (numbers are accepted as text); cleaned; fixes reported. */
export function readText(value: unknown, field: string, problems: Problems, opts: TextOptions = {}): string | undefined {
  const code = opts.code ?? field
  if (value === undefined || value === null) {
    if (opts.required) problems.error(field, `missing-${code}`, `${field} is missing`)
    return undefined
  }
  if (typeof value === 'number' && Number.isFinite(value)) value = String(value)
  if (typeof value !== 'string') {
    const msg = `${field} must be text, not ${describe(value)}`
    if (opts.required) problems.error(field, `bad-${code}`, msg)
    else problems.warn(field, `bad-${code}`, `${msg}; dropped`)
    return undefined
  }
  const { text, fixes } = cleanText(value)
  if (fixes.includes('mojibake')) problems.warn(field, 'mojibake', `${field} was mis-decoded text (UTF-8 read as Windows-1252); repaired`)
  if (fixes.includes('control-chars')) problems.warn(field, 'control-chars', `${field} had control characters or lone surrogates; removed`)
  if (text === '') {
    if (opts.required) problems.error(field, `missing-${code}`, `${field} is empty`)
    return undefined
  }
  return text
}

export interface Budget {
  /** Values visited, counting every use of an alias again (as any reader of the data would). */
  nodes: number
  /** Characters of all string values, counted the same way. */
  chars: number
}

/**
 * Walks a value within a budget and says what it exceeded, if anything. YAML aliases are shared
 * references: a 1 KB file can describe billions of values (or a list that contains itself), and
 * one long string repeated through aliases can multiply the output. The walk stops as soon as the
 * budget is spent, so its cost is bounded whatever the data.
 */
export function overBudget(value: unknown, budget: Budget): 'nodes' | 'chars' | undefined {
  const stack: unknown[] = [value]
  // Counted when pushed, not when popped: one wide list reached through many aliases must not
  // fill the stack before the count catches up.
  let nodes = 1
  let chars = 0
  while (stack.length > 0) {
    const v = stack.pop()
    if (typeof v === 'string' && (chars += v.length) > budget.chars) return 'chars'
    if (v === null || typeof v !== 'object' || v instanceof Date) continue
    const children = Array.isArray(v) ? v : Object.keys(v)
    if ((nodes += children.length) > budget.nodes) return 'nodes'
    if (Array.isArray(v)) for (const child of v) stack.push(child)
    else for (const key of children as string[]) stack.push((v as Record<string, unknown>)[key])
  }
  return undefined
}

export function asList(value: unknown): unknown[] | undefined {
  return Array.isArray(value) ? value : undefined
}

export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date)
    ? (value as Record<string, unknown>)
    : undefined
}

export function positiveInt(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 && value < 1e6 ? value : undefined
}
