/**
 * The catalog as the spec says it, written the plain way (sort with the comparator, one grouping
 * pass per kind, every problem sorted at the end): the reference the fast build (build-catalog.ts,
 * sort-articles.ts, group-scopes.ts) must equal, order included. It is the build as it was before
 * the fast path, kept here on purpose: slow, obvious, and independent of the fast code.
 */
import type { Article, Catalog, Problem, TopicEntry } from '../../src/types.js'
import type { SeedOutcome } from '../../src/seed/seed-outcome.js'
import { FUTURE_TOLERANCE_MS } from '../../src/normalize/normalize-article.js'
import { SCOPE_KINDS, SCOPE_KIND_TABLE, type ScopeKind } from '../../src/scopes/scope-kinds.js'

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

export function referenceCompare(a: Article, b: Article): number {
  return b.publishedMs - a.publishedMs || byString(a.id, b.id)
}

export function referenceCatalog(outcomes: readonly SeedOutcome[], opts: { onlyPublished: boolean; nowMs: number }): Catalog {
  const winners = new Map<string, Article>()
  const problems: Problem[] = outcomes.flatMap((o) => o.problems)
  for (const o of [...outcomes].sort((a, b) => byString(a.file, b.file))) {
    const a = o.article
    if (!a) continue
    const first = winners.get(a.id)
    if (!first) winners.set(a.id, a)
    else problems.push({
      file: a.file, field: a.idFrom ?? 'webUrl', code: 'duplicate-id', severity: 'error',
      message: `article id ${JSON.stringify(a.id)} is already used by ${first.file}; this file is not published`,
    })
  }
  const articles = [...winners.values()]
    .filter((a) => !(opts.onlyPublished && !a.published) && a.publishedMs <= opts.nowMs + FUTURE_TOLERANCE_MS)
    .sort(referenceCompare)
  const scopes = Object.fromEntries(SCOPE_KINDS.map((k) => [k, group(articles, k)])) as Record<ScopeKind, Map<string, TopicEntry>>
  for (const entry of scopes.provider.values()) {
    for (const a of entry.articles) {
      const name = a.provider?.name
      if (name === undefined || name === entry.name) continue
      problems.push({
        file: a.file, field: 'provider.name', code: 'shared-provider-slug', severity: 'warning',
        message: `provider ${JSON.stringify(name.slice(0, 100))} has the slug "${entry.slug}" of provider ${JSON.stringify(entry.name.slice(0, 100))}; their articles are one provider feed, /providers/${entry.slug}/`,
      })
    }
  }
  return {
    articles,
    byId: new Map(articles.map((a) => [a.id, a])),
    topics: scopes.topic,
    scopes,
    problems: problems.sort((a, b) => byString(a.file, b.file) || (a.line ?? 0) - (b.line ?? 0)),
    updatedMs: articles[0]?.publishedMs ?? 0,
  }
}

function group(articles: readonly Article[], kind: ScopeKind): Map<string, TopicEntry> {
  const groups = new Map<string, { slug: string; name: string; articles: Article[] }>()
  for (const a of articles) {
    for (const t of SCOPE_KIND_TABLE[kind].of(a)) {
      const g = groups.get(t.slug)
      if (!g) groups.set(t.slug, { slug: t.slug, name: t.name, articles: [a] })
      else {
        g.articles.push(a)
        if (t.name < g.name) g.name = t.name
      }
    }
  }
  return new Map([...groups].sort(([a], [b]) => byString(a, b)))
}
