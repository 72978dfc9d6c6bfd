/**
 * Views computed on request (server only): a union of topics (`/topics/a+b/rss.xml`) and filters
 * on any head (`?min_quality=N`, `?q=WORDS`, `?exclude_topic=slug`), with `?limit`. A view is named
 * by one canonical URL, so a cache and a reader see one URL per set of items; every other spelling
 * is answered with a 301 to it (see view-query.ts).
 */

/** At most this many topics in a union: the cost of a cold union is at most this many sorted lists merged. */
export const MAX_UNION_TOPICS = 10
/** At most this many words in `q`, each at most MAX_WORD_CHARS characters once folded. */
export const MAX_WORDS = 8
export const MAX_WORD_CHARS = 64
/** At most this many `exclude_topic` parameters. */
export const MAX_EXCLUDES = 10
/**
 * A view reads at most this many articles of its scope(s), newest first, looking for its items: a
 * filter that matches little stops there instead of reading a 100k-article scope on every cold
 * request. Documented in the README ("Scopes and views"); measured by `npm run bench -- --views`:
 * at 100k articles a filter that matches nothing takes ~49 ms with the cap, ~315 ms without.
 */
export const VIEW_SCAN_LIMIT = 10000

/** A view of a head, in canonical form: lists sorted by code point and without repeats. */
export interface ViewSpec {
  /** A union's topic slugs (two or more), when the view is one. */
  topics?: readonly string[]
  /** Only items whose `quality` is at least this (items without one are left out). */
  minQuality?: number
  /** Only items whose title or excerpt holds every word (folded: lowercase, without accents). */
  words?: readonly string[]
  /** Only items in none of these topics. */
  excludeTopics?: readonly string[]
  /** At most this many items (below the head's size). */
  limit?: number
}

/** Lowercase, accents removed (NFKD, combining marks dropped), NFC: how `q` and the texts it is matched against are compared. */
export function fold(text: string): string {
  // ASCII needs no decomposition: most titles and excerpts take the fast path (measured in bench/views.ts).
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(text)) return text.toLowerCase()
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().normalize('NFC')
}

/** The words of a folded text: runs of letters and digits. */
export function wordsOf(folded: string): string[] {
  return folded.match(/[\p{L}\p{N}]+/gu) ?? []
}

/** Whether a view changes anything beyond `?limit` (a plain `?limit` keeps its own, older path). */
export function isFiltered(v: ViewSpec): boolean {
  return v.topics !== undefined || v.minQuality !== undefined || v.words !== undefined || v.excludeTopics !== undefined
}
