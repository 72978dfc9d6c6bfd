/**
 * Which front-matter field an article's id came from, so that a problem about the id (a
 * `duplicate-id`) names the field the author has to change. normalize-article's rule: `id:` when
 * given, else the article's link, which is `webUrl` when that is a usable URL, else `originalUrl`.
 */
import { httpUrl } from '../normalize/urls.js'
import type { Article, IdField } from '../types.js'

/** The field of `data` that `article.id` was read from. */
export function idSource(data: Record<string, unknown>, article: Article): IdField {
  if (data.id !== undefined) return 'id'
  const web = httpUrl(data.webUrl)
  return web.ok && web.url === article.id ? 'webUrl' : 'originalUrl'
}
