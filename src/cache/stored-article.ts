/**
 * Articles whose heavy fields live in the seed store, not in memory: the light fields are own
 * properties, the heavy ones (article-parts.ts) getters that ask a BodySource, which reads the
 * body from the memory-mapped store when an item is rendered (and falls back to the seed when
 * the stored body is damaged or gone). The rest of the code sees the `Article` interface only.
 *
 * The getters sit on a class made per source, so an article costs its light fields and nothing
 * more (no per-object link to the store); each read is answered afresh, so nothing holds a body
 * longer than the renderer does.
 */
import type { Article } from '../types.js'
import type { ArticleBody, LightArticle } from './article-parts.js'

/** Where the body of a stored article comes from. Throws only when no sound body exists (see the loader's body-source.ts). */
export interface BodySource {
  body(a: LightArticle): ArticleBody
}

/** A maker of stored articles reading their bodies from `source`. */
export function storedArticles(source: BodySource): (light: LightArticle) => Article {
  class StoredArticle {
    constructor(light: LightArticle) {
      Object.assign(this, light)
    }
    get contentHtml(): string {
      return source.body(this as unknown as LightArticle).contentHtml
    }
    get images(): Article['images'] {
      return source.body(this as unknown as LightArticle).images
    }
    get related(): Article['related'] {
      return source.body(this as unknown as LightArticle).related
    }
  }
  return (light) => new StoredArticle(light) as unknown as Article
}
