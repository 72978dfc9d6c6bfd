/**
 * The document set of one Catalog snapshot: a pure function of (catalog, config), computed
 * lazily and memoized. Heads and index documents are kept for the snapshot's life; pages,
 * archives and `?limit` views go through a bounded LRU so that a crawler walking the whole
 * history cannot grow memory without bound.
 *
 * A Site made with `previous` reuses the previous snapshot's Document for every path whose
 * inputs (items and links) did not change: same bytes, same ETag, no work.
 */
import type { Config } from '../config.js'
import { ASSETS, FORMATS, HEAD, absoluteUrl, filePath, urlPath, withPage, type DocKey, type Format, type ScopeRef } from '../paths.js'
import { SCOPE_KIND_TABLE } from '../scopes/scope-kinds.js'
import { FORMAT_SPECS } from '../render/formats.js'
import type { FeedMeta, ItemContext, PageLinks } from '../render/feed-meta.js'
import { Fragments } from '../render/fragments.js'
import { renderOpml } from '../render/opml.js'
import type { SiteSummary } from '../render/site-summary.js'
import { renderScopesJson, renderTopicsJson } from '../render/topics-json.js'
import { ICON_PNG } from '../assets/icon.js'
import { GENERATOR } from '../version.js'
import type { Article, Catalog, TopicEntry } from '../types.js'
import { Document, immutableCacheControl, revalidatingCacheControl, type DocumentPorts } from './document.js'
import type { DocumentSource } from './document-source.js'
import { Lru } from './lru.js'
import { assetDocument, homePlan, pageDocument, scopePlan, type PageSource } from './page-docs.js'
import { BRIDGE, archiveCount, hasBridge, pageItems, pagedWalk, type Paging } from './paging.js'
import { selectView } from '../views/select-view.js'
import { VIEW_SCAN_LIMIT, type ViewSpec } from '../views/view-spec.js'

type FeedKey = Extract<DocKey, { type: 'feed' }>

export interface SiteDeps extends DocumentPorts {
  config: Config
  /** Shared across snapshots so unchanged articles are not re-rendered. */
  fragments?: Fragments
  /** The snapshot this one replaces, for reuse of unchanged documents. */
  previous?: Site
  /** How many page/archive/limit documents to keep (default 512). */
  cacheSize?: number
  /** How many view documents (unions, filters) to keep (default 128): a crawler's random views evict only each other. */
  viewCacheSize?: number
  /** How many list entries a cold view reads at most (default VIEW_SCAN_LIMIT). */
  viewScanLimit?: number
}

interface Memo {
  sig: string
  doc: Document
}

export class Site implements DocumentSource {
  readonly fragments: Fragments
  /** The ports alone, for the documents: they outlive this snapshot, and must not hold it or its predecessor. */
  private readonly ports: DocumentPorts
  private readonly pinned = new Map<string, Memo>()
  private readonly lru: Lru<string, Memo>
  private readonly views: Lru<string, Memo>
  private summaryMemo: SiteSummary | undefined
  /** Scope and page → digest of its items' hashes (`signatureDigest`): shared by the page's three formats. */
  private readonly itemDigests = new Map<string, string>()
  private previous: Site | undefined
  /** The deps without `previous`: keeping it here would chain every snapshot to the one before (issue 15 #6). */
  private readonly deps: Omit<SiteDeps, 'previous'>

  constructor(
    readonly catalog: Catalog,
    { previous, ...deps }: SiteDeps,
  ) {
    this.deps = deps
    this.fragments = deps.fragments ?? new Fragments(itemContext(deps.config))
    this.lru = new Lru(deps.cacheSize ?? 512)
    this.views = new Lru(deps.viewCacheSize ?? 128)
    this.ports = { compressor: deps.compressor, digest: deps.digest }
    this.previous = previous
  }

  get config(): Config {
    return this.deps.config
  }

