/**
 * A Site that follows the seeds folder: watch → settle → read the changed files (follow-seeds.ts)
 * → incremental catalog → new Site reusing every unchanged document → one reference swapped.
 * Requests read `site` once, so each sees the old snapshot or the new one, never a mix. Updates
 * run one at a time, in order; a timer re-reads held-back (future-dated) articles when they are due.
 *
 * With a persistent cache (`cacheDir`), the first snapshot is what the cache holds (the state the
 * last build or run left), served before the seeds folder is listed; then the folder is listed and
 * stat-ed in the background, and every file that changed since (or came, or went) is handed to
 * the follower, which reads and applies it like any watched change, in order with them.
 */
import type { SeedOutcome } from '../seed/seed-outcome.js'
import { CatalogIndex } from '../catalog/update-catalog.js'
import type { Io } from '../io.js'
import type { Config } from '../config.js'
import type { DocumentPorts } from '../documents/document.js'
import { Site } from '../documents/site.js'
import { loadCachedOutcomes, loadOutcomes, SeedCache } from '../loader/index.js'
import type { OnProgress } from '../progress.js'
import type { DocKey } from '../paths.js'
import type { SeedStore } from '../cache/seed-store.js'
import { SeedFollower } from './follow-seeds.js'
import { LiveCatalog, type AppliedChanges } from './live-catalog.js'
import { logUpdate } from './log-update.js'
import { DEFAULT_SETTLE, type SettleOptions } from './settle.js'

export interface LiveOptions extends DocumentPorts {
  config: Config
  io: Io
  settle?: Partial<SettleOptions>
  /** Run after each swap and awaited before the next update: static writes, WebSub pings. */
  afterSwap?: (update: LiveUpdate) => Promise<void> | void
  /** Folder of the persistent cache (src/cache/): start from what it holds, then catch up with the seeds folder. */
  cacheDir?: string
  /** Told as the first load reads seeds (not the catching up, which runs while serving). */
  onProgress?: OnProgress
}

/** How the first snapshot was made. */
export interface LiveStart {
  /** From the cache (then catching up follows), or from the seeds folder. */
  from: 'cache' | 'seeds'
  /** From `start` being called to the first snapshot being ready. */
  readyMs: number
  /** Resolves when catching up is done (at once for a start from the seeds folder). */
  caughtUp: Promise<void>
}

export interface LiveUpdate {
  /** 1 for the first update after start. */
  seq: number
  prev: Site
  site: Site
  changes: AppliedChanges
  /** From the batch being handed over (files settled) to the new snapshot being served. */
  tookMs: number
}

/**
 * Renders one document while warming; a document that cannot be rendered now (a stored body gone
 * and its seed changed since: the next snapshot has it) is left to its request, which reports it.
 */
function warmOne(site: Site, key: DocKey): void {
  try {
    site.get(key)
  } catch {
    // Told by the body source, once per file.
  }
}

/**
 * Bytes of item fragments a live site keeps (src/render/fragments.ts): the heads are kept as bytes,
 * so fragments serve only re-renders (a live update's heads: the global one and the article's
 * scopes', maxItems items each; pages and archives asked for). Unbounded they were ~87 MB at 100k.
 */
const FRAGMENT_BYTES = 16 * 1024 * 1024

/** setTimeout's ceiling (about 24.8 days); a later due date re-arms when the timer fires. */
const MAX_TIMER_MS = 2 ** 31 - 1

export class LiveSite {
  private current: Site
  private readonly listeners = new Set<(u: LiveUpdate) => void>()
  private dueTimer: NodeJS.Timeout | undefined
  private seq = 0
  private last: { atMs: number; tookMs: number } | undefined
  private closed = false
  /** Set by `start`. */
  startInfo!: LiveStart
  private warming: Promise<void> | undefined

