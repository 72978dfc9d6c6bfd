/**
 * `feedstand build`: every document into the output folder (in place when the last build's
 * manifest is valid, else a new tree swapped in atomically); problems to stderr.
 * `build --watch`: the same first build, then the folder follows the seeds folder, file by file.
 * Both write through the one output path, src/output/.
 */
import type { Config } from '../config.js'
import { Site } from '../documents/site.js'
import { LiveSite, type LiveUpdate } from '../live/live-site.js'
import { compressPool } from '../node/compress-pool.js'
import { nodePorts } from '../node/document-ports.js'
import { cacheDirOf, openSeedStore } from '../cache/open.js'
import { SiteOutput, type OutputStats } from '../output/index.js'
import { loadCatalog } from '../loader/index.js'
import { notifyHub } from '../websub/index.js'
import type { Io } from './io.js'
import { ProgressLine } from './progress-line.js'
import { countProblems, formatProblem, summaryLine } from './report.js'

export async function runBuild(config: Config, io: Io): Promise<number> {
  const started = performance.now()
  // Parsed seeds and the last build's manifest persist here: a rebuild parses and writes only what changed.
  const cacheDir = cacheDirOf(config)
  const progress = new ProgressLine(io)
  // Open for the whole build: unchanged articles read their bodies from it when rendered (LoadOptions.lazy).
  const store = await openSeedStore(cacheDir, config).catch(() => undefined)
  try {
    const catalog = await loadCatalog(config, io.now(), undefined, { cacheDir, ...(store && { store, lazy: true }), onNotice: (line) => io.err(line), onProgress: progress.tell })
    progress.clear()
    const site = new Site(catalog, { config, ...nodePorts() })
    await firstBuild(new SiteOutput(config.outDir, { cacheDir, onProgress: progress.tell }), site, config, io, started, progress)
    return config.strict && countProblems(catalog.problems).errors > 0 ? 1 : 0
  } finally {
    await store?.close().catch(() => undefined)
  }
}

/** The first build of both `build` and `build --watch`: problems, the write, the summary line. */
async function firstBuild(output: SiteOutput, site: Site, config: Config, io: Io, started: number, progress?: ProgressLine): Promise<OutputStats> {
  const { catalog } = site
  for (const p of catalog.problems) io.err(formatProblem(p, config.seedsDir))
  const compress = compressPool()
  const stats = await output.build(site, compress).finally(() => {
    progress?.clear()
    return compress.close()
  })
  const seconds = ((performance.now() - started) / 1000).toFixed(2)
  const repaired = stats.repaired > 0 ? `, repaired ${stats.repaired} documents that were not as the last build left them` : ''
  io.err(`${summaryLine(catalog.articles.length, countProblems(catalog.problems))}; wrote ${stats.files} files (${stats.bytes} bytes) to ${config.outDir} in ${seconds} s${repaired}`)
  return stats
}

/** What one incremental write of `build --watch` did. */
export interface ChangeStats {
  written: number
  deleted: number
  bytes: number
}

export interface WatchingBuild {
  live: LiveSite
  /** Called after each incremental write (tests wait on it); returns an unsubscribe function. */
  onWrite(fn: (stats: ChangeStats, update: LiveUpdate) => void): () => void
  /** Stops watching once the write in progress (if any) is done. */
  close(): Promise<void>
}

/**
 * The first build, then one incremental write per live update: only documents that changed,
 * staged then renamed into place; files of documents that are gone are deleted. A write that
 * fails is reported and its documents are written again by the next update. `--strict` does
 * not apply: a watching build keeps going and reports problems as they come.
 */
export async function runBuildWatch(config: Config, io: Io): Promise<WatchingBuild> {
  const output = new SiteOutput(config.outDir, { cacheDir: cacheDirOf(config) })
  const listeners = new Set<(stats: ChangeStats, update: LiveUpdate) => void>()
  // Updates wait for the first build: they write on top of it.
  let firstBuilt!: (ok: boolean) => void
  const built = new Promise<boolean>((resolve) => (firstBuilt = resolve))
  // The snapshot whose files are on disk and announced: a failed write leaves it in place, so the
  // next update that lands announces the failed one's heads too (they were not served before).
  let announced: Site | undefined
  const afterSwap = async (u: LiveUpdate) => {
    if (!(await built)) return
    const started = performance.now()
    let stats: OutputStats
    try {
      stats = await output.update(u.site)
    } catch (err) {
      io.err(`build: writing ${config.outDir} failed: ${(err as Error).message}; the documents of this update are written again with the next one`)
      return
    }
    const ms = (performance.now() - started).toFixed(0)
    io.err(`build: wrote ${stats.files} files (${stats.bytes} bytes), deleted ${stats.deletedFiles}, in ${config.outDir} in ${ms} ms`)
    const change = { written: stats.files, deleted: stats.deletedFiles, bytes: stats.bytes }
    for (const fn of listeners) fn(change, u)
    // Told after the files are in place: the hub fetches them at once. In the background: retries take time.
    const from = announced ?? u.prev
    announced = u.site
    if (config.hubUrl) void notifyHub(from, u.site, { log: (line) => io.err(line) })
  }
  const live = await LiveSite.start({ config, io, ...nodePorts(), afterSwap })
  try {
    // The snapshot written, not `live.site` after the write: an update may have swapped meanwhile.
    const first = live.site
    await firstBuild(output, first, config, io, performance.now())
    announced = first
    firstBuilt(true)
  } catch (err) {
    firstBuilt(false)
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