  /** The document at `key`, or undefined when there is none (unknown topic, page out of range). */
  get(key: DocKey): Document | undefined {
    // A snapshot never changes, so a document it has made is the answer: no signature to recompute
    // (feed metadata, URLs, item hashes; a page's summary) on the path every request takes.
    if (key.type !== 'feed') return this.pinned.get(filePath(key))?.doc ?? this.indexDocument(key)
    const made = (key.page.kind === 'head' ? this.pinned : this.lru).get(filePath(key))
    if (made) return made.doc
    const inputs = this.feedInputs(key)
    if (!inputs) return undefined
    const { meta, slice } = inputs
    return this.memo(filePath(key), key.page.kind === 'head', feedSignature(meta, slice), () => this.feedDocument(key, meta, slice))
  }

  /**
   * What the bytes of the document at `key` depend on besides config and code, found without
   * rendering it (undefined when there is no such document): equal signatures, equal bytes. The
   * static build compares it with the previous build's to leave unchanged files alone.
   */
  signature(key: DocKey): string | undefined {
    if (key.type === 'icon') return 'icon'
    if (key.type === 'asset') return `asset ${key.name}`
    if (key.type === 'index') return homePlan(this.pageSource()).sig
    if (key.type === 'scope-page') return this.scopeEnabled(key.scope) ? scopePlan(this.pageSource(), key.scope)?.sig : undefined
    if (key.type !== 'feed') return JSON.stringify(this.summary())
    const inputs = this.feedInputs(key)
    return inputs && feedSignature(inputs.meta, inputs.slice)
  }

  /**
   * A digest of what `signature(key)` says, for a baseline kept on disk (the build manifest):
   * equal digests, equal signatures' inputs. A feed's items enter as one digest of their hashes
   * per scope and page, made once for its three formats: an archive's signature is its metadata
   * plus 250 hashes (~16 KB), ~290 MB of strings to build and hash per warm build at 100k seeds.
   */
  signatureDigest(key: DocKey, digest: (text: string) => string): string | undefined {
    if (key.type !== 'feed') {
      const sig = this.signature(key)
      return sig === undefined ? undefined : digest(sig)
    }
    const inputs = this.feedInputs(key)
    if (!inputs) return undefined
    const { meta, slice } = inputs
    const page = filePath({ ...key, format: FORMATS[0]! })
    let hashes = this.itemDigests.get(page)
    if (hashes === undefined) this.itemDigests.set(page, (hashes = digest(slice.map((a) => a.hash).join('\n'))))
    return digest(`${JSON.stringify(meta)}\n${hashes}`)
  }

  /**
   * Whether the document at `key` provably has the same inputs in `prev` (same config, topic
   * name and article objects), so that its signature equals prev's without building it. A
   * scope whose article list is the same object is the same throughout; an archive depends only
   * on its own slice (its links never change, see `pageLinks`). Conservative: false means
   * "compare the signatures" (src/documents/changes.ts).
   */
  sameInputs(prev: Site, key: DocKey): boolean {
    if (key.type !== 'feed' || prev.config !== this.config) return false
    const [a, b] = [prev.scopeItems(key.scope), this.scopeItems(key.scope)]
    if (!a || !b) return false
    if (key.scope !== null && prev.scopeEntry(key.scope)!.name !== this.scopeEntry(key.scope)!.name) return false
    if (a === b) return true
    if (key.page.kind !== 'archive') return false
    const [pa, pb] = [this.slice(a, key.page), this.slice(b, key.page)]
    return pa !== undefined && pb !== undefined && pa.length === pb.length && pa.every((x, i) => x === pb[i])
  }

  /** The head of a feed cut to `limit` items (`?limit=N`), served at `{path}?limit=N`. */
  getLimited(key: FeedKey, limit: number): Document | undefined {
    const items = this.scopeItems(key.scope)
    if (!items || key.page.kind !== 'head') return undefined
    const slice = items.slice(0, limit)
    const meta = this.feedMeta(key, slice, items.length, `${absoluteUrl(this.config.baseUrl, key)}?limit=${limit}`)
    meta.links = {} // a cut view is not part of the paged set: its pages would skip items
    delete meta.hubUrl // and not a WebSub topic: the hub is only told about the full heads
    return this.memo(`${filePath(key)}?limit=${limit}`, false, feedSignature(meta, slice), () => this.feedDocument(key, meta, slice))
  }

