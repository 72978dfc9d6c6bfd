/**
 * The data model shared by every stage: seeds → load → normalize → catalog → render → serve | write.
 * Types only; nothing here runs.
 */

import type { ScopeKind } from './scopes/scope-kinds.js'

/** `error`: the article is not published. `warning`: it is, but something was fixed or dropped. */
export type Severity = 'error' | 'warning'

/** One problem found in one seed file. Problems are values, collected per file, never thrown. */
export interface Problem {
  /** Path of the seed, relative to the seeds folder, with forward slashes. */
  file: string
  /** 1-based line in the file, when the problem can be pinned to one. */
  line?: number
  /** The front-matter field concerned (dotted for nested ones: `images[0].url`). */
  field?: string
  /** Stable, machine-readable code (`bad-date`, `yaml-syntax`, …): see README "Problems". */
  code: string
  message: string
  severity: Severity
}

export interface Topic {
  name: string
  /** URL-safe key: lowercase, accents folded, Unicode letters kept (`AI Hardware` → `ai-hardware`). */
  slug: string
}

export interface Image {
  url: string
  width?: number
  height?: number
  /** MIME type guessed from the URL's extension (`image/jpeg`), when it has a known one. */
  type?: string
}

export interface Provider {
  name: string
  /** `https://{domain}/`, when the seed gives a valid domain. */
  url?: string
}

export interface Related {
  title: string
  url: string
  provider?: string
  publishedMs?: number
}

/** A normalized article: only the fields we publish, every text cleaned, every URL absolute. */
export interface Article {
  /** Stable id: front-matter `id`, else `webUrl`, else `originalUrl`. Never derived from the path. */
  id: string
  /** Seed file this article came from (relative path). */
  file: string
  /** Hash of the seed's bytes: the cache key of everything derived from the article. */
  hash: string
  title: string
  /** Plain text. */
  excerpt: string
  /** Sanitized HTML, identical in every format. */
  contentHtml: string
  /** Publication instant, milliseconds since the epoch, UTC. */
  publishedMs: number
  /** Front-matter `updatedDateTime` (a correction), when given and later than `publishedMs`. */
  updatedMs?: number
  webUrl: string
  /** Only when it differs from `webUrl`. */
  originalUrl?: string
  topics: Topic[]
  category?: string
  provider?: Provider
  images: Image[]
  related: Related[]
  quality?: number
  published: boolean
  /** The front-matter field `id` was read from (set by the seed step); problems about the id name it. */
  idFrom?: IdField
}

/** Front-matter fields an article id can come from, in the order they are tried. */
export type IdField = 'id' | 'webUrl' | 'originalUrl'

export interface TopicEntry extends Topic {
  /** Newest first, ties by id. */
  articles: readonly Article[]
}

/**
 * One immutable snapshot of everything published. A change makes a new Catalog (sharing the
 * unchanged Article objects); readers hold one reference for a whole request.
 */
export interface Catalog {
  /** Every published article, newest first, ties broken by id. */
  articles: readonly Article[]
  byId: ReadonlyMap<string, Article>
  /** Topics by slug, in slug order (the same map as `scopes.topic`). */
  topics: ReadonlyMap<string, TopicEntry>
  /** Scopes of every kind (topics, providers, categories) by slug, each map in slug order. */
  scopes: Readonly<Record<ScopeKind, ReadonlyMap<string, TopicEntry>>>
  /** Every problem of every seed file, by file then line. */
  problems: readonly Problem[]
  /** Newest publication instant, or 0 when there is no article. */
  updatedMs: number
}

export type Result<T> = { ok: true; value: T; problems: Problem[] } | { ok: false; problems: Problem[] }
