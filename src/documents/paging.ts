/**
 * Which items a feed document holds. Pages count from the newest (page 1 is the head) and move
 * as articles arrive; archives count from the oldest (archive 1 holds the first N articles ever
 * published) and only full ones exist, so an archive's items never change when newer articles
 * come (RFC 5005 section 4). Every item is in the head or in some archive.
 */
import type { FeedPage } from '../paths.js'

/** Pages of a paged feed: the head is page 1, and an empty feed still has its head. */
export function pageCount(total: number, perPage: number): number {
  return Math.max(1, Math.ceil(total / perPage))
}

/** Full archives: a partial one never exists, so what exists never changes (the head holds the rest). */
export function archiveCount(total: number, perPage: number): number {
  return Math.floor(total / perPage)
}

/** Items of `page` from a newest-first list, or undefined when the page does not exist. */
export function pageItems<T>(items: readonly T[], perPage: number, page: FeedPage): readonly T[] | undefined {
  const total = items.length
  switch (page.kind) {
    case 'head':
      return items.slice(0, perPage)
    case 'page':
      return page.n >= 2 && page.n <= pageCount(total, perPage) ? items.slice((page.n - 1) * perPage, page.n * perPage) : undefined
    case 'archive':
      // Archive k holds oldest-first positions [(k-1)N, kN), i.e. newest-first indices [T-kN, T-(k-1)N).
      return page.n >= 1 && page.n <= archiveCount(total, perPage)
        ? items.slice(total - page.n * perPage, total - (page.n - 1) * perPage)
        : undefined
  }
}