  /**
   * A view of a head (a topic union and/or filters, see src/views/), built once per snapshot and
   * view and kept in its own bounded LRU. `key` names the scope (for a union, any topic of it: the
   * union is `view.topics`); `query` is the canonical query. Undefined for an unknown scope or a
   * union with an unknown topic. Its self link is the canonical URL; it has no pages and no hub.
   */
  getView(key: FeedKey, view: ViewSpec, query: string): Document | undefined {
    if (key.page.kind !== 'head') return undefined
    const union = view.topics?.map((slug) => this.scopeItems({ kind: 'topic', slug }))
    if (union?.some((l) => l === undefined)) return undefined
    const scopeKey: FeedKey = view.topics ? { ...key, scope: { kind: 'topic', slug: view.topics.join('+') } } : key
    const lists = union ? (union as (readonly Article[])[]) : [this.scopeItems(key.scope)]
    if (lists[0] === undefined) return undefined
    const id = `${filePath(scopeKey)}?${query}`
    const hit = this.views.get(id)
    if (hit) return hit.doc
    const max = Math.min(view.limit ?? this.config.maxItems, this.config.maxItems)
    const slice = selectView(lists as (readonly Article[])[], view, max, this.deps.viewScanLimit ?? VIEW_SCAN_LIMIT)
    const head = absoluteUrl(this.config.baseUrl, scopeKey)
    const meta = this.feedMeta(scopeKey, slice, 0, query ? `${head}?${query}` : head)
    meta.links = {} // a view is not part of any paged set
    delete meta.hubUrl // nor a WebSub topic: the hub is only told about the full heads
    if (view.topics) {
      const names = view.topics.map((slug) => this.catalog.topics.get(slug)!.name)
      meta.title = `${this.config.site.title}: ${names.join(' + ')}`
      meta.description = `Articles about ${names.join(' or ')} from ${this.config.site.title}.`
      meta.homeUrl = this.config.baseUrl + '/'
    }
    const memo = { sig: '', doc: this.feedDocument(scopeKey, meta, slice) }
    this.views.set(id, memo)
    return memo.doc
  }

  walkUrl(key: FeedKey, n: number): string | undefined {
    const items = this.scopeItems(key.scope)
    const page = items && this.walk(items.length)[n - 1]
    return page && absoluteUrl(this.config.baseUrl, withPage(key, page))
  }

  health(): Record<string, string | number> {
    const { problems, articles, topics } = this.catalog
    let errors = 0
    for (const p of problems) if (p.severity === 'error') errors++
    return { articles: articles.length, topics: topics.size, errors, warnings: problems.length - errors }
  }

  /** Articles of a scope, newest first; undefined for an unknown scope or one of a kind not built (`scopes`). */
  scopeItems(scope: ScopeRef | null): readonly Article[] | undefined {
    return scope === null ? this.catalog.articles : this.scopeEntry(scope)?.articles
  }

  /** The catalog's entry of a scope of a built kind. */
  scopeEntry(scope: ScopeRef): TopicEntry | undefined {
    return this.scopeEnabled(scope) ? this.catalog.scopes[scope.kind].get(scope.slug) : undefined
  }

  /** Every scope of the built kinds (`config.scopeKinds`), kind by kind in table order, slugs in order. */
  *scopes(): Generator<ScopeRef> {
    for (const kind of this.config.scopeKinds) for (const slug of this.catalog.scopes[kind].keys()) yield { kind, slug }
  }

  private scopeEnabled(scope: ScopeRef): boolean {
    return this.config.scopeKinds.includes(scope.kind)
  }

  /** Heads of every feed plus the index documents, the pages, their assets and the icon: what the server keeps warm. */
  *headKeys(): Generator<DocKey> {
    yield { type: 'index' }
    yield { type: 'topics-json' }
    yield { type: 'scopes-json' }
    yield { type: 'opml' }
    if (!this.config.site.icon) yield { type: 'icon' }
    for (const name of ASSETS) yield { type: 'asset', name }
    for (const scope of [null, ...this.scopes()]) {
      if (scope !== null) yield { type: 'scope-page', scope }
      for (const format of FORMATS) yield { type: 'feed', scope, format, page: HEAD }
    }
  }

