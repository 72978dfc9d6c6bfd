/** How problems are shown to people and to programs. */
import type { Problem } from '../types.js'

/** `seeds/x.md:3: bad-date: publishedDateTime "yesterday" is not a date`; warnings say so after the code. */
export function formatProblem(p: Problem, seedsDir: string): string {
  const where = `${seedsDir.replace(/\/+$/, '')}/${p.file}${p.line !== undefined ? `:${p.line}` : ''}`
  return `${where}: ${p.code}${p.severity === 'warning' ? ' (warning)' : ''}: ${p.message}`
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

export function summaryLine(articles: number, counts: ProblemCounts): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`
  return `${plural(articles, 'article')}, ${plural(counts.errors, 'error')}, ${plural(counts.warnings, 'warning')}`
}
