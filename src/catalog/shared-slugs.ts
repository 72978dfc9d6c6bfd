/**
 * Two provider names that make one slug (`Reuters`, `reuters`, `Reuters!`) are one provider scope,
 * named by the spelling that sorts first (as topics are); every article that spells it otherwise
 * gets a warning, so the publisher learns that two sources were merged. Topics and categories
 * merge spellings silently, as topics always have: a topic name is a tag, a provider is a source.
 */
import type { Article, Problem, TopicEntry } from '../types.js'

/** The code of the warning; the catalog strips and recomputes these on every update. */
export const SHARED_SLUG = 'shared-provider-slug'

/** The warnings of one provider scope: one per article whose provider name is not the scope's name. */
export function sharedSlugProblems(entry: TopicEntry): Problem[] {
  const out: Problem[] = []
  for (const a of entry.articles) {
    const name = a.provider?.name
    if (name !== undefined && name !== entry.name) out.push(problem(a, name, entry))
  }
  return out
}

/**
 * The warnings of every provider scope that more than one spelling names (`spellings`: slug →
 * spelling → count, as the catalog counts them); a scope of one spelling has none, so its
 * articles are not read.
 */
export function sharedSlugsOf(providers: ReadonlyMap<string, TopicEntry>, spellings: ReadonlyMap<string, ReadonlyMap<string, number>>): Problem[] {
  const out: Problem[] = []
  for (const [slug, names] of spellings) if (names.size > 1) out.push(...sharedSlugProblems(providers.get(slug)!))
  return out
}

function problem(a: Article, name: string, entry: TopicEntry): Problem {
  return {
    file: a.file, field: 'provider.name', code: SHARED_SLUG, severity: 'warning',
    message: `provider ${JSON.stringify(name.slice(0, 100))} has the slug "${entry.slug}" of provider ${JSON.stringify(entry.name.slice(0, 100))}; their articles are one provider feed, /providers/${entry.slug}/`,
  }
}
