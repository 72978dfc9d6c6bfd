/**
 * The `_headers` file of an incremental build, without rendering every bridge and archive.
 * `siteFiles` feeds every document (heads, bridges, archives) to HeadersFile; the rules it makes
 * are one per kind of document (HeadersFile throws if two documents of one kind differ) plus a
 * Link rule per head. So the heads, plus one document of each kind in the order `Site.keys()`
 * meets them, give the same file. Documents of a kind other than heads have config-only headers,
 * so one rendered representative per rule path serves for the life of the process.
 * test/live/build-watch.test.ts checks the result against a full build after every change.
 */
import type { Document } from '../documents/document.js'
import { HeadersFile, rulePath } from '../documents/headers-file.js'
import { BRIDGE, archiveCount, hasBridge } from '../documents/paging.js'
import type { Site } from '../documents/site.js'
import { FORMATS, type DocKey } from '../paths.js'

export class StaticHeaders {
  private readonly representatives = new Map<string, Document>()

  render(site: Site): Uint8Array {
    const headers = new HeadersFile()
    for (const key of site.headKeys()) {
      const doc = site.get(key)
      if (doc) headers.add(key, doc)
    }
    const perPage = site.config.maxItems
    for (const topic of [null, ...site.catalog.topics.keys()]) {
      const total = site.scopeItems(topic)!.length
      for (const format of FORMATS) {
        if (hasBridge(total, perPage)) this.add(headers, site, { type: 'feed', topic, format, page: BRIDGE })
        if (archiveCount(total, perPage) >= 1) this.add(headers, site, { type: 'feed', topic, format, page: { kind: 'archive', n: 1 } })
      }
    }
    return headers.render()
  }

  private add(headers: HeadersFile, site: Site, key: DocKey): void {
    const rule = rulePath(key)
    let doc = this.representatives.get(rule)
    if (!doc) {
      doc = site.get(key)!
      // A per-document Link would be tied to this document's path: never share such a one.
      if (doc.headers.Link === undefined) this.representatives.set(rule, doc)
    }
    headers.add(key, doc)
  }
}
