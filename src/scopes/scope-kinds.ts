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
  if (name === undefined) return NONE
  let scopes = byName.get(name)
  if (!scopes) {
    // The topic slug rule, so a hostile name (`../`, `<script>`, empty) can only make a safe segment or none.
    const { slug } = topicSlug(name)
    if (byName.size >= MEMO_LIMIT) byName.clear()
    byName.set(name, (scopes = slug ? [{ name, slug }] : NONE))
  }
  return scopes
}

/**
 * Memoized by name, not by article: a corpus has few providers and categories (50 and 5 in the
 * bench's 100k), so a fresh start slugs each name once instead of twice per article, and holds no
 * per-article memo (a WeakMap over 100k articles cost ~480 ms at the first catalog build, measured).
 * Bounded, so a stream of distinct hostile names cannot grow it without end.
 */
const byName = new Map<string, readonly Topic[]>()
const MEMO_LIMIT = 10_000
const NONE: readonly Topic[] = []

export const SCOPE_KIND_TABLE: Readonly<Record<ScopeKind, ScopeKindSpec>> = {
  topic: { folder: 'topics', one: 'topic', many: 'topics', of: (a) => a.topics },
  provider: { folder: 'providers', one: 'provider', many: 'providers', of: (a) => named(a.provider?.name) },
  category: { folder: 'categories', one: 'category', many: 'categories', of: (a) => named(a.category) },
}

/** The kind whose documents live under `folder`, if any. */
export function kindOfFolder(folder: string): ScopeKind | undefined {
  return SCOPE_KINDS.find((k) => SCOPE_KIND_TABLE[k].folder === folder)
}

/** The topic scope of a slug (null: the global scope), the common case of a scope. */
export function topicScope(slug: string | null): ScopeRef | null {
  return slug === null ? null : { kind: 'topic', slug }
}
