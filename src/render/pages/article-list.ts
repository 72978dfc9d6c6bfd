/** A list of articles as the pages show them: headline linking to the article, provider, date, topics, lead image. */
import type { Article } from '../../types.js'
import { leadImage } from '../media.js'
import { html, type Html } from './html.js'
import { displayDate, type PageSite } from './page-data.js'

/** Characters of the excerpt shown under a headline: two lines on a desktop, four on a phone. */
const EXCERPT_CHARS = 180

export function articleList(articles: readonly Article[], site: PageSite): Html {
  if (articles.length === 0) return html`<p class="empty">No articles yet.</p>`
  let items = rendered.get(site)
  if (!items) rendered.set(site, (items = new WeakMap()))
  const cache = items
  const list = articles.map((a) => {
    let item = cache.get(a)
    if (!item) cache.set(a, (item = articleItem(a, site)))
    return item
  })
  return html`<ol class="articles">
${list}</ol>`
}

/**
 * Each article's item, rendered once per PageSite and reused on every page that lists it (the
 * site page and each of its topics' pages), like the feeds' item fragments. Keyed by the objects:
 * an unchanged article keeps its object across snapshots, and a dropped one takes its item along.
 */
const rendered = new WeakMap<PageSite, WeakMap<Article, Html>>()

function articleItem(a: Article, site: PageSite): Html {
  const img = leadImage(a.images)
  // alt="": the image illustrates the headline beside it, which says what a screen reader needs.
  const thumb = img && html`<img class="thumb" src="${img.url}" alt="" loading="lazy" decoding="async" referrerpolicy="no-referrer"${img.width && img.height ? html` width="${img.width}" height="${img.height}"` : ''}>`
  const topics = a.topics.map((t) => {
    const href = site.topicHref(t.slug)
    return href === undefined ? html`<li>${t.name}</li>` : html`<li><a href="${href}">${t.name}</a></li>`
  })
  return html`<li class="article">
  <div class="text">
    <h3><a href="${a.webUrl}">${a.title}</a></h3>
    <p class="meta">${a.provider ? html`<span class="provider">${a.provider.name}</span> · ` : ''}<time datetime="${new Date(a.publishedMs).toISOString()}">${displayDate(a.publishedMs)}</time></p>
    ${a.excerpt ? html`<p class="excerpt">${clip(a.excerpt)}</p>` : ''}
    ${topics.length > 0 ? html`<ul class="tags" aria-label="Topics">${topics}</ul>` : ''}
  </div>
  ${thumb}
</li>
`
}

/** The excerpt cut at a word boundary, with an ellipsis when cut. */
function clip(text: string): string {
  if (text.length <= EXCERPT_CHARS) return text
  const cut = text.slice(0, EXCERPT_CHARS)
  const space = cut.lastIndexOf(' ')
  return (space > EXCERPT_CHARS / 2 ? cut.slice(0, space) : cut) + '…'
}
