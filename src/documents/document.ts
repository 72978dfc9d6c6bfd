/**
 * A Document: one served/written file as bytes, with its validators computed from those bytes.
 * Compressed variants are made on first use and kept, never per request.
 */
import { createHash } from 'node:crypto'

export type Encoding = 'br' | 'gzip'

/** Compression, handed in: node:zlib on Node; an edge runtime serves the prebuilt files instead. */
export interface Compressor {
  gzip(body: Uint8Array): Uint8Array
  br(body: Uint8Array): Uint8Array
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
}

export interface Representation {
  body: Uint8Array
  etag: string
  encoding?: Encoding
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
  private tag: string | undefined
  private readonly variants: Partial<Record<Encoding, Representation | null>> = {}

  constructor(
    init: DocumentInit,
    private readonly compressor: Compressor,
  ) {
    this.path = init.path
    this.file = init.file
    this.contentType = init.contentType
    this.body = init.body
    this.lastModifiedMs = init.lastModifiedMs
    this.cacheControl = init.cacheControl
    this.links = init.links ?? []
    this.compressible = init.compressible
  }

  /** Hash of the body bytes: the same bytes give the same tag on any machine, any run. */
  get hash(): string {
    return (this.tag ??= createHash('sha256').update(this.body).digest('base64url').slice(0, 27))
  }

  /** Strong ETag of the identity representation. */
  get etag(): string {
    return `"${this.hash}"`
  }

  /** The representation for an encoding; null when compression does not make it smaller. */
  variant(encoding: Encoding): Representation | null {
    let v = this.variants[encoding]
    if (v === undefined) {
      const body = this.compressible ? this.compressor[encoding](this.body) : undefined
      // Each encoding is its own representation, so it gets its own strong tag.
      v = body && body.byteLength < this.body.byteLength ? { body, etag: `"${this.hash}-${encoding}"`, encoding } : null
      this.variants[encoding] = v
    }
    return v
  }

  identity(): Representation {
    return { body: this.body, etag: this.etag }
  }

  /** Every tag this document has been or could be served under (for If-None-Match). */
  matchesTag(opaque: string): boolean {
    const h = this.hash
    return opaque === h || opaque === `${h}-gzip` || opaque === `${h}-br`
  }
}
