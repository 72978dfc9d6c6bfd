/**
 * The renderer table: each row of the format table (src/format-table.ts) with its two renderers,
 * the whole document and one item fragment. Read by the document set, the fragment cache and the
 * index page. A Record over `Format`, so a new row in the format table is a type error here until
 * its renderers are added.
 */
import { FORMAT_TABLE, type FormatFacts } from '../format-table.js'
import type { Format } from '../paths.js'
import type { Article } from '../types.js'
import { atomEntry } from './atom-entry.js'
import { renderAtom } from './atom-document.js'
import type { FeedMeta, ItemContext } from './feed-meta.js'
import { renderJsonFeed } from './json-feed.js'
import { jsonItem } from './json-item.js'
import { renderRss } from './rss-document.js'
import { rssItem } from './rss-item.js'

export interface FormatRenderers {
  /** The whole document around pre-rendered item fragments. */
  render: (meta: FeedMeta, items: readonly Uint8Array[]) => Uint8Array
  /** One article's item fragment (rendered once per article and reused, see fragments.ts). */
  item: (a: Article, ctx: ItemContext) => string
}

export type FormatSpec = FormatFacts & FormatRenderers

const RENDERERS: Record<Format, FormatRenderers> = {
  rss: { render: renderRss, item: rssItem },
  atom: { render: renderAtom, item: atomEntry },
  json: { render: renderJsonFeed, item: (a) => jsonItem(a) },
}

export const FORMAT_SPECS: Record<Format, FormatSpec> = Object.fromEntries(
  (Object.keys(RENDERERS) as Format[]).map((f) => [f, { ...FORMAT_TABLE[f], ...RENDERERS[f] }]),
) as Record<Format, FormatSpec>
