/**
 * A Document: one served/written file as bytes, with its validators and response headers
 * computed from those bytes once. Compressed variants are made on first use and kept, never
 * per request; each representation carries its complete header set, so answering a request is
 * picking a representation, not building one.
 */
export type Encoding = 'br' | 'gzip'

/**
 * Compression, handed in: node:zlib on Node; an edge runtime serves the prebuilt files instead.
 * `archival`: the bytes never change and are seldom read (an RFC 5005 archive), so a faster level
 * pays off better (src/node/compress.ts has the figures).
 */
export interface Compressor {
  gzip(body: Uint8Array, archival?: boolean): Uint8Array
  br(body: Uint8Array, archival?: boolean): Uint8Array
}

/**
 * Hashing, handed in: SHA-256 of the bytes, base64url without padding (RFC 4648 §5). Node passes
 * node:crypto (src/node/digest.ts); another runtime passes its own. Synchronous on purpose: a
 * Document's tag is computed once, on first use, and Web Crypto's `subtle.digest` would make every
 * first answer wait on a promise.
 */
export type Digest = (bytes: Uint8Array) => string

/** What a runtime hands the core so that documents can be made: compression and hashing. */
export interface DocumentPorts {
  compressor: Compressor
  digest: Digest
}

export interface DocumentInit {
  /** URL path, percent-encoded. */
  path: string
  /** File path under the output folder. */
  file: string
  contentType: string
  body: Uint8Array
  /** Newest item date in the document; absent when it holds none. */
  lastModifiedMs?: number
  cacheControl: string
  /** `Link` header values (WebSub hub and self). */
  links?: readonly string[]
  /** Whether compression can pay off (text), checked once per document. */
  compressible: boolean
  /** Bytes that never change and are seldom read (archives): compressed at the archival level. */
  archival?: boolean
  /**
   * Seldom read though not archival (the bridge: only history walkers fetch it, and it is re-made
   * with every new article): compressed at the archival level too. Default: `archival`.
   */
  fastCompression?: boolean
  /** Headers of the document's kind besides the common ones (the pages' Content-Security-Policy). */
  headers?: Readonly<Record<string, string>>
}

/** One representation of a document: its bytes, its strong ETag and the headers of a 200 and a 304. */
export interface Representation {
  body: Uint8Array
  etag: string
  encoding?: Encoding
  /** Every header of a 200 answer (Content-Length included). */
  headers: Readonly<Record<string, string>>
  /** The headers of a 304 answer: validators and caching ones, no representation metadata (RFC 9110 §15.4.5). */
  notModifiedHeaders: Readonly<Record<string, string>>
}

/** Response headers a browser script may read besides the CORS-safelisted ones: validators and WebSub discovery. */
export const EXPOSED_HEADERS = 'ETag, Link'

/** `Cache-Control` of documents that change as articles arrive (heads, pages, index documents). */
export function revalidatingCacheControl(c: { maxAge: number; staleWhileRevalidate: number }): string {
  return `public, max-age=${c.maxAge}, stale-while-revalidate=${c.staleWhileRevalidate}`
}

/** `Cache-Control` of full archives, whose bytes never change (RFC 8246 `immutable`). */
export function immutableCacheControl(c: { archiveMaxAge: number }): string {
  return `public, max-age=${c.archiveMaxAge}, immutable`
}

export class Document {
  readonly path: string
  readonly file: string
  readonly contentType: string
  readonly body: Uint8Array
  readonly lastModifiedMs: number | undefined
  readonly cacheControl: string
  readonly links: readonly string[]
  readonly compressible: boolean
  readonly archival: boolean
  /** Whether its variants are compressed at the archival (fast) level. */
  readonly fastCompression: boolean
  /**
   * The headers every response of this document carries, whatever its encoding: what the
   * server sends besides validators and lengths, and what `_headers` gives a CDN.
   */
  readonly headers: Readonly<Record<string, string>>
  private tag: string | undefined
  private identityRep: Representation | undefined
  private readonly variants: Partial<Record<Encoding, Representation | null>> = {}

  constructor(
    init: DocumentInit,
    private readonly ports: DocumentPorts,
  ) {
    this.path = init.path
    this.file = init.file
    this.contentType = init.contentType
    this.body = init.body
    this.lastModifiedMs = init.lastModifiedMs
    this.cacheControl = init.cacheControl
    this.links = init.links ?? []
    this.compressible = init.compressible
    this.archival = init.archival ?? false
    this.fastCompression = init.fastCompression ?? this.archival
    this.headers = staticHeaders(init, this.links)
  }

  /** Hash of the body bytes: the same bytes give the same tag on any machine, any run. */
  get hash(): string {
    return (this.tag ??= this.ports.digest(this.body).slice(0, 27))
  }

  /** Strong ETag of the identity representation. */
  get etag(): string {
    return `"${this.hash}"`
  }

  /** The representation for an encoding; null when compression does not make it smaller. */
  variant(encoding: Encoding): Representation | null {
    let v = this.variants[encoding]
    if (v === undefined) {
      const body = this.compressible ? this.ports.compressor[encoding](this.body, this.fastCompression) : undefined
      // Each encoding is its own representation (other bytes), so it gets its own strong tag.
      v = body && body.byteLength < this.body.byteLength ? this.representation(body, `"${this.hash}-${encoding}"`, encoding) : null
      this.variants[encoding] = v
    }
    return v
  }

  identity(): Representation {
    return (this.identityRep ??= this.representation(this.body, this.etag))
  }

  /** Whether an entity-tag's opaque part names any representation of this document (for If-None-Match). */
  matchesTag(opaque: string): boolean {
    const h = this.hash
    return opaque === h || opaque === `${h}-gzip` || opaque === `${h}-br`
  }

  private representation(body: Uint8Array, etag: string, encoding?: Encoding): Representation {
    const common: Record<string, string> = { ...this.headers, ETag: etag }
    if (this.lastModifiedMs !== undefined) common['Last-Modified'] = new Date(this.lastModifiedMs).toUTCString()
    const headers: Record<string, string> = { ...common, 'Content-Length': String(body.byteLength) }
    if (encoding) headers['Content-Encoding'] = encoding
    const notModifiedHeaders = { ...common }
    delete notModifiedHeaders['Content-Type']
    delete notModifiedHeaders['X-Content-Type-Options']
    return encoding ? { body, etag, encoding, headers, notModifiedHeaders } : { body, etag, headers, notModifiedHeaders }
  }
}

/** Cross-origin readable: feeds, JSON and OPML are data for web-based readers; HTML pages and the icon need no CORS. */
function isCrossOrigin(contentType: string): boolean {
  return /xml|json|opml/.test(contentType)
}

function staticHeaders(init: DocumentInit, links: readonly string[]): Record<string, string> {
  const h: Record<string, string> = {
    'Content-Type': init.contentType,
    'Cache-Control': init.cacheControl,
    'X-Content-Type-Options': 'nosniff',
  }
  // Every document, the PNG icon too: the server picks each answer's representation by
  // Accept-Encoding (an incompressible one always ends at identity), and every answer of the app
  // says so alike (src/http/text-answer.ts), so caches key a URL the same whatever it answers.
  h.Vary = 'Accept-Encoding'
  if (isCrossOrigin(init.contentType)) {
    h['Access-Control-Allow-Origin'] = '*'
    h['Access-Control-Expose-Headers'] = EXPOSED_HEADERS
  }
  if (links.length > 0) h.Link = links.join(', ')
  if (init.headers) Object.assign(h, init.headers)
  return h
}
