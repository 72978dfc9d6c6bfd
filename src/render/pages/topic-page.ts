/**
 * `/topics/{slug}/` (and `/providers/{slug}/`, `/categories/{slug}/`): one scope. Its name and article count, subscribe controls for its three
 * feeds, and its latest articles. Autodiscovery in the head points at the topic's feeds, so a
 * reader given this page's URL subscribes to the topic, not to the whole site.
 */
import type { Article } from '../../types.js'
import type { ScopeKind } from '../../scopes/scope-kinds.js'
import type { TopicSummary } from '../site-summary.js'
import { articleList } from './article-list.js'
import { html } from './html.js'
import { displayDate, type PageSite } from './page-data.js'
import { renderPage } from './page-shell.js'
import { subscribeBlock } from './subscribe.js'

/** Articles on a topic page. */
export const TOPIC_ARTICLES = 50

export interface TopicPageInput {
  site: PageSite
  topic: TopicSummary
  /** Absolute URL of this page. */
  pageUrl: string
  /** The topic's newest articles, newest first (at most TOPIC_ARTICLES). */
  latest: readonly Article[]
  /** The scope's kind (default: topic): it words the page ("about AI", "from Reuters", "in News"). */
  kind?: ScopeKind
}

const RELATION: Record<ScopeKind, string> = { topic: 'about', provider: 'from', category: 'in' }

export function renderTopicPage({ site, topic: t, pageUrl, latest, kind = 'topic' }: TopicPageInput): Uint8Array {
  const rel = RELATION[kind]
  const more = t.count > latest.length ? html` The feeds hold the full history.` : ''
  const main = html`    <nav class="crumbs" aria-label="Breadcrumb"><a href="${site.homeHref}">All topics</a></nav>
    <h1>${t.name}</h1>
    <p class="stats">${t.count === 1 ? '1 article' : `${t.count} articles`}${t.updatedMs > 0 ? html`, newest <time datetime="${new Date(t.updatedMs).toISOString()}">${displayDate(t.updatedMs)}</time>` : ''}.</p>
    ${subscribeBlock(t.feeds, 'subscribe', `Follow ${t.name}`)}
    <section class="latest" aria-labelledby="latest">
      <h2 id="latest">Latest articles</h2>
      <p class="note">The ${latest.length === 1 ? 'newest article' : `${latest.length} newest articles`} ${rel} ${t.name}.${more}</p>
      ${articleList(latest, site)}
    </section>`
  const title = `${t.name} · ${site.title}`
  return renderPage({
    site,
    title,
    description: kind === 'provider' ? `Articles from ${t.name} on ${site.title}, and feeds to follow them.` : `Articles ${rel} ${t.name} from ${site.title}, and feeds to follow them.`,
    canonical: pageUrl,
    feeds: t.feeds,
    feedTitle: `${site.title}: ${t.name}`,
    main,
  })
}
