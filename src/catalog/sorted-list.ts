/**
 * Edits of a sorted, duplicate-free list that return a new list and leave the old one alone
 * (snapshots share nothing mutable). A few edits are binary searches and splices on one copy;
 * many at once are one filter and one merge. Either way O(n) copying at most, never a re-sort
 * of the whole list.
 */

export type Compare<T> = (a: T, b: T) => number

/** Below this many edits, splicing a copy beats filtering and merging. */
const SPLICE_LIMIT = 32

/** First index whose element is not before `item`. */
export function lowerBound<T>(list: readonly T[], item: T, cmp: Compare<T>): number {
  let lo = 0
  let hi = list.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (cmp(list[mid]!, item) < 0) lo = mid + 1
    else hi = mid
  }
  return lo
}

/**
 * `list` without `remove` (found by identity at their sorted place) and with `add` in sorted
 * place. Every removed element must be in the list; added ones must not compare equal to any
 * kept element (the catalog's order is total: date, then unique id).
 */
export function editSorted<T>(list: readonly T[], remove: readonly T[], add: readonly T[], cmp: Compare<T>): T[] {
  if (remove.length === 0 && add.length === 0) return list as T[]
  if (remove.length + add.length <= SPLICE_LIMIT) {
    const out = list.slice()
    for (const r of remove) {
      const i = lowerBound(out, r, cmp)
      if (out[i] !== r) throw new Error('editSorted: element to remove is not in the list')
      out.splice(i, 1)
    }
    for (const a of add) out.splice(lowerBound(out, a, cmp), 0, a)
    return out
  }
  const gone = new Set(remove)
  const kept = gone.size > 0 ? list.filter((x) => !gone.has(x)) : list
  if (kept.length !== list.length - gone.size) throw new Error('editSorted: element to remove is not in the list')
  return merge(kept, [...add].sort(cmp), cmp)
}

/** Merge of two sorted lists; on ties the element of `a` comes first. */
export function merge<T>(a: readonly T[], b: readonly T[], cmp: Compare<T>): T[] {
  const out: T[] = new Array<T>(a.length + b.length)
  let i = 0
  let j = 0
  let k = 0
  while (i < a.length && j < b.length) out[k++] = cmp(b[j]!, a[i]!) < 0 ? b[j++]! : a[i++]!
  while (i < a.length) out[k++] = a[i++]!
  while (j < b.length) out[k++] = b[j++]!
  return out
}
