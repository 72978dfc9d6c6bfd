/**
 * The static build's writer: a Site's documents into the output folder, with `.gz`/`.br` beside
 * every compressible one (when smaller) and `_headers` — the same files as `siteFiles`
 * (src/build.ts), made faster two ways:
 *
 * - compression runs on worker threads (same zlib options as the server's compressor, so the
 *   same bytes) while the main thread renders the next documents and the disk writes;
 * - with a cache folder, a manifest of the last build (src/cache/build-manifest.ts) lets the next
 *   build render and write only the documents whose signature changed, and delete those gone.
 *   Without a usable manifest the build is a full one, swapped in atomically.
 */
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Document } from '../documents/document.js'
import { HEADERS_FILE, HeadersFile } from '../documents/headers-file.js'
import type { Site } from '../documents/site.js'
import { fingerprint } from '../cache/fingerprint.js'
import { manifestPath, readManifest, removeManifest, signatureDigest, writeManifest } from '../cache/build-manifest.js'
import { writeInPlace, writeTreeAtomically, type TreeFile } from '../fs/write-tree.js'
import { StaticHeaders } from '../live/static-headers.js'
import { filePath, type DocKey } from '../paths.js'
import type { AsyncCompressor, CompressionLevels } from './compress.js'
import { compressPool } from './compress-pool.js'

export interface StaticBuildOptions {
  /** Cache folder for the manifest; without one every build is a full one. */
  cacheDir?: string
  /** `heads`: only the heads and index documents (the benchmark's comparison with Hugo). Default `all`. */
  scope?: 'all' | 'heads'
  levels?: CompressionLevels
}

export interface StaticBuildStats {
  mode: 'full' | 'incremental'
  /** Files written and their bytes. */
  files: number
  bytes: number
  /** Documents rendered, left as they were, deleted. */
  rendered: number
  unchanged: number
  deleted: number
}

export async function writeSite(site: Site, outDir: string, options: StaticBuildOptions = {}): Promise<StaticBuildStats> {
  const compress = compressPool(options.levels)
  try {
    return await write(site, outDir, options, compress)
  } finally {
    await compress.close()
  }
}

async function write(site: Site, outDir: string, options: StaticBuildOptions, compress: AsyncCompressor): Promise<StaticBuildStats> {
  const scope = options.scope ?? 'all'
  const key = await fingerprint('build', { config: site.config, scope, levels: options.levels ?? {} })
  const path = options.cacheDir === undefined ? undefined : manifestPath(options.cacheDir, outDir)
  const previous = path && existsSync(outDir) ? await readManifest(path, key, outDir) : undefined
  const keys = () => (scope === 'heads' ? site.headKeys() : site.keys())
  const digests: Record<string, string> = {}
  const counts = { rendered: 0, unchanged: 0, deleted: 0 }
  let stats: { files: number; bytes: number }
  if (!previous) {
    stats = await writeTreeAtomically(outDir, allFiles(site, keys(), compress, digests, counts))
  } else {
    await removeManifest(path!)
    for (const k of keys()) {
      const sig = site.signature(k)
      if (sig !== undefined) digests[filePath(k)] = signatureDigest(sig)
    }
    const gone = Object.keys(previous.files).filter((f) => !(f in digests))
    counts.deleted = gone.length
    // `_headers` is a function of the set of documents and the config (each document's headers
    // come from its kind, its path and the config, never from its items), and the manifest's key
    // covers the config: the same set of files, the same rules. Re-making it renders every head.
    const sameSet = gone.length === 0 && Object.keys(digests).every((f) => f in previous.files)
    const files = changedFiles(site, keys(), previous.files, digests, compress, counts, sameSet ? undefined : scope)
    stats = await writeInPlace(outDir, files, gone.flatMap((f) => [f, `${f}.gz`, `${f}.br`]))
  }
  if (path) await writeManifest(path, { key, outDir: resolve(outDir), files: digests }).catch(() => undefined)
  return { mode: previous ? 'incremental' : 'full', files: stats.files, bytes: stats.bytes, ...counts }
}

/** Every document, its variants, then `_headers` (made from every document, as `siteFiles` does). */
function* allFiles(site: Site, keys: Iterable<DocKey>, compress: AsyncCompressor, digests: Record<string, string>, counts: { rendered: number }): Generator<TreeFile> {
  const headers = new HeadersFile()
  for (const key of keys) {
    const sig = site.signature(key)
    const doc = sig === undefined ? undefined : site.get(key)
    if (!doc || sig === undefined) continue
    headers.add(key, doc)
    digests[doc.file] = signatureDigest(sig)
    counts.rendered++
    yield* docFiles(doc, compress)
  }
  yield { file: HEADERS_FILE, bytes: headers.render() }
}

/** Documents whose digest differs from the last build's, their variants, and `_headers` when the set of documents changed. */
function* changedFiles(
  site: Site,
  keys: Iterable<DocKey>,
  before: Record<string, string>,
  digests: Record<string, string>,
  compress: AsyncCompressor,
  counts: { rendered: number; unchanged: number; deleted: number },
  headersFor: 'all' | 'heads' | undefined,
): Generator<TreeFile> {
  for (const key of keys) {
    const file = filePath(key)
    const digest = digests[file]
    if (digest === undefined) continue
    if (before[file] === digest) {
      counts.unchanged++
      continue
    }
    const doc = site.get(key)
    if (!doc) continue
    counts.rendered++
    yield* docFiles(doc, compress)
  }
  if (headersFor === 'all') yield { file: HEADERS_FILE, bytes: new StaticHeaders().render(site) }
  else if (headersFor === 'heads') yield { file: HEADERS_FILE, bytes: headsHeaders(site) }
}

/** The body, then each encoding while it runs on the thread pool (kept only when smaller, like `Document.variant`). */
function* docFiles(doc: Document, compress: AsyncCompressor): Generator<TreeFile> {
  yield { file: doc.file, bytes: doc.body }
  if (!doc.compressible) return
  for (const [enc, ext] of [['gzip', 'gz'], ['br', 'br']] as const) {
    const pending = compress[enc](doc.body, doc.archival).then((b) => (b.byteLength < doc.body.byteLength ? b : undefined))
    yield { file: `${doc.file}.${ext}`, pending }
  }
}

function headsHeaders(site: Site): Uint8Array {
  const headers = new HeadersFile()
  for (const key of site.headKeys()) {
    const doc = site.get(key)
    if (doc) headers.add(key, doc)
  }
  return headers.render()
}
