/** How problems are shown to people and to programs: a leaf, read by cli/ (build, check, serve) and live/ (the update log). */
import type { Problem } from '../types.js'

/**
 * `seeds/x.md:3: bad-date: publishedDateTime "yesterday" is not a date`; warnings say so after
 * the code. Always one line: control characters in a file name or message (a seed can be named
 * anything) are written as `\xNN`, so they can neither split the line nor drive the terminal.
 */
export function formatProblem(p: Problem, seedsDir: string): string {
  const where = `${seedsDir.replace(/\/+$/, '')}/${p.file}${p.line !== undefined ? `:${p.line}` : ''}`
  return oneLine(`${where}: ${p.code}${p.severity === 'warning' ? ' (warning)' : ''}: ${p.message}`)
}

// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g

function oneLine(s: string): string {
  return s.replace(CONTROLS, (c) => {
    const code = c.charCodeAt(0)
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16)}`
  })
}

export interface ProblemCounts {
  errors: number
  warnings: number
}

export function countProblems(problems: readonly Problem[]): ProblemCounts {
  let errors = 0
  for (const p of problems) if (p.severity === 'error') errors++
  return { errors, warnings: problems.length - errors }
}

/** `1,000 articles, 2 errors, 1 warning`. */
export function summaryLine(articles: number, counts: ProblemCounts): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`
  return `${plural(articles, 'article')}, ${plural(counts.errors, 'error')}, ${plural(counts.warnings, 'warning')}`
}
