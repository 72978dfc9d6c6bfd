/**
 * Document → files: the body at the path-table file path, with `.gz` and `.br` beside it when
 * the document is compressible, the encoding makes it smaller (as the server's
 * `Document.variant` decides) and, for an archive, `archiveEncodings` asks for it. With
 * `gzip-only` an archive is one file, its `.gz`, and no body beside it: the body is written only
 * when gzip would not make it smaller (never seen for a feed of one item or more), so every
 * archive keeps exactly one stored form. The one place that knows a document's files.
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
  return (archives === 'gzip' || archives === 'gzip-only') && enc === 'gzip'
}

/**
 * Whether the document is stored as its `.gz` alone (`gzip-only` archives): the full archives
 * were three quarters of a 100k build's bytes as raw bodies beside their `.gz` (README "Paging
 * and archives"), and every server that reads the tree (nginx with gunzip, the Worker) decodes
 * the `.gz` for a client that does not take gzip.
 */
export function gzipOnly(doc: Document, archives: ArchiveEncodings): boolean {
  return archives === 'gzip-only' && doc.archival && doc.compressible
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
  if (gzipOnly(doc, archives)) {
    const gz = compress ? compress.gzip(doc.body, doc.fastCompression).then((b) => (b.byteLength < doc.body.byteLength ? b : undefined)) : Promise.resolve(doc.variant('gzip')?.body)
    // One stored form: the `.gz`, or the body when gzip does not pay (then no `.gz`).
    yield { file: doc.file, pending: gz.then((b) => (b ? undefined : doc.body)) }
    yield { file: `${doc.file}.gz`, pending: gz }
    yield { file: `${doc.file}.br`, pending: Promise.resolve(undefined) }
    return
  }
  yield { file: doc.file, bytes: doc.body }
  for (const [enc, ext] of VARIANTS) {
    const file = `${doc.file}.${ext}`
    if (!wanted(doc, enc, archives)) yield { file, pending: Promise.resolve(undefined) }
    else if (!compress) yield { file, pending: Promise.resolve(doc.variant(enc)?.body) }
    else yield { file, pending: compress[enc](doc.body, doc.fastCompression).then((b) => (b.byteLength < doc.body.byteLength ? b : undefined)) }
  }
}

/** The body (unless stored as `.gz` alone) and the variants that pay, from the document's own memoized variants (what the server sends). */
export function* documentBytes(doc: Document, archives: ArchiveEncodings = 'all'): Generator<OutputFile> {
  if (gzipOnly(doc, archives)) {
    const gz = doc.variant('gzip')
    yield gz ? { file: `${doc.file}.gz`, bytes: gz.body } : { file: doc.file, bytes: doc.body }
    return
  }
  yield { file: doc.file, bytes: doc.body }
  for (const [enc, ext] of VARIANTS) {
    const v = wanted(doc, enc, archives) ? doc.variant(enc) : undefined
    if (v) yield { file: `${doc.file}.${ext}`, bytes: v.body }
  }
}
