/**
 * seeds folder → Catalog: list, read, decode, parse, normalize, build. A file's outcome is
 * reused while its (size, mtime) stays the same: from the in-process SeedCache, then from the
 * persistent cache (src/cache/) when one is given; a file whose stat changed is read, and
 * re-parsed only if its bytes changed. Many files to parse are parsed on worker threads.
 */
import { createHash } from 'node:crypto'
import { serialize } from 'node:v8'
import type { Config } from './config.js'
import type { Catalog } from './types.js'
import { decodeSeed } from './load/decode.js'
import { parseFrontMatter } from './load/parse-front-matter.js'
import { readSeed, scanSeeds, type SeedEntry } from './load/read-seeds.js'
import { buildCatalog, type SeedOutcome } from './catalog/build-catalog.js'
import { normalizeArticle, type NormalizeOptions } from './normalize/normalize-article.js'
import { openSeedStore } from './cache/open.js'
import type { SeedRecord, SeedStore, ShardWriter } from './cache/seed-store.js'
import type { ParseJob, ParseResult } from './node/parse-protocol.js'
import { WORKER_MIN_FILES, parseInWorkers, workerCount } from './node/parse-pool.js'

/** Hash of a seed's bytes: the cache key of everything derived from it. */
export function hashSeed(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('hex')
}

/** Bytes of one seed → its outcome. Pure: the same bytes and options always give the same outcome. */
export function processSeed(file: string, bytes: Uint8Array, opts: NormalizeOptions): SeedOutcome {
  return processSeedHashed(file, bytes, hashSeed(bytes), opts)
}

/** `processSeed` when the caller already has the bytes' hash. */
export function processSeedHashed(file: string, bytes: Uint8Array, hash: string, opts: NormalizeOptions): SeedOutcome {
  const decoded = decodeSeed(file, bytes)
  if (!('text' in decoded)) return { file, problems: [decoded] }
  const parsed = parseFrontMatter(file, decoded.text)
  if (!parsed.ok) return { file, problems: [parsed.problem] }
  const result = normalizeArticle(file, hash, parsed.value, opts)
  return result.ok ? { file, article: result.value, problems: result.problems } : { file, problems: result.problems }
}

interface Cached {
  size: number
  mtimeMs: number
  outcome: SeedOutcome
}

/** Remembers each file's outcome by (path, size, mtime) between loads. */
export class SeedCache {
  private readonly entries = new Map<string, Cached>()

  get(entry: SeedEntry): SeedOutcome | undefined {
    const c = this.entries.get(entry.file)
    return c && c.size === entry.size && c.mtimeMs === entry.mtimeMs ? c.outcome : undefined
  }
  set(entry: { file: string; size: number; mtimeMs: number }, outcome: SeedOutcome): void {
    this.entries.set(entry.file, { size: entry.size, mtimeMs: entry.mtimeMs, outcome })
  }
  /** Forget files that are gone. */
  retain(files: ReadonlySet<string>): void {
    for (const file of this.entries.keys()) if (!files.has(file)) this.entries.delete(file)
  }
}

export function normalizeOptions(config: Config, nowMs: number): NormalizeOptions {
  return { maxExcerptLength: config.maxExcerptLength, nowMs }
}

export interface LoadOptions {
  /** Folder of the persistent cache (src/cache/); without one, only `cache` is reused. */
  cacheDir?: string
  /** Parse threads: 0 parses on the calling thread; default one per core when there are many files. */
  workers?: number
}

