/** The in-process cache of seed outcomes, by (path, size, mtime), kept between loads of one process. */
import type { SeedEntry } from '../load/read-seeds.js'
import type { SeedOutcome } from '../seed/seed-outcome.js'

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
