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
  /**
   * Outcomes told with `setLater` (a start from the cache), entered in the map on the next
   * get, set or retain: 100k map entries cost ~90 ms of the start (a profile at 100k), and the
   * first lookup comes after the first answer, when the server catches up with the folder.
   */
  private pending: { sizes: number[]; mtimes: number[]; outcomes: SeedOutcome[] } = { sizes: [], mtimes: [], outcomes: [] }

  get(entry: SeedEntry): SeedOutcome | undefined {
    this.settle()
    const c = this.entries.get(entry.file)
    return c && c.size === entry.size && c.mtimeMs === entry.mtimeMs ? c.outcome : undefined
  }
  set(entry: { file: string; size: number; mtimeMs: number }, outcome: SeedOutcome): void {
    this.settle()
    this.entries.set(entry.file, { size: entry.size, mtimeMs: entry.mtimeMs, outcome })
  }
  /** As `set`, for an outcome of `entry.file` (its `file` is the path), entered in the map when it is next used. */
  setLater(entry: { size: number; mtimeMs: number }, outcome: SeedOutcome): void {
    this.pending.sizes.push(entry.size)
    this.pending.mtimes.push(entry.mtimeMs)
    this.pending.outcomes.push(outcome)
  }
  /** Forget files that are gone. */
  retain(files: ReadonlySet<string>): void {
    this.settle()
    for (const file of this.entries.keys()) if (!files.has(file)) this.entries.delete(file)
  }

  private settle(): void {
    const { sizes, mtimes, outcomes } = this.pending
    if (outcomes.length === 0) return
    this.pending = { sizes: [], mtimes: [], outcomes: [] }
    for (let i = 0; i < outcomes.length; i++) this.entries.set(outcomes[i]!.file, { size: sizes[i]!, mtimeMs: mtimes[i]!, outcome: outcomes[i]! })
  }
}
