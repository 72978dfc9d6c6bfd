/**
 * The HTTP side of views (src/views/): a head's request with a topic union in its path or a view
 * parameter in its query is read strictly (400 naming the parameter), answered with a 301 when
 * it is not spelled canonically (sorted slugs, canonical query), else from the snapshot's view
 * document: one Document per view and snapshot, with its strong ETag and stored encodings.
 */
import type { Document } from '../documents/document.js'
import { revalidatingCacheControl } from '../documents/document.js'
import type { DocumentSource, FeedKey } from '../documents/document-source.js'
import { absoluteUrl, urlPath } from '../paths.js'
import { VIEW_PARAMS, readView, unionSlugs } from '../views/view-query.js'
import { isFiltered } from '../views/view-spec.js'
import { ERROR_HEADERS } from './text-answer.js'

/**
 * The answer to a view request: a document, a 301, the text of a 400, undefined for a 404, or
 * null when the request asks for no view (the plain head, `?limit`, `?page`).
 */
export function resolveView(site: DocumentSource, key: FeedKey, pathname: string, url: URL | undefined): Document | Response | string | undefined | null {
  const union = key.scope?.kind === 'topic' ? unionSlugs(key.scope.slug) : undefined
  const params = url?.searchParams
  if (!union && !VIEW_PARAMS.some((p) => params?.has(p))) return null
  if (key.page.kind !== 'head' || !site.getView) return undefined
  const read = readView(params ?? new URLSearchParams(), union, site.config.maxItems, site.config.maxLimit)
  if (!read) return null
  if (!read.ok) return read.message
  const scope = read.unionSlugs ? { kind: 'topic' as const, slug: read.unionSlugs.join('+') } : key.scope
  const canonical: FeedKey = { ...key, scope }
  const search = read.query ? `?${read.query}` : ''
  if (pathname !== urlPath(canonical) || (url?.search ?? '') !== search) return redirect(site, absoluteUrl(site.config.baseUrl, canonical) + search)
  if (!isFiltered(read.view)) return site.get(canonical)
  return site.getView(canonical, read.view, read.query)
}

/** A 301 to the view's one URL: permanent, as the canonical form of a set never changes. */
function redirect(site: DocumentSource, location: string): Response {
  return new Response(null, { status: 301, headers: { Location: location, 'Cache-Control': revalidatingCacheControl(site.config), ...ERROR_HEADERS } })
}
