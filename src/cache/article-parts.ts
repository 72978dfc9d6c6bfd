/**
 * An article as the seed store keeps it: a light part (what the catalog, the sorted index and the
 * documents' metadata need) under its file, and a body (the heavy fields) under its seed's content
 * hash. At 100k seeds (the bench's realistic corpus, ~29 % with a Markdown body) the heavy fields
 * were most of the 529 MB heap of a start from the cache (contentHtml 121 M chars, 71 % of them in
 * two-byte strings; related 35 MB as JSON), while only ~7 % of the articles appear in any head: a
 * start reads the light parts only and a body is read when an item is rendered (stored-article.ts).
 *
 * The excerpt stays light: `?q=` views (src/views/select-view.ts) read title and excerpt over a
 * scan of up to 10,000 articles, which must not cost 10,000 body reads.
 */
import type { Article, Image, Related } from '../types.js'
import type { SeedRecord } from './record-shape.js'

/** The fields stored in the body, read on demand. */
export const BODY_FIELDS = ['contentHtml', 'images', 'related'] as const

type BodyField = (typeof BODY_FIELDS)[number]

/** An article without its heavy fields. */
export type LightArticle = Omit<Article, BodyField>

/** The heavy fields of the article of the seed bytes hashing to `hash` (the key it is stored under). */
export interface ArticleBody {
  hash: string
  contentHtml: string
  images: Image[]
  related: Related[]
}

/** A SeedRecord whose article (if any) is light. */
export interface LightRecord extends Omit<SeedRecord, 'outcome'> {
  outcome: Omit<SeedRecord['outcome'], 'article'> & { article?: LightArticle }
}

/** The light part of `a`: every field but the heavy ones (absent, not undefined: the shape check says so). */
export function lightOf(a: Article): LightArticle {
  const { contentHtml: _c, images: _i, related: _r, ...light } = a
  return light
}

/** The body of `a`. */
export function bodyOf(a: Article): ArticleBody {
  return { hash: a.hash, contentHtml: a.contentHtml, images: a.images, related: a.related }
}

/** The light record of `r`. */
export function lightRecord(r: SeedRecord): LightRecord {
  const { article, ...outcome } = r.outcome
  return { ...r, outcome: article ? { ...outcome, article: lightOf(article) } : outcome }
}

/** A whole article from its parts (a plain object, as the seed step makes it). */
export function joinParts(light: LightArticle, body: ArticleBody): Article {
  return { ...light, contentHtml: body.contentHtml, images: body.images, related: body.related } as Article
}
