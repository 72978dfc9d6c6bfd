/**
 * Item fragments, rendered once per article and format and reused in every document the article
 * appears in (the global feed, each of its topics, pages, archives). Keyed by the Article object:
 * an unchanged article keeps its object across snapshots, so its fragments survive a rebuild,
 * and a dropped article's fragments go with it.
 */
import type { Format } from '../paths.js'
import type { Article } from '../types.js'
import { atomEntry } from './atom-entry.js'
import { utf8 } from './bytes.js'
import type { ItemContext } from './feed-meta.js'
import { jsonItem } from './json-item.js'
import { rssItem } from './rss-item.js'

const RENDER: Record<Format, (a: Article, ctx: ItemContext) => string> = {
  rss: rssItem,
  atom: atomEntry,
  json: (a) => jsonItem(a),
}

export class Fragments {
  private readonly cache = new WeakMap<Article, Partial<Record<Format, Uint8Array>>>()
  constructor(private readonly ctx: ItemContext) {}

  /** The UTF-8 bytes of the article's item in `format`. */
  get(a: Article, format: Format): Uint8Array {
    let entry = this.cache.get(a)
    if (!entry) this.cache.set(a, (entry = {}))
    return (entry[format] ??= utf8(RENDER[format](a, this.ctx)))
  }
}
