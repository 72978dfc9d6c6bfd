/**
 * Document → files: the body at the path-table file path, with `.gz` and `.br` beside it when
 * the document is compressible, the encoding makes it smaller (as the server's
 * `Document.variant` decides) and, for an archive, `archiveEncodings` asks for it. The one place that knows a document's files.
 */
import type { Document } from '../documents/document.js'
import type { ArchiveEncodings } from '../config.js'
import type { AsyncCompressor } from '../node/compress.js'

export interface OutputFile {
  /** Relative, forward slashes. */
  file: string
  bytes: Uint8Array
}

/** A file whose bytes are still being computed; undefined means the file must not exist (compression did not pay). */
export interface PendingFile {
  file: string
  pending: Promise<Uint8Array | undefined>
}

export type TreeFile = OutputFile | PendingFile

const VARIANTS = [['gzip', 'gz'], ['br', 'br']] as const
type Encoding = (typeof VARIANTS)[number][0]

/**
 * Whether a document gets a file in `enc`. Archives follow `archiveEncodings`: written once and
 * fetched rarely (by crawlers walking history), their brotli copy cost as much CPU as the rest of
 * the build and saved ~5 % beside gzip (README "Paging and archives"); every other document gets both.
 */
function wanted(doc: Document, enc: Encoding, archives: ArchiveEncodings): boolean {
  if (!doc.compressible) return false
  if (!doc.archival || archives === 'all') return true
  return archives === 'gzip' && enc === 'gzip'
}

/** Every file a document may have: the body and each variant. */
export function filesOf(docFile: string): string[] {
  return [docFile, ...VARIANTS.map(([, ext]) => `${docFile}.${ext}`)]
}

/** The document file a body or variant file belongs to. */
export function documentOf(file: string): string {
  return file.replace(/\.(gz|br)$/, '')
}

/**
 * The body, then each variant: from `compress` (the static build's thread pool, awaited by the
 * writer) or, without it, the document's own memoized variants (what the server sends). A
 * variant that does not pay is yielded as absent, so the writer removes a stale one.
 */
export function* documentFiles(doc: Document, compress?: AsyncCompressor, archives: ArchiveEncodings = 'all'): Generator<TreeFile> {
  yield { file: doc.file, bytes: doc.body }
  for (const [enc, ext] of VARIANTS) {
    const file = `${doc.file}.${ext}`
    if (!wanted(doc, enc, archives)) yield { file, pending: Promise.resolve(undefined) }
    else if (!compress) yield { file, pending: Promise.resolve(doc.variant(enc)?.body) }
    else yield { file, pending: compress[enc](doc.body, doc.fastCompression).then((b) => (b.byteLength < doc.body.byteLength ? b : undefined)) }
  }
}

/** The body and the variants that pay, from the document's own memoized variants (what the server sends). */
export function* documentBytes(doc: Document, archives: ArchiveEncodings = 'all'): Generator<OutputFile> {
  yield { file: doc.file, bytes: doc.body }
  for (const [enc, ext] of VARIANTS) {
    const v = wanted(doc, enc, archives) ? doc.variant(enc) : undefined
    if (v) yield { file: `${doc.file}.${ext}`, bytes: v.body }
  }
}
