/**
 * The `_headers` file of the static build, from the documents at the keys the build writes.
 * HeadersFile makes one rule per rule path (one kind of document) plus one WebSub Link rule per
 * head, and throws if two documents of one rule differ; so one rendered document per rule path
 * gives the file that feeding it every document would, and only documents that carry their own
 * Link (the heads, with a hub) or are alone at their rule (they carry their Last-Modified) must
 * each be taken from the current snapshot. Headers of a shared rule come from its kind, its path
 * and the config, so a representative serves for the life of the writer (the config is part of
 * the manifest key). No list of kinds here: the keys are `Site.keys()`'s.
 */
import type { Document } from '../documents/document.js'
import { HEADERS_FILE, HeadersFile, isLiteral, rulePath } from '../documents/headers-file.js'
import type { Site } from '../documents/site.js'
import type { DocKey } from '../paths.js'

export { HEADERS_FILE }

/** What a rule needs of a document. */
export type DocHeaders = Pick<Document, 'headers' | 'lastModifiedMs' | 'path'>

export class HeadersRules {
  private readonly representatives = new Map<string, DocHeaders>()

  /**
   * `known`: the headers of a document without rendering it (an unchanged one, from the site
   * manifest's entries), else the document is taken from `site`. At 100k seeds rendering every
   * head of a warm build only for this file cost ~0.3 s.
   */
  render(site: Site, keys: Iterable<DocKey>, known: (key: DocKey) => DocHeaders | undefined = () => undefined): Uint8Array {
    const headers = new HeadersFile()
    if (site.config.archiveEncodings === 'gzip-only') {
      // This host serves files as they are: an archive that is only its .gz has no file at its path.
      headers.note(
        'Built with --archive-encodings gzip-only: each archive is only its .gz, so a host that serves files',
        'as they are answers archive paths 404. Serve this tree with deploy/nginx or the Worker, or build without it.',
      )
    }
    for (const key of keys) {
      const rule = rulePath(key)
      let doc: DocHeaders | undefined = this.representatives.get(rule)
      if (!doc) {
        doc = known(key) ?? site.get(key)
        if (!doc) continue
        // A per-document Link or Last-Modified is this document's, in this snapshot: never keep such a one.
        if (doc.headers.Link === undefined && !isLiteral(rule)) this.representatives.set(rule, doc)
      }
      headers.add(key, doc)
    }
    return headers.render()
  }
}