  /**
   * Every document of the snapshot, heads first, then each scope's bridge (when it exists) and
   * archives: what the static build writes. No other pages: the paged walk goes on in the archives.
   */
  *keys(): Generator<DocKey> {
    yield* this.headKeys()
    const paging = this.paging()
    if (!paging) return
    for (const scope of [null, ...this.scopes()]) {
      const total = this.scopeItems(scope)!.length
      for (const format of FORMATS) {
        const key: FeedKey = { type: 'feed', scope, format, page: HEAD }
        if (hasBridge(total, paging)) yield withPage(key, BRIDGE)
        for (let n = 1; n <= archiveCount(total, paging); n++) yield withPage(key, { kind: 'archive', n })
      }
    }
  }

  /** Render every head now (reusing the previous snapshot's where unchanged), then let the previous snapshot go. */
  warm(): void {
    for (const key of this.headKeys()) this.get(key)
    this.previous = undefined
  }

  summary(): SiteSummary {
    return (this.summaryMemo ??= buildSummary(this.catalog, this.config))
  }

  /** The memoized document at a file path, if this snapshot has rendered it (for reuse by the next one). */
  peek(file: string): Memo | undefined {
    return this.pinned.get(file) ?? this.lru.peek(file)
  }

  /** How this snapshot's feeds are cut; undefined with `history: none` (heads only). */
  private paging(): Paging | undefined {
    return this.config.history === 'none' ? undefined : { perPage: this.config.maxItems, archiveSize: this.config.archiveSize }
  }

  /** Items of a scope's document at `page`; with no history only heads exist. */
  private slice(items: readonly Article[], page: FeedKey['page']): readonly Article[] | undefined {
    const paging = this.paging()
    if (paging) return pageItems(items, paging, page)
    return page.kind === 'head' ? items.slice(0, this.config.maxItems) : undefined
  }

  private walk(total: number): FeedKey['page'][] {
    const paging = this.paging()
    return paging ? pagedWalk(total, paging) : [HEAD]
  }

  private memo(id: string, pin: boolean, sig: string, render: () => Document): Document {
    const store = pin ? this.pinned : this.lru
    const hit = store.get(id)
    if (hit && hit.sig === sig) return hit.doc
    const prev = this.previous?.peek(id)
    const memo = prev && prev.sig === sig ? prev : { sig, doc: render() }
    store.set(id, memo)
    return memo.doc
  }

  /** What the feed document at `key` is made of (undefined when there is none): its metadata and its items. */
  private feedInputs(key: FeedKey): { meta: FeedMeta; slice: readonly Article[] } | undefined {
    const items = this.scopeItems(key.scope)
    const slice = items && this.slice(items, key.page)
    return slice && { meta: this.feedMeta(key, slice, items.length, absoluteUrl(this.config.baseUrl, key)), slice }
  }

  private feedMeta(key: FeedKey, items: readonly Article[], total: number, selfUrl: string): FeedMeta {
    const { config } = this
    const entry = key.scope === null ? undefined : this.scopeEntry(key.scope)
    const meta: FeedMeta = {
      title: entry ? `${config.site.title}: ${entry.name}` : config.site.title,
      description: entry && key.scope ? scopeDescription(key.scope, entry.name, config.site.title) : config.site.description,
      language: config.site.language,
      // The HTML page of the feed's scope: the site page, or the scope's own page (issue 12).
      homeUrl: key.scope === null ? config.baseUrl + '/' : absoluteUrl(config.baseUrl, { type: 'scope-page', scope: key.scope }),
      selfUrl,
      id: absoluteUrl(config.baseUrl, withPage(key, HEAD)),
      updatedMs: latestChange(items),
      links: pageLinks(key, total, config),
      archive: key.page.kind === 'archive',
      iconUrl: config.site.icon ?? absoluteUrl(config.baseUrl, { type: 'icon' }),
      generator: GENERATOR,
      ttlMinutes: Math.max(1, Math.round(config.maxAge / 60)),
      authorName: config.site.title,
      authorUrl: config.baseUrl + '/',
    }
    // WebSub topics are the subscription documents (heads), the only feeds Feedstand pings the hub
    // for: a subscription to a page or a `?limit` view would never be notified, and an archive never changes.
    if (config.hubUrl && key.page.kind === 'head') meta.hubUrl = config.hubUrl
    if (config.site.copyright) meta.copyright = config.site.copyright
    return meta
  }

