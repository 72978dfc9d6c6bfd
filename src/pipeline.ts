/**
 * seeds folder → Catalog: list, read, decode, parse, normalize, build. Keeps a per-file cache
 * (path, size, mtime) so that a rebuild re-reads and re-parses only files that changed.
 */
import { createHash } from 'node:crypto'
import type { Config } from './config.js'
import type { Catalog } from './types.js'
import { decodeSeed } from './load/decode.js'
import { parseFrontMatter } from './load/parse-front-matter.js'
import { listSeeds, readSeed, type SeedEntry } from './load/read-seeds.js'
import { buildCatalog, type SeedOutcome } from './catalog/build-catalog.js'
import { normalizeArticle, type NormalizeOptions } from './normalize/normalize-article.js'

/** Bytes of one seed → its outcome. Pure: the same bytes and options always give the same outcome. */
export function processSeed(file: string, bytes: Uint8Array, opts: NormalizeOptions): SeedOutcome {
  const decoded = decodeSeed(file, bytes)
  if (!('text' in decoded)) return { file, problems: [decoded] }
  const parsed = parseFrontMatter(file, decoded.text)
  if (!parsed.ok) return { file, problems: [parsed.problem] }
  const hash = createHash('sha1').update(bytes).digest('hex')
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

/** Reads the seeds folder into outcomes, re-using the cache for files whose size and mtime did not change. */
export async function loadOutcomes(config: Config, nowMs: number, cache = new SeedCache()): Promise<SeedOutcome[]> {
  const entries = await listSeeds(config.seedsDir)
  const opts = normalizeOptions(config, nowMs)
  const outcomes = await Promise.all(
    entries.map(async (entry) => {
      const hit = cache.get(entry)
      if (hit) return hit
      const read = await readSeed(entry, config.maxFileBytes)
      const outcome = 'bytes' in read ? processSeed(entry.file, read.bytes, opts) : { file: entry.file, problems: [read] }
      cache.set(entry, outcome)
      return outcome
    }),
  )
  cache.retain(new Set(entries.map((e) => e.file)))
  return outcomes
}

/** The whole pipeline up to the snapshot. */
export async function loadCatalog(config: Config, nowMs: number, cache?: SeedCache): Promise<Catalog> {
  const outcomes = await loadOutcomes(config, nowMs, cache)
  return buildCatalog(outcomes, { onlyPublished: config.onlyPublished, nowMs })
}
