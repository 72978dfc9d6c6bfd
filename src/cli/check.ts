/** `feedstand check`: read every seed, print every problem and a summary; 1 when there is an error. */
import type { Config } from '../config.js'
import { buildCatalog } from '../catalog/build-catalog.js'
import { loadOutcomes } from '../pipeline.js'
import type { Io } from './io.js'
import { countProblems, formatProblem, summaryLine } from './report.js'

export async function runCheck(config: Config, io: Io, opts: { json: boolean }): Promise<number> {
  const nowMs = io.now()
  const outcomes = await loadOutcomes(config, nowMs)
  const catalog = buildCatalog(outcomes, { onlyPublished: config.onlyPublished, nowMs })
  const counts = countProblems(catalog.problems)
  if (opts.json) {
    io.out(JSON.stringify({ seeds: config.seedsDir, files: outcomes.length, articles: catalog.articles.length, ...counts, problems: catalog.problems }, null, 2))
  } else {
    for (const p of catalog.problems) io.out(formatProblem(p, config.seedsDir))
    io.out(summaryLine(catalog.articles.length, counts))
  }
  return counts.errors > 0 ? 1 : 0
}
