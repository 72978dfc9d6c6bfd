/**
 * The bodies of stored articles (src/cache/stored-article.ts), read when an item is rendered: from
 * the open seed store (a synchronous read of the memory-mapped file), else, when the stored body
 * is missing or damaged, from the seed itself, read and parsed again on the spot, and used only
 * if its bytes still hash to the article's hash. Anything else throws: a body of other bytes
 * would put another version's content under this snapshot's ETag.
 *
 * The last bodies read are kept (a few dozen): rendering an item reads two or three heavy fields
 * in a row, and the three formats of a head read the same articles one after the other.
 */
import { join } from 'node:path'
import type { Config } from '../config.js'
import { bodyOf, type ArticleBody, type LightArticle } from '../cache/article-parts.js'
import type { SeedStore } from '../cache/seed-store.js'
import type { BodySource } from '../cache/stored-article.js'
import { readSeedSync } from '../load/read-seed-sync.js'
import { hashSeed, normalizeOptions, processSeedHashed } from '../seed/process-seed.js'

const KEPT = 64
/** After this long without a body read, the store's file is unmapped (SeedStore.release); the next read maps it again. */
const IDLE_MS = 2000

export class StoreBodies implements BodySource {
  private readonly recent = new Map<string, ArticleBody>()
  private readonly told = new Set<string>()
  private lastRead = 0
  private idle: ReturnType<typeof setTimeout> | undefined

  /** `onDamage`: told once per file whose stored body could not be used (for one log line). */
  constructor(
    private readonly store: SeedStore,
    private readonly config: Pick<Config, 'seedsDir' | 'maxExcerptLength' | 'maxFileBytes'>,
    private readonly onDamage?: (file: string, reparsed: boolean) => void,
  ) {}

  body(a: LightArticle): ArticleBody {
    const hit = this.recent.get(a.hash)
    if (hit) return hit
    this.lastRead = performance.now()
    this.armIdle()
    const body = this.store.body(a.file, a.hash) ?? this.reparse(a, this.store.readable)
    if (this.recent.size >= KEPT) this.recent.delete(this.recent.keys().next().value!)
    this.recent.set(a.hash, body)
    return body
  }

  private armIdle(): void {
    if (this.idle) return
    this.idle = setTimeout(() => {
      this.idle = undefined
      if (performance.now() - this.lastRead >= IDLE_MS) void this.store.release().catch(() => undefined)
      else this.armIdle()
    }, IDLE_MS)
    this.idle.unref?.()
  }

  /** The body from the seed file, when its bytes are still the ones the article came from (told once per file when the store lost it). */
  private reparse(a: LightArticle, lost: boolean): ArticleBody {
    const got = readBody(this.config, a)
    // `lost`: the store had no sound body. Otherwise it was only waiting for a seal check, and a
    // seed that still has the article's bytes answers as the body would: nothing to tell.
    if ((lost || !got) && !this.told.has(a.file)) {
      this.onDamage?.(a.file, got !== undefined)
      this.told.add(a.file)
    }
    if (got) return got
    throw new Error(`cache: the stored body of ${a.file} is missing or damaged and the seed no longer has the bytes it came from; the next snapshot has its new content`)
  }
}

/** The article body of the seed `a.file`, parsed again; undefined when it cannot be read or its bytes changed. */
export function readBody(config: Pick<Config, 'seedsDir' | 'maxExcerptLength' | 'maxFileBytes'>, a: LightArticle): ArticleBody | undefined {
  try {
    // Opened as every seed read is (no link followed, no FIFO waited on): a symlinked seed, read
    // at listing time by its checked real path, has no body here and says so.
    const bytes = readSeedSync(join(config.seedsDir, a.file), config.maxFileBytes)
    if (!bytes || hashSeed(bytes) !== a.hash) return undefined
    // The clock decides only `published` and date problems, never a body.
    const article = processSeedHashed(a.file, bytes, a.hash, normalizeOptions(config, Date.now())).article
    return article && bodyOf(article)
  } catch {
    return undefined
  }
}
