/** `feedstand build`: every document into the output folder, atomically; problems to stderr. */
import type { Config } from '../config.js'
import { siteFiles } from '../build.js'
import { Site } from '../documents/site.js'
import { writeTreeAtomically } from '../fs/write-tree.js'
import { nodeCompressor } from '../node/compress.js'
import { loadCatalog } from '../pipeline.js'
import type { Io } from './io.js'
import { countProblems, formatProblem, summaryLine } from './report.js'

export async function runBuild(config: Config, io: Io): Promise<number> {
  const started = performance.now()
  const catalog = await loadCatalog(config, io.now())
  for (const p of catalog.problems) io.err(formatProblem(p, config.seedsDir))
  const counts = countProblems(catalog.problems)
  const site = new Site(catalog, { config, compressor: nodeCompressor() })
  const stats = await writeTreeAtomically(config.outDir, siteFiles(site))
  const seconds = ((performance.now() - started) / 1000).toFixed(2)
  io.err(`${summaryLine(catalog.articles.length, counts)}; wrote ${stats.files} files (${stats.bytes} bytes) to ${config.outDir} in ${seconds} s`)
  return config.strict && counts.errors > 0 ? 1 : 0
}
