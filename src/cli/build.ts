/**
 * `feedstand build`: every document into the output folder, atomically; problems to stderr.
 * `build --watch`: the same once, then the folder follows the seeds folder, file by file.
 */
import type { Config } from '../config.js'
import { Site } from '../documents/site.js'
import type { ChangeStats } from '../fs/write-changed.js'
import { LiveSite, type LiveUpdate } from '../live/live-site.js'
import { StaticOutput } from '../live/static-output.js'
import { nodeCompressor } from '../node/compress.js'
import { writeSite } from '../node/static-build.js'
import { defaultCacheDir } from '../cache/open.js'
import { loadCatalog } from '../loader/index.js'
import { notifyHub } from '../websub/index.js'
import type { Io } from './io.js'
import { countProblems, formatProblem, summaryLine } from './report.js'

export async function runBuild(config: Config, io: Io): Promise<number> {
  const started = performance.now()
  // Parsed seeds and the last build's manifest persist here: a rebuild parses and writes only what changed.
  const cacheDir = defaultCacheDir(config)
  const catalog = await loadCatalog(config, io.now(), undefined, { cacheDir })
  for (const p of catalog.problems) io.err(formatProblem(p, config.seedsDir))
  const counts = countProblems(catalog.problems)
  const site = new Site(catalog, { config, compressor: nodeCompressor() })
  const stats = await writeSite(site, config.outDir, { cacheDir })
  const seconds = ((performance.now() - started) / 1000).toFixed(2)
  io.err(`${summaryLine(catalog.articles.length, counts)}; wrote ${stats.files} files (${stats.bytes} bytes) to ${config.outDir} in ${seconds} s`)
  return config.strict && counts.errors > 0 ? 1 : 0
}

export interface WatchingBuild {
  live: LiveSite
  /** Called after each incremental write (tests wait on it); returns an unsubscribe function. */
  onWrite(fn: (stats: ChangeStats, update: LiveUpdate) => void): () => void
  /** Stops watching once the write in progress (if any) is done. */
  close(): Promise<void>
}

/**
 * The first build, then one incremental write per live update: only files whose bytes changed,
 * each atomically; files of documents that are gone are deleted. `--strict` does not apply:
 * a watching build keeps going and reports problems as they come.
 */
export async function runBuildWatch(config: Config, io: Io): Promise<WatchingBuild> {
  const output = new StaticOutput(config.outDir)
  const listeners = new Set<(stats: ChangeStats, update: LiveUpdate) => void>()
  // Updates wait for the first build: they write on top of it.
  let firstBuild!: (ok: boolean) => void
  const built = new Promise<boolean>((resolve) => (firstBuild = resolve))
  const afterSwap = async (u: LiveUpdate) => {
    if (!(await built)) return
    const started = performance.now()
    const stats = await output.update(u.prev, u.site)
    const ms = (performance.now() - started).toFixed(0)
    io.err(`build: wrote ${stats.written} files (${stats.bytes} bytes), deleted ${stats.deleted}, in ${config.outDir} in ${ms} ms`)
    for (const fn of listeners) fn(stats, u)
    // Told after the files are in place: the hub fetches them at once. In the background: retries take time.
    if (config.hubUrl) void notifyHub(u.prev, u.site, { log: (line) => io.err(line) })
  }
  const live = await LiveSite.start({ config, io, compressor: nodeCompressor(), afterSwap })
  try {
    const started = performance.now()
    const { catalog } = live.site
    for (const p of catalog.problems) io.err(formatProblem(p, config.seedsDir))
    const stats = await output.writeAll(live.site)
    const seconds = ((performance.now() - started) / 1000).toFixed(2)
    io.err(`${summaryLine(catalog.articles.length, countProblems(catalog.problems))}; wrote ${stats.files} files (${stats.bytes} bytes) to ${config.outDir} in ${seconds} s`)
    firstBuild(true)
  } catch (err) {
    firstBuild(false)
    await live.close()
    throw err
  }
  io.err(`Watching ${config.seedsDir} for changes; ${config.outDir} follows (Ctrl-C to stop)`)
  return {
    live,
    onWrite: (fn) => {
      listeners.add(fn)
      return () => listeners.delete(fn)
    },
    close: () => live.close(),
  }
}
