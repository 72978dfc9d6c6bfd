/**
 * One file's trip through the seed step as the loader and the parse workers run it: a job (the
 * listed file, plus the content hash of its cached outcome, if any), what reading it gave, and the
 * job's result. Pure: the reading is done by the caller.
 */
import type { SeedBytes, SeedEntry } from '../load/read-seeds.js'
import type { NormalizeOptions } from '../normalize/normalize-article.js'
import type { Result } from '../types.js'
import { hashSeed, processSeedHashed } from './process-seed.js'
import type { SeedOutcome } from './seed-outcome.js'

/** One file to read and parse. `knownHash`: the content hash of the cached outcome, if any. */
export interface SeedJob extends SeedEntry {
  knownHash?: string
}

/**
 * What reading and parsing one file gave. `same`: the bytes hash to `knownHash`, so the cached
 * outcome stands (no outcome sent). No `hash`: the file could not be read (the outcome says why).
 */
export interface SeedJobResult {
  file: string
  size: number
  mtimeMs: number
  hash?: string
  outcome?: SeedOutcome
  same?: true
}

/** What running a job needs besides the job: the size limit of a read and the normalize settings. */
export interface SeedStepOptions {
  maxFileBytes: number
  normalize: NormalizeOptions
}

/**
 * One job's result from what reading it gave: its problem, "same" when the bytes hash to the
 * cached hash, or a fresh outcome. Shared by the loader's thread and the parse workers.
 */
export function runSeedJob(job: SeedJob, read: Result<SeedBytes>, normalize: NormalizeOptions): SeedJobResult {
  if (!read.ok) return { file: job.file, size: job.size, mtimeMs: job.mtimeMs, outcome: { file: job.file, problems: read.problems } }
  const { bytes, size } = read.value
  const hash = hashSeed(bytes)
  const base = { file: job.file, size, mtimeMs: job.mtimeMs, hash }
  return hash === job.knownHash ? { ...base, same: true } : { ...base, outcome: processSeedHashed(job.file, bytes, hash, normalize) }
}
