/**
 * The items of a view: the newest articles of one or more newest-first lists (a union merges up
 * to MAX_UNION_TOPICS of them, each article once) that pass the view's filters. Pure; reads at
 * most `scanLimit` list entries, so a cold view costs O(scanLimit · words) whatever the corpus.
 */
import { compareArticles } from '../catalog/build-catalog.js'
import type { Article } from '../types.js'
import { fold, type ViewSpec } from './view-spec.js'

/** Whether `a` passes the view's filters (the union is the lists' business). */
export function passes(a: Article, view: ViewSpec): boolean {
  if (view.minQuality !== undefined && !(a.quality !== undefined && a.quality >= view.minQuality)) return false
  if (view.excludeTopics && a.topics.some((t) => view.excludeTopics!.includes(t.slug))) return false
  if (view.words) {
    // indexOf and a look at the two neighbours, not a split into words: no array, no Set per article
    // (a filter that matches nothing reads 10,000 of them; see bench/views.ts).
    const text = fold(`${a.title} ${a.excerpt}`)
    if (!view.words.every((w) => hasWord(text, w))) return false
  }
  return true
}

/** Whether `w` occurs in `text` as a whole word (letters and digits around it are not part of it). */
export function hasWord(text: string, w: string): boolean {
  for (let i = text.indexOf(w); i >= 0; i = text.indexOf(w, i + 1)) {
    if (!wordCharBefore(text, i) && !wordCharAt(text, i + w.length)) return true
  }
  return false
}

const WORD_CHAR = /^[\p{L}\p{N}]$/u

function wordCharAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i)
  if (Number.isNaN(c)) return false
  if (c < 0x80) return (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90)
  return WORD_CHAR.test(String.fromCodePoint(text.codePointAt(i)!))
}

function wordCharBefore(text: string, i: number): boolean {
  if (i === 0) return false
  const c = text.charCodeAt(i - 1)
  // A low surrogate ends a pair that starts one further back.
  return c >= 0xdc00 && c <= 0xdfff && i >= 2 ? wordCharAt(text, i - 2) : wordCharAt(text, i - 1)
}

/**
 * The first `max` articles, newest first, of the union of `lists` that pass `view`, reading at
 * most `scanLimit` entries. Lists are newest first (catalog order), so an article in several of
 * them comes up in each at the same place in the merge and is taken once.
 */
export function selectView(lists: readonly (readonly Article[])[], view: ViewSpec, max: number, scanLimit: number): Article[] {
  const out: Article[] = []
  const at = lists.map(() => 0)
  let last: Article | undefined
  for (let scanned = 0; out.length < max && scanned < scanLimit; scanned++) {
    let best = -1
    for (let i = 0; i < lists.length; i++) {
      const a = lists[i]![at[i]!]
      if (a !== undefined && (best < 0 || compareArticles(a, lists[best]![at[best]!]!) < 0)) best = i
    }
    if (best < 0) break
    const a = lists[best]![at[best]!++]!
    if (a === last) continue
    last = a
    if (passes(a, view)) out.push(a)
  }
  return out
}
