/**
 * Seed outcomes → one immutable Catalog snapshot: duplicates resolved, drafts and future articles
 * held back as configured, articles sorted newest first (ties by id), topics grouped by slug.
 */
import type { Article, Catalog, Problem, TopicEntry } from '../types.js'
import { FUTURE_TOLERANCE_MS } from '../normalize/normalize-article.js'
import type { SeedOutcome } from '../seed/seed-outcome.js'


export interface CatalogOptions {
  onlyPublished: boolean
  nowMs: number
}

/** Newest first; equal instants by id, so the order never depends on file order. */
export function compareArticles(a: Article, b: Article): number {
  return b.publishedMs - a.publishedMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
}

/**
 * Builds the snapshot. Duplicate ids: the file whose path sorts first wins, whatever the dates,
 * so the choice is stable across runs and machines; every other file gets a `duplicate-id` error.
 */
export function buildCatalog(outcomes: readonly SeedOutcome[], opts: CatalogOptions): Catalog {
  const problems: Problem[] = []
  const byId = new Map<string, Article>()
  const sorted = [...outcomes].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))
  for (const o of sorted) {
    problems.push(...o.problems)
    const a = o.article
    if (!a) continue
    const first = byId.get(a.id)
    if (first) {
      problems.push({
        file: o.file, field: 'webUrl', code: 'duplicate-id', severity: 'error',
        message: `article id ${JSON.stringify(a.id)} is already used by ${first.file}; this file is not published`,
      })
      continue
    }
    byId.set(a.id, a)
  }
  const articles = [...byId.values()].filter((a) => isVisible(a, opts)).sort(compareArticles)
  return {
    articles,
    byId: new Map(articles.map((a) => [a.id, a])),
    topics: groupTopics(articles),
    problems: problems.sort(byFileAndLine),
    updatedMs: articles[0]?.publishedMs ?? 0,
  }
}

export function isVisible(a: Article, opts: CatalogOptions): boolean {
  if (opts.onlyPublished && !a.published) return false
  return a.publishedMs <= opts.nowMs + FUTURE_TOLERANCE_MS
}

/** Topics by slug, in slug order; articles keep the catalog's order. Of several spellings of one slug, the smallest name wins. */
export function groupTopics(articles: readonly Article[]): Map<string, TopicEntry> {
  const groups = new Map<string, { name: string; articles: Article[] }>()
  for (const a of articles) {
    for (const t of a.topics) {
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

function byFileAndLine(a: Problem, b: Problem): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : (a.line ?? 0) - (b.line ?? 0)
}

/**
 * The first instant at which a held-back (future) article becomes visible, for the server's timer;
 * undefined when none is waiting. Only articles that win their id count, and with `onlyPublished`
 * a draft never becomes due, so a timer set from this always has something to show.
 */
export function nextDueMs(outcomes: Iterable<SeedOutcome>, opts: CatalogOptions): number | undefined {
  const winners = new Map<string, Article>()
  const sorted = [...outcomes].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))
  for (const o of sorted) if (o.article && !winners.has(o.article.id)) winners.set(o.article.id, o.article)
  let next: number | undefined
  for (const a of winners.values()) {
    if (isVisible(a, opts) || (opts.onlyPublished && !a.published)) continue
    const due = a.publishedMs - FUTURE_TOLERANCE_MS
    if (next === undefined || due < next) next = due
  }
  return next
}
