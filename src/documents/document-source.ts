/**
 * What the HTTP app needs from a snapshot, and nothing more: documents by key, the `?limit` view,
 * the paged walk's Nth document and the health counts. `Site` implements it over a Catalog; a
 * Worker could implement it over prebuilt documents. The app depends on this, never on `Site`,
 * so it carries no loader, no file system and no runtime with it (DESIGN §7).
 */
import type { Config } from '../config.js'
import type { DocKey } from '../paths.js'
import type { Document } from './document.js'
import type { ViewSpec } from '../views/view-spec.js'

export type FeedKey = Extract<DocKey, { type: 'feed' }>

/** The settings the app reads per request: the `?limit` bounds, the redirects' Cache-Control and their Location's base. */
export type SourceConfig = Pick<Config, 'baseUrl' | 'maxItems' | 'maxLimit' | 'maxAge' | 'staleWhileRevalidate'>

export interface DocumentSource {
  readonly config: SourceConfig
  /** The document at `key`, or undefined when there is none (unknown topic, page out of range). */
  get(key: DocKey): Document | undefined
  /**
   * A view computed on request (topic union, filters; src/views/), by its canonical query; undefined
   * for an unknown scope. Optional: a source of prebuilt documents (the static tree, a Worker) has
   * no views, and the app then answers them 404.
   */
  getView?(key: FeedKey, view: ViewSpec, query: string): Document | undefined
  /** The head of a feed cut to `limit` items (`?limit=N`); undefined for an unknown scope. */
  getLimited(key: FeedKey, limit: number): Document | undefined
  /**
   * The absolute URL of the `n`th document (1 = the head) of the scope's paged walk, or undefined
   * when the scope or that page does not exist.
   */
  walkUrl(key: FeedKey, n: number): string | undefined
  /** The `/healthz` lines of this snapshot: article, topic and problem counts. */
  health(): Record<string, string | number>
}
