/**
 * The static build's file list: every document of the snapshot, with its `.gz` and `.br`
 * beside it, at the path-table file paths. Pure over the Site: the CLI writes what this yields.
 */
import type { Site } from './documents/site.js'
import type { OutputFile } from './fs/write-tree.js'

export function* siteFiles(site: Site): Generator<OutputFile> {
  for (const key of site.keys()) {
    const doc = site.get(key)
    if (!doc) continue
    yield { file: doc.file, bytes: doc.body }
    for (const enc of ['gzip', 'br'] as const) {
      const v = doc.variant(enc)
      if (v) yield { file: `${doc.file}.${enc === 'gzip' ? 'gz' : 'br'}`, bytes: v.body }
    }
  }
}
