/**
 * The HTML pages and their assets as documents: what each page is made from (and so its
 * signature: equal signatures, equal bytes), and the Document around the rendered bytes, with
 * the pages' Content-Security-Policy. The Site memoizes them like every other document.
 */
import { SITE_CSS } from '../assets/site-css.js'
import { SITE_JS } from '../assets/site-js.js'
import type { Config } from '../config.js'
import { absoluteUrl, filePath, siteRelativeUrl, urlPath, type AssetName, type DocKey, type ScopeRef } from '../paths.js'
import type { ScopeKind } from '../scopes/scope-kinds.js'
import { utf8 } from '../render/bytes.js'
import { HOME_ARTICLES, renderIndexHtml } from '../render/index-html.js'
import { PAGE_CSP } from '../render/pages/csp.js'
import type { PageSite } from '../render/pages/page-data.js'
import { TOPIC_ARTICLES, renderTopicPage } from '../render/pages/topic-page.js'
import type { SiteSummary, TopicSummary } from '../render/site-summary.js'
import type { Article, Catalog } from '../types.js'
import { Document, revalidatingCacheControl, type DocumentPorts } from './document.js'

export interface PageSource {
  catalog: Catalog
  config: Config
  summary: SiteSummary
}

/** A page to render: its signature (what its bytes depend on besides config and code) and how to render it. */
export interface PagePlan {
  sig: string
  lastModifiedMs: number
  render: () => Uint8Array
}

/** `/`: the summary (topics, counts, feed URLs) and the newest articles. */
export function homePlan(src: PageSource): PagePlan {
  const latest = src.catalog.articles.slice(0, HOME_ARTICLES)
  return {
    sig: signatureOf(JSON.stringify(src.summary), latest),
    lastModifiedMs: src.summary.updatedMs,
    render: () => renderIndexHtml({ site: pageSite(src.config), summary: src.summary, latest }),
  }
}

/** `/topics/{slug}/`, `/providers/{slug}/`, `/categories/{slug}/`, or undefined when there is no such scope. */
export function scopePlan(src: PageSource, scope: ScopeRef): PagePlan | undefined {
  const entry = src.catalog.scopes[scope.kind].get(scope.slug)
  const topic = entry && scopesBySlug(src.summary, scope.kind).get(scope.slug)
  if (!entry || !topic) return undefined
  const latest = entry.articles.slice(0, TOPIC_ARTICLES)
  const pageUrl = absoluteUrl(src.config.baseUrl, { type: 'scope-page', scope })
  return {
    // The site title is on every page; the other topics' names come with the articles (their hashes).
    sig: signatureOf(JSON.stringify([src.summary.title, scope.kind, topic]), latest),
    lastModifiedMs: topic.updatedMs,
    render: () => renderTopicPage({ site: pageSite(src.config), topic, pageUrl, latest, kind: scope.kind }),
  }
}

/** The Document of a rendered page. */
export function pageDocument(key: DocKey, plan: PagePlan, config: Config, ports: DocumentPorts): Document {
  const init = {
    path: urlPath(key),
    file: filePath(key),
    contentType: 'text/html; charset=utf-8',
    body: plan.render(),
    cacheControl: revalidatingCacheControl(config),
    compressible: true,
    headers: { 'Content-Security-Policy': PAGE_CSP },
  }
  return new Document(plan.lastModifiedMs > 0 ? { ...init, lastModifiedMs: plan.lastModifiedMs } : init, ports)
}

const ASSET_BODIES: Record<AssetName, [contentType: string, body: string]> = {
  'site.css': ['text/css; charset=utf-8', SITE_CSS],
  'site.js': ['text/javascript; charset=utf-8', SITE_JS],
}

/** The stylesheet or the script: code, not content, so revalidated like the pages that load them. */
export function assetDocument(name: AssetName, config: Config, ports: DocumentPorts): Document {
  const key: DocKey = { type: 'asset', name }
  const [contentType, body] = ASSET_BODIES[name]
  return new Document(
    { path: urlPath(key), file: filePath(key), contentType, body: utf8(body), cacheControl: revalidatingCacheControl(config), compressible: true },
    ports,
  )
}

const pageSites = new WeakMap<Config, PageSite>()

/** One PageSite per config, so the pages' rendered article items are shared between pages and snapshots. */
function pageSite(config: Config): PageSite {
  let site = pageSites.get(config)
  if (!site) pageSites.set(config, (site = makePageSite(config)))
  return site
}

function makePageSite(config: Config): PageSite {
  const rel = (key: DocKey) => siteRelativeUrl(config.baseUrl, key)
  return {
    title: config.site.title,
    description: config.site.description,
    language: config.site.language,
    homeHref: rel({ type: 'index' }),
    cssHref: rel({ type: 'asset', name: 'site.css' }),
    jsHref: rel({ type: 'asset', name: 'site.js' }),
    iconHref: config.site.icon ?? rel({ type: 'icon' }),
    topicHref: (slug) => (config.scopeKinds.includes('topic') ? rel({ type: 'scope-page', scope: { kind: 'topic', slug } }) : undefined),
  }
}

const bySlug = new WeakMap<SiteSummary, Map<ScopeKind, Map<string, TopicSummary>>>()

/** The summary's scopes of a kind by slug, made once per summary: a build asks for every scope page. */
function scopesBySlug(summary: SiteSummary, kind: ScopeKind): Map<string, TopicSummary> {
  let maps = bySlug.get(summary)
  if (!maps) bySlug.set(summary, (maps = new Map(summary.scopes.map((g) => [g.kind, new Map(g.entries.map((t) => [t.slug, t]))]))))
  return maps.get(kind) ?? new Map()
}

function signatureOf(head: string, articles: readonly Article[]): string {
  let sig = head
  for (const a of articles) sig += '\n' + a.hash
  return sig
}
