/**
 * The static build's file list: every document of the snapshot, with its `.gz` and `.br`
 * beside it, at the path-table file paths, then the `_headers` rules for CDNs. Pure over the
 * Site: the CLI writes what this yields.
 */
import { HEADERS_FILE, HeadersFile } from './documents/headers-file.js'
import type { Site } from './documents/site.js'
import type { OutputFile } from './fs/write-tree.js'

export function* siteFiles(site: Site): Generator<OutputFile> {
  const headers = new HeadersFile()
  for (const key of site.keys()) {
    const doc = site.get(key)
    if (!doc) continue
    headers.add(key, doc)
    yield { file: doc.file, bytes: doc.body }
    for (const enc of ['gzip', 'br'] as const) {
      const v = doc.variant(enc)
      if (v) yield { file: `${doc.file}.${enc === 'gzip' ? 'gz' : 'br'}`, bytes: v.body }
    }
  }
  // Last, once every document has been seen: the rules are generalized from all of them.
  yield { file: HEADERS_FILE, bytes: headers.render() }
}