  private feedDocument(key: FeedKey, meta: FeedMeta, items: readonly Article[]): Document {
    const { config } = this
    const body = FORMAT_SPECS[key.format].render(meta, items.map((a) => this.fragments.get(a, key.format)))
    const links = meta.hubUrl ? [`<${meta.hubUrl}>; rel="hub"`, `<${meta.selfUrl}>; rel="self"`] : []
    const init = {
      path: urlPath(key),
      file: filePath(key),
      contentType: FORMAT_SPECS[key.format].contentType,
      body,
      cacheControl: key.page.kind === 'archive' ? immutableCacheControl(config) : revalidatingCacheControl(config),
      links,
      compressible: true,
      archival: key.page.kind === 'archive',
      // Bridges hold up to archiveSize − 1 items (2.5 heads on average at the defaults), are re-made
      // with every new article and read only by history walkers: at the heads' levels they were
      // 54 MB of the 136 MB compressed at gzip 6 + brotli 5 in a 10k build.
      fastCompression: key.page.kind !== 'head',
    }
    return new Document(items[0] ? { ...init, lastModifiedMs: meta.updatedMs } : init, this.ports)
  }

  private pageSource(): PageSource {
    return { catalog: this.catalog, config: this.config, summary: this.summary() }
  }

  private indexDocument(key: Exclude<DocKey, FeedKey>): Document | undefined {
    if (key.type === 'icon') {
      return this.memo(filePath(key), true, 'icon', () => new Document({
        path: urlPath(key), file: filePath(key), contentType: 'image/png', body: ICON_PNG,
        cacheControl: `public, max-age=86400`, compressible: false,
      }, this.ports))
    }
    if (key.type === 'asset') return this.memo(filePath(key), true, `asset ${key.name}`, () => assetDocument(key.name, this.config, this.ports))
    if (key.type === 'index' || key.type === 'scope-page') {
      if (key.type === 'scope-page' && !this.scopeEnabled(key.scope)) return undefined
      const plan = key.type === 'index' ? homePlan(this.pageSource()) : scopePlan(this.pageSource(), key.scope)
      return plan && this.memo(filePath(key), true, plan.sig, () => pageDocument(key, plan, this.config, this.ports))
    }
    const summary = this.summary()
    const [contentType, render] = INDEX_DOCS[key.type]
    return this.memo(filePath(key), true, JSON.stringify(summary), () => {
      const init = { path: urlPath(key), file: filePath(key), contentType, body: render(summary), cacheControl: revalidatingCacheControl(this.config), compressible: true }
      return new Document(summary.updatedMs > 0 ? { ...init, lastModifiedMs: summary.updatedMs } : init, this.ports)
    })
  }
}

const INDEX_DOCS = {
  'topics-json': ['application/json; charset=utf-8', renderTopicsJson],
  'scopes-json': ['application/json; charset=utf-8', renderScopesJson],
  opml: ['text/x-opml; charset=utf-8', renderOpml],
} as const

/** A scope feed's description: what its articles have in common. */
function scopeDescription(scope: ScopeRef, name: string, site: string): string {
  if (scope.kind === 'provider') return `Articles from ${name}, on ${site}.`
  if (scope.kind === 'category') return `${name}: articles in this category from ${site}.`
  return `Articles about ${name} from ${site}.`
}

/**
 * RFC 5005 links of a feed document. The head is both the subscription document of an archived
 * feed (§4: `prev-archive` to the newest full archive) and the first page of a paged feed (§3:
 * `first`/`next`/`last`); the RFC defines the two sets of relations independently and forbids
 * neither in the same document. An archived-feed client walks `prev-archive` and can stop at the
 * first archive it already has; a paged client walks `next` (see `pagedWalk`: head → bridge →
 * archive A−1 → … → archive 1).
 *
 * Every link of an archive must stay the same forever (its bytes are `immutable`), so an archive
 * carries only links that point at the head or at older archives: `current`, `first`, `next` and
 * `prev-archive` (archive k−1), `last` (archive 1). No `previous` and no `next-archive`: §3 and §4
 * make them optional (SHOULD for `next-archive`), and either would change when newer archives
 * fill; §4.2 has clients walk backwards from the subscription document, which needs neither.
 */
