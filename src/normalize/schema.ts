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

/** A plain-text field: must be a string (numbers are accepted as text); cleaned; fixes reported. */
export function readText(value: unknown, field: string, problems: Problems, opts: { required?: boolean } = {}): string | undefined {
  if (value === undefined || value === null) {
    if (opts.required) problems.error(field, `missing-${field}`, `${field} is missing`)
    return undefined
  }
  if (typeof value === 'number' && Number.isFinite(value)) value = String(value)
  if (typeof value !== 'string') {
    const msg = `${field} must be text, not ${describe(value)}`
    if (opts.required) problems.error(field, `bad-${field}`, msg)
    else problems.warn(field, `bad-${field}`, `${msg}; dropped`)
    return undefined
  }
  const { text, fixes } = cleanText(value)
  if (fixes.includes('mojibake')) problems.warn(field, 'mojibake', `${field} was mis-decoded text (UTF-8 read as Windows-1252); repaired`)
  if (fixes.includes('control-chars')) problems.warn(field, 'control-chars', `${field} had control characters or lone surrogates; removed`)
  if (text === '') {
    if (opts.required) problems.error(field, `missing-${field}`, `${field} is empty`)
    return undefined
  }
  return text
}

/** Walks a value with a node budget, so YAML aliases that expand to huge structures are refused cheaply. */
export function withinBudget(value: unknown, budget: number): boolean {
  const stack: unknown[] = [value]
  let seen = 0
  while (stack.length > 0) {
    const v = stack.pop()
    if (++seen > budget) return false
    if (v !== null && typeof v === 'object' && !(v instanceof Date)) {
      for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push(child)
    }
  }
  return true
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
