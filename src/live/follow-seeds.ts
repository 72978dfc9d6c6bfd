/**
 * Watcher events → settled batches of fresh outcomes, one batch at a time: the half of the live
 * machinery that talks to the disk. It knows nothing of catalogs or sites; its target applies
 * each batch (and is awaited before the next one is read).
 */
import { lstat } from 'node:fs/promises'
import { join } from 'node:path'
import type { SeedOutcome } from '../seed/seed-outcome.js'
import type { Config } from '../config.js'
import { isSeedPath, scanSeeds, seedsRoot } from '../load/read-seeds.js'
import { readChanges } from './read-changes.js'
import { Settler, type SettleOptions } from './settle.js'
import { watchSeeds, type SeedWatcher } from './watch-seeds.js'

export interface FollowTarget {
  /** Whether the file has an article now (its removal would unpublish something). */
  publishes(file: string): boolean
  /** Every file with an outcome under the folder `path` (for a folder that vanished): cheap when there is none. */
  filesUnder(path: string): Iterable<string>
  /** One batch: fresh outcome per file, `undefined` when it is gone. `startedMs` is performance.now() at hand-over. */
  apply(outcomes: Map<string, SeedOutcome | undefined>, startedMs: number): Promise<void>
  report(message: string): void
}

export class SeedFollower {
  private readonly queue = new Set<string>()
  /** Gone files whose removal already waited once (see deferForMoves). */
  private readonly deferred = new Set<string>()
  private readonly eventListeners = new Set<(path: string) => void>()
  private readonly settler: Settler
  private watcher: SeedWatcher | undefined
  private target: FollowTarget | undefined
  private running: Promise<void> | undefined
  private closed = false

  private constructor(
    private readonly config: Config,
    private readonly now: () => number,
    settle: SettleOptions,
  ) {
    this.settler = new Settler(settle, (paths) => this.enqueue(paths))
  }

  /**
   * Starts watching; batches wait until `attach` (events meanwhile are kept, not lost). A seeds
   * folder that is missing or unreadable is a ConfigError (nothing to serve); any other watcher
   * failure is reported and the process goes on serving without live updates (`watching` false).
   */
  static async start(config: Config, now: () => number, settle: SettleOptions, report: (m: string) => void): Promise<SeedFollower> {
    const f = new SeedFollower(config, now, settle)
    try {
      f.watcher = await watchSeeds(config.seedsDir, {
        event: (path) => f.onWatchEvent(path),
        error: (err) => (f.target?.report ?? report)(`live: watcher error: ${err.message}`),
      })
    } catch (err) {
      // The listing says why in its own words (missing, not a folder, cannot be read).
      await seedsRoot(config.seedsDir)
      report(`live: cannot watch ${config.seedsDir} (${(err as Error).message}); serving without live updates`)
    }
    return f
  }

  /** Whether changes are followed (false when the watcher could not start). */
  get watching(): boolean {
    return this.watcher !== undefined
  }

  attach(target: FollowTarget): void {
    this.target = target
    this.kick()
  }

  /** Re-read these files (the due timer uses it). */
  enqueue(paths: Iterable<string>): void {
    for (const p of paths) this.queue.add(p)
    this.kick()
  }

  onEvent(fn: (path: string) => void): () => void {
    this.eventListeners.add(fn)
    return () => this.eventListeners.delete(fn)
  }

  /** Paths waiting to settle or to be read. */
  get pending(): number {
    return this.settler.size + this.queue.size
  }

  async close(): Promise<void> {
    this.closed = true
    this.settler.close()
    await this.watcher?.close()
    await this.running
  }

  private touch(path: string): void {
    for (const fn of this.eventListeners) fn(path)
    this.settler.touch(path)
  }

  /**
   * Any event names a path to re-read (a seed, or an entry that is reported as skipped). A path
   * not named like a seed may also be a folder that came or went (moved, deleted, checked out):
   * `path/` is queued, and when the batch settles the folder is scanned if it is there now, or its
   * known seeds are re-read (they are gone) if not. Parcel reports a folder moved in as one event,
   * not its files, and a move (unlink here, add there) must land in one snapshot. An `update` of
   * a folder (its mode changed: an unreadable folder made readable) rescans it too; writes inside
   * a folder are not reported as updates of the folder, so this stays rare.
   */
  private onWatchEvent(path: string): void {
    this.touch(path)
    if (!isSeedPath(path)) this.settler.touch(path + '/')
  }

  private kick(): void {
    if (this.running || this.closed || !this.target || this.queue.size === 0) return
    const target = this.target
    this.running = this.runBatch(target)
      .catch((err: unknown) => target.report(`live: update failed: ${(err as Error).stack ?? String(err)}`))
      .finally(() => {
        this.running = undefined
        this.kick()
      })
  }

  private async runBatch(target: FollowTarget): Promise<void> {
    const started = performance.now()
    const queued = [...this.queue]
    this.queue.clear()
    const files = await this.expandFolders(target, queued)
    const read = await readChanges(this.config, files, this.now())
    for (const file of read.unsettled) this.touch(file)
    if (this.closed || read.outcomes.size === 0 || this.deferForMoves(target, queued, read.outcomes)) return
    await target.apply(read.outcomes, started)
  }

  /**
   * A batch that would unpublish a file's article waits one more settle period first (once),
   * with everything in it: the other half of a move (the add at the new path) can reach us later
   * than the unlink when the machine is busy, and a move must
   * land as one snapshot, not as a removal followed by a re-add.
   */
  private deferForMoves(target: FollowTarget, queued: readonly string[], outcomes: ReadonlyMap<string, unknown>): boolean {
    let defer = false
    for (const [file, o] of outcomes) {
      if (o !== undefined || this.deferred.has(file) || !target.publishes(file)) continue
      this.deferred.add(file)
      defer = true
    }
    if (defer) for (const path of queued) this.settler.touch(path)
    else for (const file of outcomes.keys()) this.deferred.delete(file)
    return defer
  }

  /** The queued paths with every `folder/` replaced by the seeds (and skipped entries) under it now, or known before. */
  private async expandFolders(target: FollowTarget, queued: readonly string[]): Promise<string[]> {
    const files = new Set<string>()
    for (const path of queued) {
      if (!path.endsWith('/')) {
        files.add(path)
        continue
      }
      const folder = path.slice(0, -1)
      const st = await lstat(join(this.config.seedsDir, folder)).catch(() => undefined)
      if (st?.isDirectory()) {
        // Watch before scanning: a file written in between is then either scanned or reported.
        await this.watcher?.addFolder(folder)
        const scan = await scanSeeds(this.config.seedsDir, folder).catch(() => undefined)
        for (const e of [...(scan?.entries ?? []), ...(scan?.skipped ?? [])]) files.add(e.file)
      } else {
        await this.watcher?.dropFolder(folder)
      }
      // Seeds known under it that are not there now (a folder replaced) are re-read as well.
      for (const file of target.filesUnder(folder)) files.add(file)
    }
    return [...files]
  }
}