  private constructor(
    private readonly opts: LiveOptions,
    private readonly live: LiveCatalog,
    private readonly follower: SeedFollower,
    /** The persistent cache, open for the process's life: the cached articles read their bodies from it. */
    private readonly store: SeedStore | undefined,
  ) {
    this.current = new Site(live.catalog, { config: opts.config, compressor: opts.compressor, digest: opts.digest })
    // Every later snapshot shares these fragments (apply): bounded, as the process lives long.
    this.current.fragments.limit(FRAGMENT_BYTES)
  }

  /**
   * Renders the first snapshot's heads after it is served, a slice of ~20 ms at a time between
   * requests: at 100k seeds warming every head took 4.6 s of a 11 s start (profiled), and a
   * request needs only its own document (rendered on demand, then kept). The next snapshot
   * reuses what is warm by then and renders the rest itself (Site.warm).
   */
  private async warmInSlices(site: Site): Promise<void> {
    const keys = site.headKeys()
    for (;;) {
      const end = performance.now() + 20
      let next = keys.next()
      for (; !next.done && performance.now() < end; next = keys.next()) warmOne(site, next.value)
      if (next.done) return
      warmOne(site, next.value)
      await new Promise((resolve) => setImmediate(resolve))
      if (this.closed || this.current !== site) return
    }
  }

  /**
   * Watches first, then loads: a file written during the initial load is seen by both, and
   * reading it twice is harmless, whereas loading first could miss it.
   */
  static async start(opts: LiveOptions): Promise<LiveSite> {
    const { config, io, cacheDir } = opts
    const began = performance.now()
    const follower = await SeedFollower.start(config, () => io.now(), { ...DEFAULT_SETTLE, ...opts.settle }, (m) => io.err(m))
    let self: LiveSite
    const seedCache = new SeedCache()
    let cached: SeedOutcome[] = []
    let store: SeedStore | undefined
    // The damage notice is told once: by the start, or by the load that finds it.
    let told = false
    const tell = (line: string) => {
      if (!told) io.err(line)
      told = true
    }
    try {
      const nowMs = io.now()
      if (cacheDir !== undefined) {
        const got = await loadCachedOutcomes(config, cacheDir, seedCache, { onNotice: (line) => io.err(line) })
        if (got.notice) tell(got.notice)
        cached = got.outcomes
        store = got.store
      }
      const outcomes = cached.length > 0 ? cached : await loadOutcomes(config, nowMs, seedCache, {
        ...(cacheDir !== undefined && { cacheDir }),
        ...(store && { store }),
        ...(opts.onProgress && { onProgress: opts.onProgress }),
        onNotice: tell,
      })
      const index = new CatalogIndex(outcomes, { onlyPublished: config.onlyPublished, nowMs })
      self = new LiveSite(opts, new LiveCatalog(index), follower, store)
    } catch (err) {
      await store?.close().catch(() => undefined)
      await follower.close()
      throw err
    }
    follower.attach({
      publishes: (file) => self.live.publishes(file),
      filesUnder: (path) => self.live.filesUnder(path),
      apply: (outcomes, startedMs) => self.apply(outcomes, startedMs),
      report: (message) => io.err(message),
    })
    self.armDueTimer()
    self.warming = self.warmInSlices(self.current)
    const readyMs = performance.now() - began
    self.startInfo = cached.length > 0
      ? { from: 'cache', readyMs, caughtUp: self.catchUp(cached, seedCache, tell) }
      : { from: 'seeds', readyMs, caughtUp: Promise.resolve() }
    return self
  }

