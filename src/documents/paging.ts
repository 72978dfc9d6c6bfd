/**
 * Which items a feed document holds, and the order a paged client walks them in.
 *
 * With T items newest first, N per head (`maxItems`), S per archive (`archiveSize`, chosen apart
 * from N: see README "Paging and archives"), A = floor(T/S) full archives and K = floor((T−N)/S)
 * of them wholly past the head (0 when T ≤ N):
 * - the head holds the newest N: indices [0, min(N, T));
 * - archive k (1 … A) holds newest-first indices [T−kS, T−(k−1)S), counted from the oldest, so
 *   its items never change when newer articles come (RFC 5005 section 4); only full ones exist;
 * - the bridge (`page/2`) holds [N, T−K·S): what is past the head and in none of archives 1 … K
 *   (fewer than S items). It exists only when that is not empty, and is the only mutable
 *   document besides the head.
 *
 * The paged walk (RFC 5005 section 3) is head → bridge → archive K → … → archive 1: every item
 * exactly once, newest first, and all but two of its documents are immutable archives, so an
 * item is stored once per scope and format, not once in a page and again in an archive. With
 * S = N this is the layout of one size: K = A − 1 and the bridge holds the T mod N items that
 * archive A shares with neither the head nor the older archives.
 */
import type { FeedPage } from '../paths.js'

/** The bridge's page number in the path table (`/rss/page/2.xml`): page 1 is the head. */
export const BRIDGE_PAGE = 2

/** The bridge document's key part. */
export const BRIDGE: FeedPage = { kind: 'page', n: BRIDGE_PAGE }

/** How a feed is cut: items per head, items per archive. */
export interface Paging {
  perPage: number
  archiveSize: number
}

/** Full archives: a partial one never exists, so what exists never changes (head and bridge hold the rest). */
export function archiveCount(total: number, { archiveSize }: Paging): number {
  return Math.floor(total / archiveSize)
}

/** Archives holding no item of the head: the walk's archives, K … 1. */
function walkArchives(total: number, { perPage, archiveSize }: Paging): number {
  return total > perPage ? Math.floor((total - perPage) / archiveSize) : 0
}

/** Newest-first index range [from, to) of the bridge; empty when there is none. */
function bridgeRange(total: number, p: Paging): [number, number] {
  return [p.perPage, Math.max(p.perPage, total - walkArchives(total, p) * p.archiveSize)]
}

/** Whether the bridge exists: some item past the head is in none of the walk's archives. */
export function hasBridge(total: number, p: Paging): boolean {
  const [from, to] = bridgeRange(total, p)
  return to > from
}

/**
 * The documents of the paged walk, in order: the head, the bridge when it exists, then archives
 * K down to 1 (the newer ones share items with the head, so the walk skips them). An empty or
 * short feed is its head alone.
 *
 * @example pagedWalk(120, { perPage: 50, archiveSize: 50 }) // [head, page 2 (items 50–69), archive 1 (items 70–119)]
 */
export function pagedWalk(total: number, p: Paging): FeedPage[] {
  const walk: FeedPage[] = [{ kind: 'head' }]
  if (hasBridge(total, p)) walk.push(BRIDGE)
  for (let n = walkArchives(total, p); n >= 1; n--) walk.push({ kind: 'archive', n })
  return walk
}

/** Items of `page` from a newest-first list, or undefined when the document does not exist. */
export function pageItems<T>(items: readonly T[], p: Paging, page: FeedPage): readonly T[] | undefined {
  const total = items.length
  const size = p.archiveSize
  switch (page.kind) {
    case 'head':
      return items.slice(0, p.perPage)
    case 'page':
      // Only the bridge is a page: [N, T−K·S), what no head and no walked archive holds.
      return page.n === BRIDGE_PAGE && hasBridge(total, p) ? items.slice(...bridgeRange(total, p)) : undefined
    case 'archive':
      return page.n >= 1 && page.n <= archiveCount(total, p) ? items.slice(total - page.n * size, total - (page.n - 1) * size) : undefined
  }
}
