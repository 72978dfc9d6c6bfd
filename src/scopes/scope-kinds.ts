/**
 * The kinds of scope a feed can have besides the global one: topics, providers and categories.
 * One table says, per kind, the folder its documents live under (`/providers/{slug}/rss.xml`),
 * how it is named to people, and which scopes an article is in, so the catalog, the path table,
 * the Site and the pages read the kinds from one place (issue 14).
 */
import type { Article, Topic } from '../types.js'
import { topicSlug } from '../normalize/slug.js'

export const SCOPE_KINDS = ['topic', 'provider', 'category'] as const
export type ScopeKind = (typeof SCOPE_KINDS)[number]

/** A scope: its kind and its slug (one safe path segment, see normalize/slug.ts). */
export interface ScopeRef {
  kind: ScopeKind
  slug: string
}

export interface ScopeKindSpec {
  /** The URL and file folder of the kind's scopes (`topics`, `providers`, `categories`). */
  folder: string
  /** Singular and plural, for titles, the OPML groups and the pages. */
  one: string
  many: string
  /** The scopes an article is in, with the name each spells: distinct slugs, none empty. */
  of: (a: Article) => readonly Topic[]
}

const named = (name: string | undefined): readonly Topic[] => {
  if (name === undefined) return []
  // The topic slug rule, so a hostile name (`../`, `<script>`, empty) can only make a safe segment or none.
  const { slug } = topicSlug(name)
  return slug ? [{ name, slug }] : []
}

/** Per article, memoized: the provider and category scopes are asked for by every catalog update. */
const memo = new WeakMap<Article, Record<'provider' | 'category', readonly Topic[]>>()
const scopesOf = (a: Article) => {
  let m = memo.get(a)
  if (!m) memo.set(a, (m = { provider: named(a.provider?.name), category: named(a.category) }))
  return m
}

export const SCOPE_KIND_TABLE: Readonly<Record<ScopeKind, ScopeKindSpec>> = {
  topic: { folder: 'topics', one: 'topic', many: 'topics', of: (a) => a.topics },
  provider: { folder: 'providers', one: 'provider', many: 'providers', of: (a) => scopesOf(a).provider },
  category: { folder: 'categories', one: 'category', many: 'categories', of: (a) => scopesOf(a).category },
}

/** The kind whose documents live under `folder`, if any. */
export function kindOfFolder(folder: string): ScopeKind | undefined {
  return SCOPE_KINDS.find((k) => SCOPE_KIND_TABLE[k].folder === folder)
}

/** The topic scope of a slug (null: the global scope), the common case of a scope. */
export function topicScope(slug: string | null): ScopeRef | null {
  return slug === null ? null : { kind: 'topic', slug }
}
