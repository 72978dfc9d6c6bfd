/**
 * The persistent cache of parsed seeds: what each file gave (its outcome), with the size, mtime
 * and content hash it was computed from, so that the next process re-parses only files whose
 * bytes changed. It lives in `<dir>/<key>/`, where the key (src/cache/fingerprint.ts) changes
 * with Feedstand's version, code and the config that normalizing depends on; other keys' folders
 * are deleted when a new one is written.
 *
 * Storage: append-only shard files, each a run of checksummed chunks of v8-serialized
 * SeedJobResult[] (record-codec.ts), read in name order (later records win). A build adds one
 * shard holding only what it parsed; the chunks come straight from the parse workers. When the
 * shards hold much more than the live files (edits, deletions), they are compacted into one.
 *
 * The cache is an optimisation, never a source of truth: every chunk's checksum and every
 * record's shape is checked on load, anything damaged or unreadable is discarded (the files are
 * parsed again, and `damage` says what was wrong, for one log line), a damaged store is rewritten
 * by the next save, and failing to write it fails nothing.
 */
import { randomUUID } from 'node:crypto'
import { mkdir, open, readFile, readdir, rename, rm, type FileHandle } from 'node:fs/promises'
import { join } from 'node:path'
import { serialize } from 'node:v8'
import { decodeShard, END_MARK, frameHeader } from './record-codec.js'
import type { SeedRecord } from './record-shape.js'

export type { SeedRecord }

/** Compact when the shards hold this many times the records in use, or this many shards. */
const GARBAGE_RATIO = 1.5
const MAX_SHARDS = 8

export class SeedStore {
  private constructor(
    readonly folder: string,
    private readonly records: Map<string, SeedRecord>,
    private readonly stored: { shards: string[]; records: number },
    /** What was discarded as damaged, one entry per shard (`name: what`); empty when the store is sound. */
    readonly damage: readonly string[],
  ) {}

  /** Opens (reads) the cache for `key` under `dir`; an empty store when there is none or it is unreadable. */
  static async open(dir: string, key: string): Promise<SeedStore> {
    const folder = join(dir, key)
    const records = new Map<string, SeedRecord>()
    const stored = { shards: [] as string[], records: 0 }
    const damage: string[] = []
    const names = (await readdir(folder).catch(() => [] as string[])).filter((n) => n.endsWith('.shard')).sort()
    const contents = await Promise.all(names.map((n) => readFile(join(folder, n)).catch(() => undefined)))
    names.forEach((name, i) => {
      const bytes = contents[i]
      if (!bytes) return
      stored.shards.push(name)
      const shard = decodeShard(bytes)
      stored.records += shard.values
      for (const r of shard.records) records.set(r.file, r)
      if (shard.damage) damage.push(`${name}: ${shard.damage}`)
    })
    return new SeedStore(folder, records, stored, damage)
  }

  get(file: string): SeedRecord | undefined {
    return this.records.get(file)
  }

  get size(): number {
    return this.records.size
  }

  /** A new shard, written as chunks arrive and made visible by `commit()`. */
  async writer(): Promise<ShardWriter> {
    await mkdir(this.folder, { recursive: true })
    return ShardWriter.create(this.folder)
  }

  /** Whether the shards are damaged, carry enough dead weight, or are numerous enough to rewrite them as one. */
  needsCompaction(liveFiles: number, addedShards: number): boolean {
    const shards = this.stored.shards.length + addedShards
    return this.damage.length > 0 || shards > MAX_SHARDS || (shards > 1 && this.stored.records > GARBAGE_RATIO * Math.max(1, liveFiles))
  }

  /** Replaces every shard by one holding `records`, and drops other keys' folders. */
  async compact(records: readonly SeedRecord[]): Promise<void> {
    const before = (await readdir(this.folder).catch(() => [] as string[])).filter((n) => n.endsWith('.shard'))
    const w = await this.writer()
    w.add(serialize(records))
    const name = await w.commit()
    await Promise.all(before.filter((n) => n !== name).map((n) => rm(join(this.folder, n), { force: true })))
  }

  /** Deletes cache folders of other keys (older versions, other settings) beside this one. */
  async dropOtherKeys(): Promise<void> {
    const parent = join(this.folder, '..')
    const mine = this.folder.slice(parent.length + 1)
    const names = await readdir(parent).catch(() => [] as string[])
    await Promise.all(names.filter((n) => n !== mine && /^seeds-[0-9a-f]+$/.test(n)).map((n) => rm(join(parent, n), { recursive: true, force: true })))
  }
}

/** Appends chunks to a hidden temporary file; `commit` renames it into place. Writes are queued in order. */
export class ShardWriter {
  private queue: Promise<unknown> = Promise.resolve()
  private failed: unknown
  private count = 0

  private constructor(
    private readonly folder: string,
    private readonly tmp: string,
    private readonly fh: FileHandle,
  ) {}

  static async create(folder: string): Promise<ShardWriter> {
    const tmp = join(folder, `.tmp-${randomUUID()}`)
    return new ShardWriter(folder, tmp, await open(tmp, 'w'))
  }

  /** Queues one chunk (a v8-serialized array of results), behind its checksummed frame header. */
  add(chunk: Uint8Array): void {
    const header = frameHeader(chunk)
    this.count++
    this.queue = this.queue.then(() => this.fh.writev([header, chunk])).catch((err: unknown) => (this.failed ??= err))
  }

  /** Closes the file and makes it a shard; returns its name. Throws (and removes the file) if a write failed. */
  async commit(): Promise<string> {
    // The end mark: a shard without it was cut short, wherever the cut fell (record-codec.ts).
    this.queue = this.queue.then(() => this.fh.write(END_MARK)).catch((err: unknown) => (this.failed ??= err))
    await this.queue
    await this.fh.close()
    if (this.failed !== undefined) {
      await rm(this.tmp, { force: true })
      throw this.failed
    }
    // Zero-padded time first: names sort in the order the shards were written.
    const name = `${String(Date.now()).padStart(15, '0')}-${randomUUID().slice(0, 8)}.shard`
    await rename(this.tmp, join(this.folder, name))
    return name
  }

  async abort(): Promise<void> {
    await this.queue
    await this.fh.close().catch(() => undefined)
    await rm(this.tmp, { force: true })
  }

  get chunks(): number {
    return this.count
  }
}
