/**
 * seeds folder → seed outcomes: list, then answer each file from the cheapest place that can. A
 * file's outcome is reused while its (size, mtime) stays the same: from the in-process SeedCache,
 * then from the persistent cache (src/cache/) when one is given; a file whose stat changed is
 * read, and re-parsed (src/seed/) only if its bytes changed. Many files to parse are parsed on
 * worker threads (src/node/parse-pool.ts).
 */
import { eachBounded } from '../each-bounded.js'
import type { Config } from '../config.js'
import { readSeed, scanSeeds } from '../load/read-seeds.js'
import { openSeedStore } from '../cache/open.js'
import type { SeedRecord, SeedStore } from '../cache/seed-store.js'
import { WORKER_MIN_FILES, parseInWorkers, workerCount } from '../node/parse-pool.js'
import { normalizeOptions } from '../seed/process-seed.js'
import { runSeedJob, type SeedJob, type SeedJobResult, type SeedStepOptions } from '../seed/seed-job.js'
import type { SeedOutcome } from '../seed/seed-outcome.js'
import type { OnProgress } from '../progress.js'
import { SeedCache } from './seed-cache.js'
import { storedOutcomes } from './stored-outcomes.js'

export interface LoadOptions {
  /** Folder of the persistent cache (src/cache/); without one, only `cache` is reused. */
  cacheDir?: string
  /**
   * The persistent cache, already open (loadCachedOutcomes' store, whose articles read their bodies
   * from it): used instead of opening `cacheDir`'s, and left open.
   */
  store?: SeedStore
  /**
   * With `store`: an unchanged file's outcome comes from its light record, its article reading its
   * heavy fields from the store when rendered (src/cache/stored-article.ts), so the caller keeps
   * the store open until it is done with the articles. The build: a warm build renders only the
   * documents that changed, and needs no body of the others.
   */
  lazy?: boolean
  /** Parse threads: 0 parses on the calling thread; default one per core when there are many files. */
  workers?: number
  /**
   * Told, in one line, when the persistent cache held damaged records: they were discarded, their
   * seeds parsed again (the outcomes are what a load without cache gives) and the cache rewritten,
   * so the same damage is told once. Not a seed problem: it changes no output.
   */
  onNotice?: (line: string) => void
  /** Told as seeds are answered (from a cache or parsed), with the number of seeds in the folder. */
  onProgress?: OnProgress
}

/** Reads the seeds folder into outcomes (in file order), parsing only what no cache can answer. */
export async function loadOutcomes(config: Config, nowMs: number, cache = new SeedCache(), options: LoadOptions = {}): Promise<SeedOutcome[]> {
  const step: SeedStepOptions = { maxFileBytes: config.maxFileBytes, normalize: normalizeOptions(config, nowMs) }
  const [{ entries, skipped }, store] = await Promise.all([
    scanSeeds(config.seedsDir),
    options.store ?? (options.cacheDir === undefined ? undefined : openSeedStore(options.cacheDir, config)),
  ])
  const lazy = options.lazy && options.store ? lazyRecords(options.store, config, options.onNotice) : undefined
  const outcomes = new Map<string, SeedOutcome>()
  const records = new Map<string, SeedRecord>()
  const jobs: SeedJob[] = []
  for (const entry of entries) {
    const hit = cache.get(entry)
    if (hit) {
      outcomes.set(entry.file, hit)
      continue
    }
    const rec = lazy ? lazy(entry.file) : store?.get(entry.file)
    if (rec && rec.size === entry.size && rec.mtimeMs === entry.mtimeMs) outcomes.set(entry.file, rec.outcome)
    else jobs.push(rec ? { ...entry, knownHash: rec.hash } : entry)
    if (rec) records.set(entry.file, rec)
  }
  const total = entries.length
  const tick = options.onProgress && ((done: number) => options.onProgress!({ step: 'read', done: total - jobs.length + done, total }))
  tick?.(0)
  const results = await parse(jobs, step, options.workers, tick)
  const put: SeedRecord[] = []
  for (const r of results) {
    const rec = records.get(r.file)
    const outcome = r.same && rec ? rec.outcome : r.outcome!
    outcomes.set(r.file, outcome)
    if (r.hash !== undefined) put.push({ file: r.file, size: r.size, mtimeMs: r.mtimeMs, hash: r.hash, outcome })
  }
  for (const entry of entries) cache.set(entry, outcomes.get(entry.file)!)
  cache.retain(new Set(entries.map((e) => e.file)))
  if (store) {
    await save(store, put, entries, outcomes, options.store === undefined)
    // After the reads: a record's damage is found when it is read.
    if (store.damage.length > 0) options.onNotice?.(damageNotice(store))
  }
  // Skipped entries (symlinked folders, links out of the tree, FIFOs…) are reported like any bad seed.
  const all: SeedOutcome[] = entries.map((e) => outcomes.get(e.file)!)
  if (skipped.length === 0) return all
  return [...all, ...skipped.map((p) => ({ file: p.file, problems: [p] }))].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))
}

/** The records of `store` with stored articles (LoadOptions.lazy). */
function lazyRecords(store: SeedStore, config: Config, onNotice?: (line: string) => void): (file: string) => SeedRecord | undefined {
  const outcome = storedOutcomes(store, config, onNotice)
  return (file) => {
    const light = store.light(file, true)
    return light && { ...light, outcome: outcome(light) }
  }
}

/** Reads and parses `jobs`: on worker threads when there are many, else here, reads bounded. */
async function parse(jobs: readonly SeedJob[], step: SeedStepOptions, workers: number | undefined, tick?: (done: number) => void): Promise<SeedJobResult[]> {
  const threads = workers ?? (jobs.length >= WORKER_MIN_FILES ? workerCount() : 0)
  if (threads > 0 && jobs.length > 0) return parseInWorkers(jobs, step, threads, tick)
  const results: SeedJobResult[] = []
  await eachBounded(jobs, 64, async (job) => {
    results.push(runSeedJob(job, await readSeed(job, step.maxFileBytes), step.normalize))
    if (results.length % 256 === 0) tick?.(results.length)
  })
  return results
}

/** Stores what was parsed (and refreshed stats), drops the records and bodies of files gone, closes the store if it opened it. Best effort. */
async function save(store: SeedStore, put: SeedRecord[], entries: readonly { file: string }[], outcomes: ReadonlyMap<string, SeedOutcome>, close: boolean): Promise<void> {
  const inUse = new Set<string>()
  for (const o of outcomes.values()) if (o.article) inUse.add(o.article.hash)
  try {
    await store.save(put, new Set(entries.map((e) => e.file)), inUse)
    if (put.length > 0) await store.dropOtherKeys()
  } catch {
    // The cache is an optimisation: an unwritable one costs the next process a parse, nothing else.
  } finally {
    if (close) await store.close().catch(() => undefined)
  }
}

function damageNotice(store: SeedStore): string {
  return `cache: discarded damaged records in ${store.folder} (${store.damage.join('; ')}); their seeds were parsed again and the cache is rewritten`
}
