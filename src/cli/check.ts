/**
 * `feedstand check [--seeds DIR] [--json]`: read every seed as `build` would, print every problem
 * (one line each, or one JSON document) and a summary; exit 1 when any seed has an error.
 */
import type { Config } from '../config.js'
import { buildCatalog } from '../catalog/build-catalog.js'
import { earliestDue, heldBack, resolveIds } from '../catalog/rules.js'
import { loadOutcomes } from '../loader/index.js'
import type { Problem } from '../types.js'
import type { Io } from './io.js'
import { countProblems, formatProblem, summaryLine } from './report.js'
import { seedPath } from './seed-path.js'

/** What `check --json` prints: stable keys, for pipelines. */
export interface CheckReport {
  seeds: string
  /** Seed files read. */
  files: number
  /** Articles that would be published now. */
  articles: number
  errors: number
  warnings: number
  /** Articles held back by a future date, and when the first of them is due (ISO 8601), if any. */
  heldBack: number
  nextDue: string | null
  /** `file` is the path the text output shows, `seeds/x.md` (seed-path.ts says why). */
  problems: Problem[]
}

export async function runCheck(config: Config, io: Io, opts: { json: boolean }): Promise<number> {
  const nowMs = io.now()
  const outcomes = await loadOutcomes(config, nowMs)
  const catalogOpts = { onlyPublished: config.onlyPublished, nowMs }
  const catalog = buildCatalog(outcomes, catalogOpts)
  const counts = countProblems(catalog.problems)
  if (opts.json) {
    // The catalog's own rules: winners only, and a draft under onlyPublished is never due.
    const held = heldBack(resolveIds(outcomes).winners.values(), catalogOpts)
    const due = earliestDue(held)
    const report: CheckReport = {
      seeds: config.seedsDir,
      files: outcomes.length,
      articles: catalog.articles.length,
      ...counts,
      heldBack: held.length,
      nextDue: due === undefined ? null : new Date(due).toISOString(),
      problems: catalog.problems.map((p) => ({ ...p, file: seedPath(config.seedsDir, p.file) })),
    }
    io.out(JSON.stringify(report, null, 2))
  } else {
    for (const p of catalog.problems) io.out(formatProblem(p, config.seedsDir))
    io.out(summaryLine(catalog.articles.length, counts))
  }
  return counts.errors > 0 ? 1 : 0
}
