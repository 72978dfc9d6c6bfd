/**
 * Which items a feed document holds, and the order a paged client walks them in.
 *
 * With T items newest first, N per document, A = floor(T/N) full archives and r = T − A·N:
 * - the head holds the newest N: indices [0, min(N, T));
 * - archive k (1 … A) holds newest-first indices [T−kN, T−(k−1)N), counted from the oldest, so
 *   its items never change when newer articles come (RFC 5005 section 4); only full ones exist;
 * - the bridge (`page/2`) holds [N, N+r): the part of the newest archive A that is not in the
 *   head. It exists only when A ≥ 1 and r > 0, and is the only mutable document besides the head.
 *
 * The paged walk (RFC 5005 section 3) is head → bridge → archive A−1 → … → archive 1: every item
 * exactly once, newest first, and all but two of its documents are immutable archives, so an
 * item is stored once per scope and format, not once in a page and again in an archive.
 */
import type { FeedPage } from '../paths.js'

/** The bridge's page number in the path table (`/rss/page/2.xml`): page 1 is the head. */
export const BRIDGE_PAGE = 2

/** The bridge document's key part. */
export const BRIDGE: FeedPage = { kind: 'page', n: BRIDGE_PAGE }

/** Full archives: a partial one never exists, so what exists never changes (head and bridge hold the rest). */
export function archiveCount(total: number, perPage: number): number {
  return Math.floor(total / perPage)
}

/** Whether the bridge exists: some archive is full and not every item past the head is in one of the walk's archives. */
export function hasBridge(total: number, perPage: number): boolean {
  return archiveCount(total, perPage) >= 1 && total % perPage > 0
}

/**
 * The documents of the paged walk, in order: the head, the bridge when it exists, then archives
 * A−1 down to 1 (archive A is the head plus the bridge, so the walk skips it). An empty or short
 * feed is its head alone.
 *
 * @example pagedWalk(120, 50) // [head, page 2 (items 50–69), archive 1 (items 70–119)]
 */
export function pagedWalk(total: number, perPage: number): FeedPage[] {
  const walk: FeedPage[] = [{ kind: 'head' }]
  if (hasBridge(total, perPage)) walk.push(BRIDGE)
  for (let n = archiveCount(total, perPage) - 1; n >= 1; n--) walk.push({ kind: 'archive', n })
  return walk
}

/** Items of `page` from a newest-first list, or undefined when the document does not exist. */
export function pageItems<T>(items: readonly T[], perPage: number, page: FeedPage): readonly T[] | undefined {
  const total = items.length
  switch (page.kind) {
    case 'head':
      return items.slice(0, perPage)
    case 'page':
      // Only the bridge is a page: [N, N+r), the rest of the newest archive.
      return page.n === BRIDGE_PAGE && hasBridge(total, perPage) ? items.slice(perPage, perPage + (total % perPage)) : undefined
    case 'archive':
      return page.n >= 1 && page.n <= archiveCount(total, perPage)
        ? items.slice(total - page.n * perPage, total - (page.n - 1) * perPage)
        : undefined
  }
}
