/**
 * The persistent cache of parsed seeds: what each file gave (its outcome), with the size, mtime
 * and content hash it was computed from, so that the next process re-parses only files whose
 * bytes changed. It lives in `<dir>/<key>/`, where the key (src/cache/fingerprint.ts) changes
 * with Feedstand's version, code and the config that normalizing depends on; other keys' folders
 * are deleted when a new one is written.
 *
 * Storage: one LMDB environment (`seeds.mdb`, memory-mapped, one transaction per save: a crash
 * leaves the last committed state). Its main database is keyed by the file's relative path, each
 * value one checksummed frame of a v8-serialized light SeedRecord; the sub-database `.bodies`
 * (a name no seed path can have: no part of one starts with a dot) holds each article's heavy
 * fields, keyed by the seed's content hash (article-parts.ts, record-codec.ts). A start from the
 * cache deserializes the light records only and reads a body when an item is rendered; a body is
 * deleted only when no stored record and no article this process handed out has its hash, so a
 * snapshot still rendering while a newer save runs never reads another article's body. Records
 * are read one at a time when asked for, so a load holds only the records it uses, never the
 * whole store as bytes. LMDB over SQLite
 * (better-sqlite3 12), measured by a comparison script at 0191ab8 (100k records of ~1 KB, 4 runs): written
 * in one transaction in 0.43–0.75 s vs 0.55–0.87 s, read back and deserialized in 0.80–1.8 s vs
 * 0.73–2.1 s (deserializing dominates both), files of 138 vs 110 MB: a tie within this machine's
 * noise. LMDB ships a prebuilt binary; better-sqlite3 compiled from source on install here (~1 min
 * in CI, and a C++ toolchain).
 *
 * The cache is an optimisation, never a source of truth: the data file is checked against its
 * seal (seal.ts) before LMDB opens it, and every record's checksum and shape when it is read.
 * Anything damaged is discarded (a bad seal: the whole file; a bad record: that record), its
 * files are parsed again, `damage` says what was wrong (for one log line), the next save
 * rewrites it, and failing to write the cache fails nothing.
 */
