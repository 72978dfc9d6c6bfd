/**
 * Item fragments, rendered once per article and format and reused in every document the article
 * appears in (the global feed, each of its topics, pages, archives). Keyed by the Article object:
 * an unchanged article keeps its object across snapshots, so its fragments survive a rebuild,
 * and a dropped article's fragments go with it.
 */
import type { Format } from '../paths.js'
import type { Article } from '../types.js'
import { utf8 } from './bytes.js'
import type { ItemContext } from './feed-meta.js'
import { FORMAT_SPECS } from './formats.js'

export class Fragments {
  private readonly cache = new WeakMap<Article, Partial<Record<Format, Uint8Array>>>()
  constructor(private readonly ctx: ItemContext) {}

  /** The UTF-8 bytes of the article's item in `format`. */
  get(a: Article, format: Format): Uint8Array {
    let entry = this.cache.get(a)
    if (!entry) this.cache.set(a, (entry = {}))
    return (entry[format] ??= utf8(FORMAT_SPECS[format].item(a, this.ctx)))
  }
}
