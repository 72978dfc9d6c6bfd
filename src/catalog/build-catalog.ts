/**
 * Seed outcomes → one immutable Catalog snapshot: duplicates resolved, drafts and future articles
 * held back as configured, articles sorted newest first (ties by id), topics grouped by slug.
 */
import type { Article, Catalog, Problem, TopicEntry } from '../types.js'
import type { SeedOutcome } from '../seed/seed-outcome.js'
import { isVisible, resolveIds, type CatalogOptions } from './rules.js'
import { allSharedSlugProblems } from './shared-slugs.js'
import { SCOPE_KINDS, SCOPE_KIND_TABLE, type ScopeKind } from '../scopes/scope-kinds.js'

/** Newest first; equal instants by id, so the order never depends on file order. */
export function compareArticles(a: Article, b: Article): number {
  return b.publishedMs - a.publishedMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
}

/**
 * Builds the snapshot. Duplicate ids: the winner rule of rules.ts; every other claimant gets a
 * `duplicate-id` error.
 */
export function buildCatalog(outcomes: readonly SeedOutcome[], opts: CatalogOptions): Catalog {
  const { winners, duplicates } = resolveIds(outcomes)
  const articles = [...winners.values()].filter((a) => isVisible(a, opts)).sort(compareArticles)
  const scopes = groupScopes(articles)
  const problems = [...outcomes.flatMap((o) => o.problems), ...duplicates, ...allSharedSlugProblems(scopes.provider)]
  return {
    articles,
    byId: new Map(articles.map((a) => [a.id, a])),
    topics: scopes.topic,
    scopes,
    problems: problems.sort(byFileAndLine),
    updatedMs: articles[0]?.publishedMs ?? 0,
  }
}

/** Every kind's scopes, grouped as `groupTopics` groups topics. */
export function groupScopes(articles: readonly Article[]): Record<ScopeKind, Map<string, TopicEntry>> {
  return Object.fromEntries(SCOPE_KINDS.map((k) => [k, groupTopics(articles, k)])) as Record<ScopeKind, Map<string, TopicEntry>>
}

/** Topics (or another kind's scopes) by slug, in slug order; articles keep the catalog's order. Of several spellings of one slug, the smallest name wins. */
export function groupTopics(articles: readonly Article[], kind: ScopeKind = 'topic'): Map<string, TopicEntry> {
  const groups = new Map<string, { name: string; articles: Article[] }>()
  const of = SCOPE_KIND_TABLE[kind].of
  for (const a of articles) {
    for (const t of of(a)) {
      const g = groups.get(t.slug)
      if (!g) groups.set(t.slug, { name: t.name, articles: [a] })
      else {
        g.articles.push(a)
        if (t.name < g.name) g.name = t.name
      }
    }
  }
  const slugs = [...groups.keys()].sort()
  return new Map(slugs.map((slug) => {
    const g = groups.get(slug)!
    return [slug, { slug, name: g.name, articles: g.articles }]
  }))
}

export function byFileAndLine(a: Problem, b: Problem): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : (a.line ?? 0) - (b.line ?? 0)
}
