/**
 * A request's view, read strictly: `/topics/{a}+{b}…/` and the query parameters `min_quality`,
 * `q`, `exclude_topic` (repeatable) and `limit`. The answer is the canonical view and its canonical
 * query, a 400 text naming the parameter that is wrong, or undefined when the request asks for no
 * view. The canonical query lists `min_quality`, `q`, `exclude_topic` (slugs sorted by code point,
 * no repeats), `limit`, in that order; `q`'s words are folded, sorted and without repeats.
 */
import { MAX_EXCLUDES, MAX_UNION_TOPICS, MAX_WORDS, MAX_WORD_CHARS, fold, wordsOf, type ViewSpec } from './view-spec.js'

export type ViewRequest =
  | { ok: true; view: ViewSpec; query: string; unionSlugs?: readonly string[] }
  | { ok: false; message: string }

/** The parameters a view reads; any other parameter is ignored (and dropped from the canonical URL). */
export const VIEW_PARAMS = ['min_quality', 'q', 'exclude_topic'] as const

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
const sortedUnique = (xs: Iterable<string>) => [...new Set(xs)].sort(byCodePoint)
const bad = (message: string): ViewRequest => ({ ok: false, message: `Bad request: ${message}\n` })

/** The slugs of a union's path segment (`ai+chips`), or undefined when it is a plain topic. */
export function unionSlugs(slug: string): string[] | undefined {
  return slug.includes('+') ? slug.split('+') : undefined
}

/**
 * Reads the view of a request for a head. `params` is the query as parsed; `union` the path's
 * slugs when it names a union. `maxItems` bounds `limit` below the head size (a larger one is the
 * head itself and leaves the canonical URL), `maxLimit` is the largest `limit` accepted.
 */
export function readView(params: URLSearchParams, union: readonly string[] | undefined, maxItems: number, maxLimit: number): ViewRequest | undefined {
  const view: ViewSpec = {}
  const query = new URLSearchParams()
  if (union) {
    if (union.some((s) => s === '')) return bad('a topic union is /topics/{a}+{b}/…: an empty slug between two "+"')
    const slugs = sortedUnique(union)
    if (slugs.length > MAX_UNION_TOPICS) return bad(`a topic union holds at most ${MAX_UNION_TOPICS} topics, got ${slugs.length}`)
    if (slugs.length > 1) view.topics = slugs
  }
  const one = (name: string) => {
    const all = params.getAll(name)
    return all.length > 1 ? null : all[0]
  }
  const mq = one('min_quality')
  if (mq === null) return bad('min_quality is given more than once')
  if (mq !== undefined) {
    if (!/^-?(0|[1-9][0-9]{0,8})(\.[0-9]{1,6})?$/.test(mq)) return bad(`min_quality must be a number (like 3 or 0.5), got ${JSON.stringify(mq.slice(0, 100))}`)
    view.minQuality = Number(mq)
    query.append('min_quality', String(view.minQuality))
  }
  const q = one('q')
  if (q === null) return bad('q is given more than once (put every word in one q)')
  if (q !== undefined) {
    const words = sortedUnique(wordsOf(fold(q)))
    if (words.length === 0) return bad(`q must hold at least one word (letters or digits), got ${JSON.stringify(q.slice(0, 100))}`)
    if (words.length > MAX_WORDS) return bad(`q holds at most ${MAX_WORDS} words, got ${words.length}`)
    const long = words.find((w) => [...w].length > MAX_WORD_CHARS)
    if (long) return bad(`q's words are at most ${MAX_WORD_CHARS} characters, got one of ${[...long].length}`)
    view.words = words
    query.append('q', words.join(' '))
  }
  const excludes = params.getAll('exclude_topic')
  if (excludes.length > 0) {
    if (excludes.some((s) => s === '' || s.includes('/') || s.includes('+'))) return bad('exclude_topic must be a topic slug (as in /topics/{slug}/)')
    const slugs = sortedUnique(excludes)
    if (slugs.length > MAX_EXCLUDES) return bad(`exclude_topic is given at most ${MAX_EXCLUDES} times, got ${slugs.length}`)
    view.excludeTopics = slugs
    for (const s of slugs) query.append('exclude_topic', s)
  }
  const limit = one('limit')
  if (limit === null) return bad('limit is given more than once')
  if (limit !== undefined) {
    const n = /^[1-9][0-9]{0,8}$/.test(limit) ? Number(limit) : NaN
    if (!(n <= maxLimit)) return bad(`limit must be a whole number from 1 to ${maxLimit}, got ${JSON.stringify(limit.slice(0, 100))}`)
    if (n < maxItems) {
      view.limit = n
      query.append('limit', String(n))
    }
  }
  if (!union && view.minQuality === undefined && view.words === undefined && view.excludeTopics === undefined) return undefined
  return { ok: true, view, query: query.toString(), ...(union && { unionSlugs: sortedUnique(union) }) }
}