/** Reads the seeds folder into outcomes (in file order), parsing only what no cache can answer. */
export async function loadOutcomes(config: Config, nowMs: number, cache = new SeedCache(), options: LoadOptions = {}): Promise<SeedOutcome[]> {
  const opts = normalizeOptions(config, nowMs)
  const [{ entries, skipped }, store] = await Promise.all([
    scanSeeds(config.seedsDir),
    options.cacheDir === undefined ? undefined : openSeedStore(options.cacheDir, config),
  ])
  const outcomes = new Map<string, SeedOutcome>()
  const records = new Map<string, SeedRecord>()
  const jobs: ParseJob[] = []
  for (const entry of entries) {
    const hit = cache.get(entry)
    const rec = store?.get(entry.file)
    if (hit) outcomes.set(entry.file, hit)
    else if (rec && rec.size === entry.size && rec.mtimeMs === entry.mtimeMs) outcomes.set(entry.file, rec.outcome)
    else jobs.push(rec ? { ...entry, knownHash: rec.hash } : entry)
    if (rec) records.set(entry.file, rec)
  }
  const writer = store && jobs.length > 0 ? await store.writer().catch(() => undefined) : undefined
  const results = await parse(jobs, { maxFileBytes: config.maxFileBytes, normalize: opts }, options.workers, writer)
  const refreshed: SeedRecord[] = []
  for (const r of results) {
    const rec = records.get(r.file)
    const outcome = r.same && rec ? rec.outcome : r.outcome!
    outcomes.set(r.file, outcome)
    if (r.hash === undefined) records.delete(r.file)
    else {
      const updated = { file: r.file, size: r.size, mtimeMs: r.mtimeMs, hash: r.hash, outcome }
      records.set(r.file, updated)
      if (r.same) refreshed.push(updated)
    }
  }
  for (const entry of entries) cache.set(entry, outcomes.get(entry.file)!)
  cache.retain(new Set(entries.map((e) => e.file)))
  if (store) await save(store, writer, refreshed, [...records.values()], entries.length)
  // Skipped entries (symlinked folders, links out of the tree, FIFOs…) are reported like any bad seed.
  const all: SeedOutcome[] = entries.map((e) => outcomes.get(e.file)!)
  if (skipped.length === 0) return all
  return [...all, ...skipped.map((p) => ({ file: p.file, problems: [p] }))].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))
}

/** Reads and parses `jobs`: on worker threads when there are many, else here, reads bounded. */
async function parse(
  jobs: readonly ParseJob[],
  options: { maxFileBytes: number; normalize: NormalizeOptions },
  workers: number | undefined,
  writer: ShardWriter | undefined,
): Promise<ParseResult[]> {
  const threads = workers ?? (jobs.length >= WORKER_MIN_FILES ? workerCount() : 0)
  if (threads > 0 && jobs.length > 0) {
    return parseInWorkers(jobs, options, threads, writer && ((chunk) => writer.add(chunk)))
  }
  const results: ParseResult[] = []
  let next = 0
  const worker = async () => {
    for (let job = jobs[next++]; job !== undefined; job = jobs[next++]) results.push(await parseHere(job, options))
  }
  await Promise.all(Array.from({ length: Math.min(64, jobs.length) }, worker))
  if (writer && results.length > 0) writer.add(serialize(results))
  return results
}

async function parseHere(job: ParseJob, options: { maxFileBytes: number; normalize: NormalizeOptions }): Promise<ParseResult> {
  return parseResult(job, await readSeed(job, options.maxFileBytes), options.normalize)
}

/**
 * One job's result from what reading it gave: its problem, "same" when the bytes hash to the
 * cached hash, or a fresh outcome. Shared by this thread and the parse workers.
 */
export function parseResult(job: ParseJob, read: Awaited<ReturnType<typeof readSeed>>, normalize: NormalizeOptions): ParseResult {
  if (!('bytes' in read)) return { file: job.file, size: job.size, mtimeMs: job.mtimeMs, outcome: { file: job.file, problems: [read] } }
  const hash = hashSeed(read.bytes)
  const base = { file: job.file, size: read.size, mtimeMs: job.mtimeMs, hash }
  return hash === job.knownHash ? { ...base, same: true } : { ...base, outcome: processSeedHashed(job.file, read.bytes, hash, normalize) }
}

/** Commits the new shard (and the refreshed stats), compacting when the shards carry too much dead weight. Best effort. */
async function save(store: SeedStore, writer: ShardWriter | undefined, refreshed: SeedRecord[], live: SeedRecord[], files: number): Promise<void> {
  try {
    if (writer && refreshed.length > 0) writer.add(serialize(refreshed))
    if (store.needsCompaction(files, writer ? 1 : 0)) {
      await writer?.abort()
      await store.compact(live)
    } else if (writer) {
      await writer.commit()
    }
    if (writer) await store.dropOtherKeys()
  } catch {
    await writer?.abort().catch(() => undefined)
  }
}

/** The whole pipeline up to the snapshot. */
export async function loadCatalog(config: Config, nowMs: number, cache?: SeedCache, options?: LoadOptions): Promise<Catalog> {
  const outcomes = await loadOutcomes(config, nowMs, cache, options)
  return buildCatalog(outcomes, { onlyPublished: config.onlyPublished, nowMs })
}
