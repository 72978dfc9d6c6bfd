/**
 * `/`: the site page. Title and description, the latest articles, every topic sorted by article
 * count (a plain list; the script adds a filter box), and the global feed's formats and the OPML
 * file. Autodiscovery in the head points at the global feeds.
 */
import type { Article } from '../types.js'
import { articleList } from './pages/article-list.js'
import { html, type Html } from './pages/html.js'
import { displayDate, type PageSite } from './pages/page-data.js'
import { renderPage } from './pages/page-shell.js'
import { subscribeBlock } from './pages/subscribe.js'
import type { SiteSummary, TopicSummary } from './site-summary.js'

/** Articles on the front page. */
export const HOME_ARTICLES = 20

export interface HomePageInput {
  site: PageSite
  summary: SiteSummary
  /** The newest articles, newest first (at most HOME_ARTICLES). */
  latest: readonly Article[]
}

export function renderIndexHtml({ site, summary: s, latest }: HomePageInput): Uint8Array {
  const main = html`    <h1>${s.title}</h1>
    <p class="lede">${s.description}</p>
    <p class="stats">${s.articleCount} articles in ${s.topics.length} topics${s.updatedMs > 0 ? html`, updated <time datetime="${new Date(s.updatedMs).toISOString()}">${displayDate(s.updatedMs)}</time>` : ''}.</p>
    <div class="columns">
      <section class="latest" aria-labelledby="latest">
        <h2 id="latest">Latest articles</h2>
        ${articleList(latest, site)}
      </section>
      <div class="side">
        ${topicsSection(s.topics, site)}
        ${subscribeBlock(s.feeds, 'all-feeds', 'Every article, as a feed')}
        <section class="opml" aria-labelledby="opml">
          <h2 id="opml">Every topic at once</h2>
          <p>Import <a href="${s.opmlUrl}">topics.opml</a> into your reader to subscribe to every topic in one go; programs can read <a href="${s.topicsJsonUrl}">topics.json</a>.</p>
        </section>
      </div>
    </div>`
  return renderPage({ site, title: s.title, description: s.description, canonical: s.homeUrl, feeds: s.feeds, feedTitle: s.title, main })
}

/** Most articles first; ties by newest article, then by slug, so the order is stable. */
export function byCount(topics: readonly TopicSummary[]): TopicSummary[] {
  return [...topics].sort((a, b) => b.count - a.count || b.updatedMs - a.updatedMs || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0))
}

function topicsSection(topics: readonly TopicSummary[], site: PageSite): Html {
  const items = byCount(topics).map(
    (t) => html`          <li><a href="${site.topicHref(t.slug)}"><span class="topic-name">${t.name}</span> <span class="count">${t.count}</span></a>${t.updatedMs > 0 ? html` <time datetime="${new Date(t.updatedMs).toISOString()}">${displayDate(t.updatedMs)}</time>` : ''}</li>\n`,
  )
  return html`<section class="topics" aria-labelledby="topics">
          <h2 id="topics">Topics</h2>
          <div class="filter" hidden>
            <label for="topic-filter">Find a topic</label>
            <input id="topic-filter" type="search" autocomplete="off" spellcheck="false" aria-controls="topic-list" aria-describedby="topic-status">
            <p id="topic-status" class="status" role="status" aria-live="polite"></p>
          </div>
          <ul id="topic-list" class="topic-list">
${items}          </ul>
        </section>`
}
