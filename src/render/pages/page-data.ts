/** What every page knows about the site besides its own content. Built by documents/, read by the page renderers. */
import type { Format } from '../../paths.js'

export interface PageSite {
  title: string
  description: string
  language: string
  /** Site-relative links (see `siteRelativeUrl`): the pages work on any host that serves them. */
  homeHref: string
  cssHref: string
  jsHref: string
  iconHref: string
  /** A topic's page; undefined when topic scopes are not built (`scopes`): its name is then plain text. */
  topicHref(slug: string): string | undefined
}

/** The three feed URLs of one scope, absolute: what a reader is given. */
export type FeedUrls = Record<Format, string>

/** `12 Mar 2024`, in UTC: the same bytes on every machine, whatever its locale or zone. */
export function displayDate(ms: number): string {
  const d = new Date(ms)
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
