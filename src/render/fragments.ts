/**
 * Item fragments, rendered once per article and format and reused in every document the article
 * appears in (the global feed, each of its topics, pages, archives). Keyed by the Article object:
 * an unchanged article keeps its object across snapshots, so its fragments survive a rebuild,
 * and a dropped article's fragments go with it.
 *
 * A long-lived server can bound them (`limit`): its heads are kept as bytes anyway, and fragments
 * are needed again only when a head is rendered anew (a live update, a page or archive asked
 * for), so the least recently used ones go past a budget of bytes. Unbounded, every fragment
 * lives as long as its article: at 100k seeds, ~87 MB for the ~7 % of articles that are in a
 * head, on top of the 130 MB of the heads themselves. The build keeps them unbounded: it renders
 * each article into several scopes' archives in turn, and re-rendering would cost it time.
 */
import type { Format } from '../paths.js'
import type { Article } from '../types.js'
import { utf8 } from './bytes.js'
import type { ItemContext } from './feed-meta.js'
import { FORMAT_SPECS } from './formats.js'

type Entry = Partial<Record<Format, Uint8Array>>

export class Fragments {
  private readonly cache = new WeakMap<Article, Entry>()
  /** Set by `limit`: the entries in least-recently-used order, and their bytes. */
  private lru: Map<Article, Entry> | undefined
  private bytes = 0
  private budget = Infinity
  constructor(private readonly ctx: ItemContext) {}

  /**
   * From now on, keeps at most about `maxBytes` of fragments, the least recently used going first
   * (the fragments made so far are forgotten). For a long-lived process; renders stay the same bytes.
   */
  limit(maxBytes: number): void {
    this.budget = maxBytes
    this.lru ??= new Map()
  }

  /** The UTF-8 bytes of the article's item in `format`. */
  get(a: Article, format: Format): Uint8Array {
    if (!this.lru) {
      let entry = this.cache.get(a)
      if (!entry) this.cache.set(a, (entry = {}))
      return (entry[format] ??= this.render(a, format))
    }
    const entry = this.lru.get(a) ?? {}
    this.lru.delete(a)
    this.lru.set(a, entry)
    let bytes = entry[format]
    if (!bytes) {
      bytes = entry[format] = this.render(a, format)
      this.bytes += bytes.byteLength
      this.evict()
    }
    return bytes
  }

  /** Bytes of the fragments kept (bounded mode only; 0 otherwise). */
  get size(): number {
    return this.bytes
  }

  private render(a: Article, format: Format): Uint8Array {
    return utf8(FORMAT_SPECS[format].item(a, this.ctx))
  }

  /** Drops the least recently used entries past the budget; the newest (being used) always stays. */
  private evict(): void {
    const lru = this.lru!
    while (this.bytes > this.budget && lru.size > 1) {
      const [oldest, entry] = lru.entries().next().value!
      lru.delete(oldest)
      for (const b of Object.values(entry)) this.bytes -= b.byteLength
    }
  }
}
