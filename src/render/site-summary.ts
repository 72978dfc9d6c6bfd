/** The data the index documents (`/`, `/topics.json`, `/topics.opml`) are rendered from. */
import type { Format } from '../paths.js'
import type { ScopeKind } from '../scopes/scope-kinds.js'

export interface TopicSummary {
  name: string
  slug: string
  count: number
  updatedMs: number
  feeds: Record<Format, string>
  /** The scope's page (`/topics/{slug}/`, `/providers/{slug}/`), absolute. */
  pageUrl: string
}

/** Every scope of one kind, in slug order. */
export interface ScopeGroup {
  kind: ScopeKind
  /** The kind's plural (`providers`): the OPML group's and the index's name for it. */
  label: string
  entries: readonly TopicSummary[]
}

export interface SiteSummary {
  title: string
  description: string
  language: string
  homeUrl: string
  updatedMs: number
  articleCount: number
  feeds: Record<Format, string>
  topicsJsonUrl: string
  scopesJsonUrl: string
  opmlUrl: string
  /** The topics (empty when topics are not built): `scopes`' topic group. */
  topics: readonly TopicSummary[]
  /** One group per built scope kind, in table order. */
  scopes: readonly ScopeGroup[]
}
