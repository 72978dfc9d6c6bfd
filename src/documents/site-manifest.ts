/**
 * The site manifest, `_feedstand.json` at the root of the static build: what a runtime that has
 * the built files but not the seeds (the Worker over its static assets, src/adapter/workers/)
 * needs to answer exactly as the Node server does. Per document file: the header set, the body
 * hash (the ETags of every representation derive from it, as Document's do), Last-Modified, the
 * WebSub links and, on heads, how many items the scope has (the paged walk behind `?page=N`).
 * Header sets are stored once and referenced by index: a site has a handful of kinds and
 * thousands of archives.
 *
 * A function of the documents and the paging config alone (no article or problem counts), so it
 * changes only when a document does.
 *
 * Not a document: no path of the path table names it, so no server answers it as a feed; the
 * Worker and nginx answer it 404 like `_headers`. Written by the one output path (src/output/).
 */
import type { Config } from '../config.js'
import type { DocKey } from '../paths.js'
import { filePath } from '../paths.js'
import type { SourceConfig } from './document-source.js'
import type { Document } from './document.js'
import type { Paging } from './paging.js'

/** File name of the manifest, at the root of the output folder (like `_headers`, never a document path). */
export const SITE_MANIFEST_FILE = '_feedstand.json'

/** Bump when the shape changes: a Worker refuses a manifest it does not know. */
export const SITE_MANIFEST_VERSION = 2

/** One document of the manifest (short names: thousands of them). */
export interface ManifestEntry {
  /** Index into `headerSets`: the document's headers without Link. */
  h: number
  /** Body hash (Document.hash): ETag `"e"`, `"e-gzip"`, `"e-br"`. */
  e: string
  /** Last-Modified in ms (the newest item's date); absent when the document holds none. */
  m?: number
  /** `Link` header values (WebSub hub and self), heads only. */
  l?: string[]
  /** Compressible: the build wrote `.gz`/`.br` beside it where they pay. */
  c?: 1
  /** On a head: the number of items in its scope, for the paged walk. */
  n?: number
}

export interface SiteManifest {
  version: number
  config: SourceConfig
  /** How the feeds are cut (heads, bridge, archives of `archiveSize`); null with `history: none` (heads only). */
  paging: Paging | null
  headerSets: Record<string, string>[]
  /** Document file (path-table file path) → entry, in `Site.keys()` order. */
  documents: Record<string, ManifestEntry>
}

/** The manifest entry of a built document, without its header set index (see ManifestBuilder). */
export function entryOf(doc: Document, scopeTotal?: number): Omit<ManifestEntry, 'h'> & { headers: Record<string, string> } {
  const { Link: _link, ...headers } = doc.headers
  const entry: Omit<ManifestEntry, 'h'> & { headers: Record<string, string> } = { headers, e: doc.hash }
  if (doc.lastModifiedMs !== undefined) entry.m = doc.lastModifiedMs
  if (doc.links.length > 0) entry.l = [...doc.links]
  if (doc.compressible) entry.c = 1
  if (scopeTotal !== undefined) entry.n = scopeTotal
  return entry
}

/** Collects entries (in order) and renders the manifest file. */
export class ManifestBuilder {
  private readonly sets: Record<string, string>[] = []
  private readonly setIndex = new Map<string, number>()
  private readonly documents: Record<string, ManifestEntry> = {}

  add(file: string, entry: ReturnType<typeof entryOf>): void {
    const { headers, ...rest } = entry
    const id = JSON.stringify(headers)
    let h = this.setIndex.get(id)
    if (h === undefined) {
      h = this.sets.push(headers) - 1
      this.setIndex.set(id, h)
    }
    this.documents[file] = { h, ...rest }
  }

  render(config: SourceConfig & Pick<Config, 'archiveSize' | 'history'>): Uint8Array {
    const { baseUrl, maxItems, maxLimit, maxAge, staleWhileRevalidate, archiveSize, history } = config
    const manifest: SiteManifest = {
      version: SITE_MANIFEST_VERSION,
      config: { baseUrl, maxItems, maxLimit, maxAge, staleWhileRevalidate },
      paging: history === 'none' ? null : { perPage: maxItems, archiveSize },
      headerSets: this.sets,
      documents: this.documents,
    }
    return new TextEncoder().encode(JSON.stringify(manifest) + '\n')
  }
}

/** An entry of a parsed manifest with its header set resolved (for reuse by the next build). */
export function resolvedEntry(m: SiteManifest, file: string): ReturnType<typeof entryOf> | undefined {
  const e = m.documents[file]
  const headers = e && m.headerSets[e.h]
  if (!e || !headers) return undefined
  const { h: _h, ...rest } = e
  return { headers, ...rest }
}

/** The manifest in `text`, or a reason it cannot be used (not JSON, another version, a missing part). */
export function parseSiteManifest(text: string): SiteManifest | string {
  let m: Partial<SiteManifest>
  try {
    m = JSON.parse(text) as Partial<SiteManifest>
  } catch (err) {
    return `${SITE_MANIFEST_FILE} is not JSON (${(err as Error).message})`
  }
  if (m?.version !== SITE_MANIFEST_VERSION) return `${SITE_MANIFEST_FILE} has version ${JSON.stringify(m?.version)}, this code reads ${SITE_MANIFEST_VERSION}: build again`
  for (const part of ['config', 'headerSets', 'documents'] as const) {
    if (typeof m[part] !== 'object' || m[part] === null) return `${SITE_MANIFEST_FILE} has no ${part}`
  }
  return m as SiteManifest
}

/** The manifest entry of a key, if the build wrote that document. */
export function manifestEntry(m: SiteManifest, key: DocKey): ManifestEntry | undefined {
  const e = m.documents[filePath(key)]
  return e && m.headerSets[e.h] ? e : undefined
}
