/**
 * Debounce for file events: collects the paths that may have changed and hands them over in
 * batches once they have been quiet for `quietMs`, so that a file being written is read after
 * its last write, and a rename (unlink + add) or a checkout of 500 files lands as one snapshot.
 *
 * Why not chokidar's `awaitWriteFinish`: it delays `add`/`change` but not `unlink`, which splits
 * a rename into two snapshots (the article would vanish for a moment), and it polls every file.
 * Why `quietMs` must exceed 50 ms: chokidar drops a `change` that comes within 50 ms of the
 * previous one for the same path (no trailing event), so only a flush later than that is sure to
 * read the last write.
 */

export interface SettleOptions {
  /** How long a path must see no event before it is handed over. */
  quietMs: number
  /** Under a steady stream of events, hand over the quiet paths at least this often. */
  maxWaitMs: number
}

export const DEFAULT_SETTLE: SettleOptions = { quietMs: 100, maxWaitMs: 500 }

export class Settler {
  private readonly pending = new Map<string, number>()
  private firstMs = 0
  private lastMs = 0
  private timer: NodeJS.Timeout | undefined
  private closed = false

  constructor(
    private readonly opts: SettleOptions,
    private readonly onBatch: (paths: string[]) => void,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Something happened to `path` (or may have): hand it over once it has been quiet. */
  touch(path: string): void {
    if (this.closed) return
    const t = this.now()
    if (this.pending.size === 0) this.firstMs = t
    this.pending.set(path, t)
    this.lastMs = t
    this.schedule()
  }

  /** Paths waiting to settle. */
  get size(): number {
    return this.pending.size
  }

  close(): void {
    this.closed = true
    clearTimeout(this.timer)
    this.pending.clear()
  }

  private schedule(): void {
    clearTimeout(this.timer)
    const at = Math.min(this.lastMs + this.opts.quietMs, this.firstMs + this.opts.maxWaitMs)
    this.timer = setTimeout(() => this.flush(), Math.max(0, at - this.now()))
  }

  private flush(): void {
    this.timer = undefined
    const t = this.now()
    const ready: string[] = []
    // 1 ms of slack: timers and performance.now() round differently.
    for (const [path, seen] of this.pending) if (t - seen >= this.opts.quietMs - 1) ready.push(path)
    for (const path of ready) this.pending.delete(path)
    if (this.pending.size > 0) {
      // Paths still being written wait for their own quiet period; a new max-wait window starts.
      this.firstMs = t
      this.lastMs = 0
      for (const seen of this.pending.values()) if (seen > this.lastMs) this.lastMs = seen
      this.schedule()
    }
    if (ready.length > 0) this.onBatch(ready)
  }
}
