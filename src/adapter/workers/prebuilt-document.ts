/**
 * A core Document over the static build's files: the body from the assets, its `.gz`/`.br` as the
 * Compressor port (DESIGN §7: "on the edge, the prebuilt .gz/.br files"), and the manifest's
 * body hash as the Digest port, so the Worker hashes and compresses nothing and every header,
 * ETag and 304 comes from the same Document code as on the Node server.
 *
 * An archive built with `--archive-encodings gzip-only` has its `.gz` and no body file: the body
 * is then the `.gz` decompressed (DecompressionStream, once per load, kept with the document in
 * the isolate's cache), so an identity client gets exactly the bytes the Node server sends, with
 * their length and strong ETag, and a gzip client the stored `.gz` as it is.
 */
import { Document, type DocumentPorts, type Encoding } from '../../documents/document.js'
import type { ManifestEntry, SiteManifest } from '../../documents/site-manifest.js'
import type { DocKey } from '../../paths.js'
import { filePath, urlPath } from '../../paths.js'

/** The static assets binding (`env.ASSETS`): a fetch over the built tree. */
export interface AssetsFetcher {
  fetch(input: Request | string | URL): Promise<Response>
}

/** The prebuilt variant files beside a document, as the build names them (src/output/files.ts). */
const VARIANT_FILES: readonly [Encoding, string][] = [['gzip', 'gz'], ['br', 'br']]

/** The bytes of `file` in the assets, undefined when the tree has no such file. */
async function assetBytes(assets: AssetsFetcher, file: string): Promise<Uint8Array | undefined> {
  const res = await assets.fetch(new URL('/' + file.split('/').map(encodeURIComponent).join('/'), 'https://assets.local'))
  if (res.status === 404) {
    await res.body?.cancel()
    return undefined
  }
  if (!res.ok) throw new Error(`assets: ${file} answered ${res.status}`)
  return new Uint8Array(await res.arrayBuffer())
}

/**
 * The document at `key` made from its files, with its size in bytes (for the cache). Throws when
 * the manifest names a file the assets lack: the tree and its manifest are from different builds.
 */
export async function loadDocument(assets: AssetsFetcher, m: SiteManifest, key: DocKey, e: ManifestEntry): Promise<{ doc: Document; bytes: number }> {
  const file = filePath(key)
  const [body, ...packed] = await Promise.all([
    assetBytes(assets, file),
    ...VARIANT_FILES.map(([, ext]) => (e.c ? assetBytes(assets, `${file}.${ext}`) : Promise.resolve(undefined))),
  ])
  const gz = packed[0]
  const identity = body ?? (gz && (await gunzip(gz)))
  if (!identity) throw new Error(`${file} is in _feedstand.json but not in the assets: deploy the whole tree of one build`)
  const variants = new Map(VARIANT_FILES.map(([enc], i) => [enc, packed[i]]))
  // A variant the build did not write (it did not pay) is answered with the body itself, which
  // Document drops as not smaller: the same rule that decided not to write it.
  const ports: DocumentPorts = {
    digest: () => e.e,
    compressor: { gzip: () => variants.get('gzip') ?? identity, br: () => variants.get('br') ?? identity },
  }
  const headers = m.headerSets[e.h]!
  const doc = new Document(
    {
      path: urlPath(key),
      file,
      contentType: headers['Content-Type'] ?? 'application/octet-stream',
      body: identity,
      cacheControl: headers['Cache-Control'] ?? 'no-cache',
      headers,
      links: e.l ?? [],
      compressible: e.c === 1,
      ...(e.m !== undefined && { lastModifiedMs: e.m }),
    },
    ports,
  )
  const bytes = identity.byteLength + packed.reduce((n, p) => n + (p?.byteLength ?? 0), 0)
  return { doc, bytes }
}

/** The bytes a gzip member holds (the Web-standard DecompressionStream: workerd, Node, browsers). */
async function gunzip(gz: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([gz as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('gzip'))
  return new Uint8Array(await new Response(stream).arrayBuffer())
}
