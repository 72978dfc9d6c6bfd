/** `?page=N` over the manifest: the paged walk of a scope from its head's item count (src/documents/paging.ts). */
import { manifestEntry, type SiteManifest } from '../../documents/site-manifest.js'
import type { FeedKey } from '../../documents/document-source.js'
import { pagedWalk } from '../../documents/paging.js'
import { HEAD, absoluteUrl, withPage } from '../../paths.js'

/** The absolute URL of the walk's `n`th document (1 = the head), as `Site.walkUrl` gives it; undefined past the walk or for an unknown scope. */
export function paging(m: SiteManifest, key: FeedKey, n: number): string | undefined {
  const total = manifestEntry(m, withPage(key, HEAD))?.n
  // With no history (paging null) the walk is the head alone, as Site's is.
  const page = total === undefined ? undefined : m.paging === null ? (n === 1 ? HEAD : undefined) : pagedWalk(total, m.paging)[n - 1]
  return page && absoluteUrl(m.config.baseUrl, withPage(key, page))
}