function pageLinks(key: FeedKey, total: number, config: Config): PageLinks {
  // No history: a head links to no page, since none exists.
  if (config.history === 'none') return {}
  const paging = { perPage: config.maxItems, archiveSize: config.archiveSize }
  const url = (page: FeedKey['page']) => absoluteUrl(config.baseUrl, withPage(key, page))
  const archives = archiveCount(total, paging)
  const { page } = key
  if (page.kind === 'archive') {
    const older = page.n > 1 ? url({ kind: 'archive', n: page.n - 1 }) : undefined
    return {
      first: url(HEAD),
      ...(older !== undefined && { next: older }),
      last: url({ kind: 'archive', n: 1 }),
      current: url(HEAD),
      ...(older !== undefined && { prevArchive: older }),
    }
  }
  const walk = pagedWalk(total, paging)
  const links: PageLinks = {}
  if (walk.length > 1) Object.assign(links, { first: url(HEAD), last: url(walk[walk.length - 1]!) })
  if (page.kind === 'head') {
    if (walk[1]) links.next = url(walk[1])
    if (archives > 0) links.prevArchive = url({ kind: 'archive', n: archives })
  } else {
    // The bridge: second in the walk, and as mutable as the head.
    links.previous = url(HEAD)
    if (walk[2]) links.next = url(walk[2])
    links.current = url(HEAD)
  }
  return links
}

/**
 * The newest change among `items`: a correction (`updatedMs`) counts, so a feed whose article was
 * corrected says it changed (Atom `updated`, RSS `lastBuildDate`, Last-Modified). Items are sorted
 * by publication, so without corrections this is the first item's date.
 */
function latestChange(items: readonly Article[]): number {
  let ms = items[0]?.publishedMs ?? 0
  for (const a of items) if (a.updatedMs !== undefined && a.updatedMs > ms) ms = a.updatedMs
  return ms
}

/** Everything a feed document's bytes depend on besides config: its metadata and its items' content. */
function feedSignature(meta: FeedMeta, items: readonly Article[]): string {
  let sig = JSON.stringify(meta)
  for (const a of items) sig += '\n' + a.hash
  return sig
}

function itemContext(config: Config): ItemContext {
  return {
    // With topic scopes not built (`scopes`), a category names its topic without a feed to point at.
    topicFeedUrl: (slug, format) =>
      config.scopeKinds.includes('topic') ? absoluteUrl(config.baseUrl, { type: 'feed', scope: { kind: 'topic', slug }, format, page: HEAD }) : undefined,
  }
}

function buildSummary(catalog: Catalog, config: Config): SiteSummary {
  const feeds = (scope: ScopeRef | null) =>
    Object.fromEntries(FORMATS.map((f) => [f, absoluteUrl(config.baseUrl, { type: 'feed', scope, format: f, page: HEAD })])) as Record<Format, string>
  const scopes = config.scopeKinds.map((kind) => ({
    kind,
    label: SCOPE_KIND_TABLE[kind].many,
    entries: [...catalog.scopes[kind].values()].map((t) => {
      const scope = { kind, slug: t.slug }
      return {
        name: t.name,
        slug: t.slug,
        count: t.articles.length,
        updatedMs: t.articles[0]?.publishedMs ?? 0,
        feeds: feeds(scope),
        pageUrl: absoluteUrl(config.baseUrl, { type: 'scope-page', scope }),
      }
    }),
  }))
  return {
    title: config.site.title,
    description: config.site.description,
    language: config.site.language,
    homeUrl: config.baseUrl + '/',
    updatedMs: catalog.updatedMs,
    articleCount: catalog.articles.length,
    feeds: feeds(null),
    topicsJsonUrl: absoluteUrl(config.baseUrl, { type: 'topics-json' }),
    scopesJsonUrl: absoluteUrl(config.baseUrl, { type: 'scopes-json' }),
    opmlUrl: absoluteUrl(config.baseUrl, { type: 'opml' }),
    topics: scopes.find((g) => g.kind === 'topic')?.entries ?? [],
    scopes,
  }
}