  /**
   * Lists and stats the seeds folder through the cache (parsing, on the workers, only files whose
   * bytes changed; the cache is updated), then hands every file whose outcome is not the cached
   * one to the follower, which re-reads and applies it in order with the watched changes: a
   * change the watcher saw meanwhile is never overwritten by this older look at the folder.
   */
  private async catchUp(start: readonly SeedOutcome[], seedCache: SeedCache, tell: (line: string) => void): Promise<void> {
    const { config, io, cacheDir } = this.opts
    const began = performance.now()
    try {
      const fresh = await loadOutcomes(config, io.now(), seedCache, { ...(cacheDir !== undefined && { cacheDir }), ...(this.store && { store: this.store }), onNotice: tell })
      const before = new Map(start.map((o) => [o.file, o]))
      const changed: string[] = []
      for (const o of fresh) {
        if (before.get(o.file) !== o) changed.push(o.file)
        before.delete(o.file)
      }
      changed.push(...before.keys())
      if (this.closed) return
      if (changed.length > 0) this.follower.enqueue(changed)
      const s = ((performance.now() - began) / 1000).toFixed(2)
      // The catching up read and wrote the store: unmapped until a body is read.
      await this.store?.release()
      io.err(`Caught up with ${config.seedsDir} in ${s} s: ${changed.length} file${changed.length === 1 ? '' : 's'} changed since the cache${changed.length > 0 ? ' (re-read now)' : ''}`)
    } catch (err) {
      io.err(`live: catching up with ${config.seedsDir} failed: ${(err as Error).message}; serving the cached state and following changes`)
    }
  }

  /** The snapshot to answer from: read it once per request. */
  get site(): Site {
    return this.current
  }

  /** Lines for /healthz. */
  health(): Record<string, string | number> {
    const kept = [...this.live.kept].sort()
    const lines: Record<string, string | number> = {
      watch: this.follower.watching ? 'on' : 'failed',
      reloads: this.seq,
      'last-reload': this.last ? new Date(this.last.atMs).toISOString() : 'never',
      'last-reload-ms': this.last ? Math.round(this.last.tookMs) : 0,
      pending: this.follower.pending,
      kept: kept.length,
    }
    if (kept.length > 0) lines['kept-files'] = kept.slice(0, 20).join(', ') + (kept.length > 20 ? ', …' : '')
    return lines
  }

  /** Called after every swap; returns an unsubscribe function. */
  onUpdate(fn: (u: LiveUpdate) => void): () => void {
    this.listeners.add(fn)
    return () => this.listeners.delete(fn)
  }

  /** Called for every watcher event on a seed path, before settling (tests use it to time a write). */
  onEvent(fn: (path: string) => void): () => void {
    return this.follower.onEvent(fn)
  }

  async close(): Promise<void> {
    this.closed = true
    clearTimeout(this.dueTimer)
    // The catching-up load writes the cache: let it finish before the caller removes folders.
    await this.startInfo?.caughtUp
    await this.warming
    await this.follower.close()
    // Last: the articles of the snapshot read their bodies from it until now (after, a read parses the seed again).
    await this.store?.close().catch(() => undefined)
  }

  private async apply(outcomes: Map<string, SeedOutcome | undefined>, startedMs: number): Promise<void> {
    const { config, io, compressor, digest } = this.opts
    const changes = this.live.apply(outcomes, io.now())
    if (this.closed || changes.catalog === this.current.catalog) return
    const prev = this.current
    const site = new Site(changes.catalog, { config, compressor, digest, fragments: prev.fragments, previous: prev })
    site.warm()
    this.current = site
    const tookMs = performance.now() - startedMs
    this.last = { atMs: Date.now(), tookMs }
    const update: LiveUpdate = { seq: ++this.seq, prev, site, changes, tookMs }
    logUpdate(update, config.seedsDir, io)
    this.armDueTimer()
    for (const fn of this.listeners) fn(update)
    await this.opts.afterSwap?.(update)
  }

  /** Re-reads the held-back files when the first is due (which also drops their future-date warning). */
  private armDueTimer(): void {
    clearTimeout(this.dueTimer)
    const due = this.live.nextDueMs()
    if (due === undefined || this.closed) return
    const delay = Math.min(MAX_TIMER_MS, Math.max(0, due - this.opts.io.now()))
    this.dueTimer = setTimeout(() => {
      const files = this.live.dueFiles(this.opts.io.now())
      if (files.length > 0) this.follower.enqueue(files)
      else this.armDueTimer()
    }, delay)
    this.dueTimer.unref()
  }
}
