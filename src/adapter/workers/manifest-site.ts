/**
 * The Worker's DocumentSource: the site manifest (`_feedstand.json`, read from the assets once
 * per isolate) and the documents a request needs, loaded from the assets before the app runs.
 * The app is synchronous over its DocumentSource (as over a Node `Site`); the assets binding is
 * not, so each request first loads the one document its path names (src/paths.ts, the same path
 * table the app parses) and hands the app a source holding it.
 *
 * What the manifest cannot give: `?limit=N` views (they are rendered from articles, which the
 * Worker does not have) are answered with the full head, as static hosts answer them.
 */
import type { Document } from '../../documents/document.js'
import type { DocumentSource, FeedKey } from '../../documents/document-source.js'
import { SITE_MANIFEST_FILE, manifestEntry, parseSiteManifest, type SiteManifest } from '../../documents/site-manifest.js'
import { filePath, parsePath, topicPageWithoutSlash, type DocKey } from '../../paths.js'
import { ByteCache } from './byte-cache.js'
import { loadDocument, type AssetsFetcher } from './prebuilt-document.js'
import { paging } from './walk.js'

/** Loaded documents kept per isolate: hot heads answer without touching the assets. */
const CACHE_BYTES = 32 * 1024 * 1024

export class ManifestSite {
  private readonly cache = new ByteCache<Document>(CACHE_BYTES)

  constructor(
    private readonly manifest: SiteManifest,
    private readonly assets: AssetsFetcher,
  ) {}

  /** The manifest in the assets, or why it cannot be used. */
  static async open(assets: AssetsFetcher): Promise<ManifestSite | string> {
    const res = await assets.fetch(new URL(`/${SITE_MANIFEST_FILE}`, 'https://assets.local'))
    if (!res.ok) return `no ${SITE_MANIFEST_FILE} in the static assets (${res.status}): deploy a tree written by \`feedstand build\``
    const m = parseSiteManifest(await res.text())
    return typeof m === 'string' ? m : new ManifestSite(m, assets)
  }

  /** A DocumentSource for one request: the document its path names, loaded. */
  async forRequest(request: Request): Promise<DocumentSource> {
    const { pathname } = new URL(request.url)
    const key = parsePath(pathname) ?? topicPageWithoutSlash(pathname)
    const doc = key && (await this.load(key))
    const m = this.manifest
    const get = (k: DocKey) => (doc && filePath(k) === doc.file ? doc : undefined)
    return {
      config: m.config,
      get,
      getLimited: (k: FeedKey) => get(k),
      walkUrl: (k: FeedKey, n: number) => paging(m, k, n),
      health: () => ({ documents: Object.keys(m.documents).length }),
    }
  }

  private async load(key: DocKey): Promise<Document | undefined> {
    const entry = manifestEntry(this.manifest, key)
    if (!entry) return undefined
    const file = filePath(key)
    const hit = this.cache.get(file)
    if (hit) return hit
    const { doc, bytes } = await loadDocument(this.assets, this.manifest, key, entry)
    this.cache.set(file, doc, bytes)
    return doc
  }
}
