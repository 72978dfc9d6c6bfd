/**
 * Seed outcomes → one immutable Catalog snapshot: duplicates resolved, drafts and future articles
 * held back as configured, articles sorted newest first (ties by id), topics grouped by slug.
 */
import type { Article, Catalog, Problem, TopicEntry } from '../types.js'
import type { SeedOutcome } from '../seed/seed-outcome.js'
import { isHeldBack, isVisible, resolveIds, type CatalogOptions } from './rules.js'
import { sharedSlugsOf } from './shared-slugs.js'
import { catalogOrder } from './sort-articles.js'
import { groupAllScopes, groupKind, type Spellings } from './group-scopes.js'
import type { ScopeKind } from '../scopes/scope-kinds.js'

export { compareArticles } from './sort-articles.js'

/**
 * Builds the snapshot. Duplicate ids: the winner rule of rules.ts; every other claimant gets a
 * `duplicate-id` error.
 */
export function buildCatalog(outcomes: readonly SeedOutcome[], opts: CatalogOptions): Catalog {
  const { winners, duplicates } = resolveIds(outcomes)
  const problems: Problem[] = []
  for (const o of outcomes) for (const p of o.problems) problems.push(p)
  problems.push(...duplicates)
  return assembleCatalog(winners.values(), problems, opts).catalog
}

/**
 * The snapshot from the winners (one article per id, in any order; the order they were loaded in
 * is the fastest to read) and the problems so far (every outcome's, then the duplicate-id ones),
 * plus the spelling counts of every scope: what buildCatalog and CatalogIndex's fresh start
 * share, so the index need not resolve the ids a second time. `held` hears of every winner held
 * back by its future date.
 */
export function assembleCatalog(
  winners: Iterable<Article>, problems: Problem[], opts: CatalogOptions, held?: (a: Article) => void,
): { catalog: Catalog; spellings: Map<ScopeKind, Spellings> } {
  const visible: Article[] = []
  const dates: number[] = []
  for (const a of winners) {
    if (isVisible(a, opts)) {
      visible.push(a)
      dates.push(a.publishedMs)
    } else if (held && isHeldBack(a, opts)) held(a)
  }
  const order = catalogOrder(visible, dates)
  const articles = new Array<Article>(order.length)
  for (let p = 0; p < order.length; p++) articles[p] = visible[order[p]!]!
  const { scopes, spellings } = groupAllScopes(visible, order)
  problems.push(...sharedSlugsOf(scopes.provider, spellings.get('provider')!))
  // In the order given, the cheaper one to read (nothing iterates byId, and an update's LayeredMap lists new ids last anyway).
  const byId = new Map<string, Article>()
  for (const a of visible) byId.set(a.id, a)
  const catalog: Catalog = {
    articles,
    byId,
    topics: scopes.topic,
    scopes,
    // Stable: equal file and line keep the order own problems, duplicate-id, shared slug.
    problems: problems.sort(byFileAndLine),
    updatedMs: articles[0]?.publishedMs ?? 0,
  }
  return { catalog, spellings }
}

/** Every kind's scopes, grouped as `groupTopics` groups topics. */
export function groupScopes(articles: readonly Article[]): Record<ScopeKind, Map<string, TopicEntry>> {
  return groupAllScopes(articles).scopes
}

/** Topics (or another kind's scopes) by slug, in slug order; articles keep the catalog's order. Of several spellings of one slug, the smallest name wins. */
export function groupTopics(articles: readonly Article[], kind: ScopeKind = 'topic'): Map<string, TopicEntry> {
  return groupKind(articles, kind)
}

export function byFileAndLine(a: Problem, b: Problem): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : (a.line ?? 0) - (b.line ?? 0)
}
