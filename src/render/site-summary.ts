/** The data the index documents (`/`, `/topics.json`, `/topics.opml`) are rendered from. */
import type { Format } from '../paths.js'

export interface TopicSummary {
  name: string
  slug: string
  count: number
  updatedMs: number
  feeds: Record<Format, string>
  /** The topic's page (`/topics/{slug}/`), absolute. */
  pageUrl: string
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
  opmlUrl: string
  topics: readonly TopicSummary[]
}