import { statSync } from 'node:fs'
import { mkdir, readdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { open, type Database, type RootDatabase } from 'lmdb'
import type { ArticleBody, LightRecord } from './article-parts.js'
import { decodeBody, decodeLight, encodeBody, encodeLight, worthKeeping } from './record-codec.js'
import type { SeedRecord } from './record-shape.js'
import { joinParts } from './article-parts.js'
import { checkSeal, writeSeal } from './seal.js'

export type { SeedRecord }

/** The data file (LMDB with noSubdir; LMDB keeps its reader table in `seeds.mdb-lock`, which holds no records). */
export const DATA_FILE = 'seeds.mdb'
const SEAL_FILE = 'seeds.seal'
/** The sub-database of bodies: its name is a key of the main database, which no seed path can be. */
const BODIES = '.bodies'

export class SeedStore {
  /** Keys whose records were damaged: deleted by the next save. */
  private readonly bad = new Set<string>()
  /**
   * Hashes of the light records handed out by `records()` and `light(…, true)`: their articles may
   * still read their bodies. Gathered in a list and made a set only when a save needs it: adding
   * 100k 64-character hashes to a set cost ~100 ms of a start from the cache (a profile at 100k),
   * and a save comes after the first answer.
   */
  private readonly lentList: string[] = []
  private readonly lentSet = new Set<string>()
  private bodies: Database<Buffer, string> | undefined
  /** Set by `release`: the environment is closed until the next read reopens it. */
  private released = false
  /** The data file's size and mtime when it was released: a reopen of the same file needs no new seal check. */
  private stamp: string | undefined
  /** Set while a file changed since `release` is checked against its seal (`reopenable`). */
  private checking: Promise<void> | undefined
  private saving = 0
  private closed = false

  private constructor(
    readonly folder: string,
    private db: RootDatabase<Buffer, string> | undefined,
    /** What was discarded as damaged (`seeds.mdb: what`); empty while the store is sound. */
    readonly damage: string[],
  ) {
    this.bodies = db?.openDB<Buffer, string>({ name: BODIES, encoding: 'binary', compression: false, cache: false })
  }

  /**
   * Closes the environment until the next read reopens it (synchronously: LMDB's open is), unless
   * a save is under way. Reading a body maps its pages and the kernel's fault-around maps the
   * cached pages around them: after a start's heads were rendered, ~490 MB of the file were
   * resident in the server's RSS at 100k (clean pages, but counted). Unmapping returns them.
   */
  async release(): Promise<void> {
    if (!this.db || this.released || this.saving > 0 || this.closed) return
    this.released = true
    const db = this.db
    this.db = this.bodies = undefined
    await db.close()
    this.stamp = stampOf(join(this.folder, DATA_FILE))
  }

  /** Whether reads may reach the file now: false while a file changed since `release` waits for its seal check. */
  get readable(): boolean {
    return this.checking === undefined
  }

  /** Resolves when no seal check of a changed file is under way (tests, and a caller that wants to wait). */
  async settled(): Promise<void> {
    await this.checking
  }

  /**
   * The environment, reopened if released. LMDB trusts its pages, so a file is opened only after
   * its seal was checked (`open`): a reopen of the file as it was released is that same file; one
   * whose size or mtime moved since (another process saved, or something wrote over it) is not
   * opened here but checked against its seal in the background, reads missing until then (bodies
   * come from their seeds), and never opened if the check fails.
   */
  private env(): RootDatabase<Buffer, string> | undefined {
    if (this.released && !this.closed && this.checking === undefined) {
      const data = join(this.folder, DATA_FILE)
      if (stampOf(data) !== this.stamp) {
        this.checking = this.recheck(data)
        return undefined
      }
      this.released = false
      try {
        this.db = open<Buffer, string>({ path: join(this.folder, DATA_FILE), noSubdir: true, encoding: 'binary', compression: false, cache: false, maxDbs: 1 })
        this.bodies = this.db.openDB<Buffer, string>({ name: BODIES, encoding: 'binary', compression: false, cache: false })
      } catch {
        // Unreadable now: every read misses (bodies are read from their seeds), nothing is saved.
      }
    }
    return this.db
  }

  /** Opens the cache for `key` under `dir`: an empty store when there is none, or when it is damaged or unreadable. */
  static async open(dir: string, key: string): Promise<SeedStore> {
    const folder = join(dir, key)
    const data = join(folder, DATA_FILE)
    const damage: string[] = []
    const names = await readdir(folder).catch(() => [] as string[])
    let sound = names.includes(DATA_FILE)
    if (sound) {
      const wrong = await checkSeal(data, join(folder, SEAL_FILE))
      if (wrong) {
        damage.push(`${data}: ${wrong}`)
        await discard(folder)
        sound = false
      }
    } else if (names.length > 0) {
      await discard(folder)
    }
    try {
      await mkdir(folder, { recursive: true })
      const db = open<Buffer, string>({ path: data, noSubdir: true, encoding: 'binary', compression: false, cache: false, maxDbs: 1 })
      // Made before sealing: creating the bodies' sub-database writes to the file.
      const store = new SeedStore(folder, db, damage)
      // A new store is sealed at once: one that no save ever wrote to is empty, not damaged.
      if (!sound) await writeSeal(data, join(folder, SEAL_FILE))
      return store
    } catch (err) {
      damage.push(`${data}: cannot be opened (${(err as Error).message})`)
      await discard(folder)
      return new SeedStore(folder, undefined, damage)
    }
  }

  /** The whole record of `file` (light record and body, both checked); undefined when there is none or it was damaged (then it is told in `damage`). */
  get(file: string): SeedRecord | undefined {
    const light = this.light(file)
    const article = light?.outcome.article
    if (!light || !article) return light as SeedRecord | undefined
    const body = this.body(file, light.hash)
    return body && { ...light, outcome: { ...light.outcome, article: joinParts(article, body) } }
  }

  /**
   * The light record of `file`, checked; undefined when there is none or it was damaged. `lend`:
   * its article will read its body later (stored-article.ts), so a save keeps that body.
   */
  light(file: string, lend = false): LightRecord | undefined {
    let bytes: Buffer | undefined
    try {
      bytes = this.env()?.getBinary(file)
    } catch (err) {
      return this.hurt(file, `an unreadable value (${(err as Error).message})`)
    }
    if (bytes === undefined) return undefined
    const got = decodeLight(file, bytes)
    if ('damage' in got) return this.hurt(file, got.damage)
    if (!('record' in got)) return undefined
    if (lend) this.lentList.push(got.record.hash)
    return got.record
  }

  /**
   * The body stored under `hash` for the article of `file`, checked; undefined when it is missing
   * or damaged (then the record of `file` is told in `damage` and deleted by the next save).
   * Synchronous: a read of the memory-mapped file, made when an item is rendered.
   */
  body(file: string, hash: string): ArticleBody | undefined {
    let bytes: Buffer | undefined
    try {
      // A file waiting for its seal check is no answer, not damage: the caller reads the seed.
      if (!this.env()) return undefined
      bytes = this.bodies?.getBinary(hash)
    } catch (err) {
      return this.hurt(file, `an unreadable body (${(err as Error).message})`)
    }
    if (bytes === undefined) return this.hurt(file, 'no body')
    const got = decodeBody(hash, bytes)
    return 'damage' in got ? this.hurt(file, got.damage) : got.body
  }

  /** Every sound light record, in key order (serve's start from the cache): their bodies are read with `body`. */
  *records(): Generator<LightRecord> {
    const db = this.env()
    if (!db) return
    for (const { key, value } of db.getRange()) {
      if (key === BODIES) continue
      const got = decodeLight(key, value)
      if ('damage' in got) this.hurt(key, got.damage)
      else if ('record' in got) {
        this.lentList.push(got.record.hash)
        yield got.record
      }
    }
  }

  /**
   * One transaction: `put` stored (light records under their files, bodies under their hashes),
   * every key not in `live` (files gone) and every damaged one deleted; with `inUse` (the content
   * hashes of every live file's article), every body whose hash is neither in it nor lent to this
   * process's articles deleted too. Then the file is sealed again. Best effort: a failure leaves
   * the store unsealed (discarded by the next open), never half-trusted.
   */
  async save(put: readonly SeedRecord[], live: ReadonlySet<string>, inUse?: ReadonlySet<string>): Promise<void> {
    const db = this.env()
    const bodies = this.bodies
    if (!db || !bodies) return
    this.saving++
    try {
      await this.write(db, bodies, put, live, inUse)
    } finally {
      this.saving--
    }
  }

  private async write(db: RootDatabase<Buffer, string>, bodies: Database<Buffer, string>, put: readonly SeedRecord[], live: ReadonlySet<string>, inUse?: ReadonlySet<string>): Promise<void> {
    // Folded first, even when nothing is written: the list must not grow from one load to the next.
    const lent = this.lent()
    const gone = this.keys().filter((k) => !live.has(k) || (this.bad.has(k) && !put.some((r) => r.file === k)))
    const kept = put.filter(worthKeeping)
    const dropped = put.filter((r) => !worthKeeping(r)).map((r) => r.file)
    if (kept.length === 0 && gone.length === 0 && dropped.length === 0 && this.damage.length === 0) return
    const written = new Set(kept.map((r) => r.hash))
    const stale = inUse ? [...bodies.getKeys()].filter((h) => !inUse.has(h) && !written.has(h) && !lent.has(h)) : []
    // No seal is removed first: a write cut short leaves a file its (old) seal no longer matches.
    const seal = join(this.folder, SEAL_FILE)
    await db.transaction(() => {
      // Light records first, then bodies: LMDB allocates pages in write order, so a first save
      // lays the light records out together. A start's scan of them faults in their pages only;
      // interleaved with the bodies' overflow pages, the kernel's fault-around mapped the whole
      // file (measured at 100k: 657 MB of the mapping resident after reading 129 MB of records).
      for (const r of kept) db.put(r.file, encodeLight(r))
      for (const r of kept) if (r.outcome.article) bodies.put(r.hash, encodeBody(r.outcome.article))
      for (const k of [...gone, ...dropped]) db.remove(k)
      for (const h of stale) bodies.remove(h)
    })
    await writeSeal(join(this.folder, DATA_FILE), seal)
  }

  /** The hashes lent so far, as a set. */
  private lent(): ReadonlySet<string> {
    for (const h of this.lentList) this.lentSet.add(h)
    this.lentList.length = 0
    return this.lentSet
  }

  /** Records in the store (sound or not). */
  get size(): number {
    return this.keys().length
  }

  /** The keys of the records (the main database less the name of the bodies' one). */
  private keys(): string[] {
    const db = this.env()
    return db ? [...db.getKeys()].filter((k) => k !== BODIES) : []
  }

  async close(): Promise<void> {
    this.closed = true
    const db = this.db
    this.db = this.bodies = undefined
    await db?.close()
  }

  /** The seal check of a file that changed while released: sound, it is reopened by the next read; else never again by this process. */
  private async recheck(data: string): Promise<void> {
    const wrong = await checkSeal(data, join(this.folder, SEAL_FILE)).catch((err: Error) => `an unreadable seal (${err.message})`)
    if (wrong) {
      this.damage.push(`${data}: ${wrong} (it changed while released; not opened again)`)
      this.closed = true
    } else {
      this.stamp = stampOf(data)
    }
    this.checking = undefined
  }

  /** Deletes cache folders of other keys (older versions, other settings) beside this one. */
  async dropOtherKeys(): Promise<void> {
    const parent = join(this.folder, '..')
    const mine = this.folder.slice(parent.length + 1)
    const names = await readdir(parent).catch(() => [] as string[])
    await Promise.all(names.filter((n) => n !== mine && /^seeds-[0-9a-f]+$/.test(n)).map((n) => rm(join(parent, n), { recursive: true, force: true })))
  }

  private hurt(file: string, what: string): undefined {
    if (!this.bad.has(file)) this.damage.push(`${join(this.folder, DATA_FILE)}: the record of ${file}: ${what}`)
    this.bad.add(file)
    return undefined
  }
}

/** Size and mtime of `file` as one comparable string; '' when it cannot be stat-ed. */
function stampOf(file: string): string {
  try {
    const st = statSync(file)
    return `${st.size} ${st.mtimeMs}`
  } catch {
    return ''
  }
}

/** Removes a damaged or foreign store's files (its folder stays). */
async function discard(folder: string): Promise<void> {
  const names = await readdir(folder).catch(() => [] as string[])
  await Promise.all(names.map((n) => rm(join(folder, n), { recursive: true, force: true })))
}
