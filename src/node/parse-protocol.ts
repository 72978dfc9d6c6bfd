/** Messages between the main thread and the parse workers. Types only. */
import type { SeedOutcome } from '../catalog/build-catalog.js'
import type { SeedEntry } from '../load/read-seeds.js'
import type { NormalizeOptions } from '../normalize/normalize-article.js'

/** One file to read and parse. `knownHash`: the content hash of the cached outcome, if any. */
export interface ParseJob extends SeedEntry {
  knownHash?: string
}

/**
 * What reading and parsing one file gave. `same`: the bytes hash to `knownHash`, so the cached
 * outcome stands (no outcome sent). No `hash`: the file could not be read (the outcome says why).
 */
export interface ParseResult {
  file: string
  size: number
  mtimeMs: number
  hash?: string
  outcome?: SeedOutcome
  same?: true
}

export interface WorkerRequest {
  options: { maxFileBytes: number; normalize: NormalizeOptions }
}
