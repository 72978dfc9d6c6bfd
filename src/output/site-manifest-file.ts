/**
 * `_feedstand.json` (src/documents/site-manifest.ts) for the output path: the entries of the
 * documents a build renders, and for an in-place update those of the unchanged documents, taken
 * from the manifest already in the folder (read once per writer), so an update renders nothing
 * more for it. An entry it cannot find there (the file was missing or from another version) is
 * made from the document itself: the file is always whole.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { ManifestBuilder, SITE_MANIFEST_FILE, entryOf, parseSiteManifest, resolvedEntry } from '../documents/site-manifest.js'
import type { Document } from '../documents/document.js'
import type { Site } from '../documents/site.js'
import { filePath, urlPath, type DocKey } from '../paths.js'

export { SITE_MANIFEST_FILE }

type Entry = ReturnType<typeof entryOf>

export class SiteManifestFile {
  /** Document file → entry of the tree on disk (or being written); undefined until known. */
  private entries: Map<string, Entry> | undefined

  /** A full build: nothing on disk counts. */
  reset(): void {
    this.entries = new Map()
  }

  /**
   * What `_headers` needs of the document at `key` (its headers, Link included, Last-Modified,
   * path) from its entry, without rendering it; undefined when no entry is known. Valid after
   * `update` or `render` for the documents of the snapshot they were given.
   */
  headersOf(key: DocKey): Pick<Document, 'headers' | 'lastModifiedMs' | 'path'> | undefined {
    const entry = this.entries?.get(filePath(key))
    if (!entry) return undefined
    const headers = entry.l ? { ...entry.headers, Link: entry.l.join(', ') } : entry.headers
    return { headers, lastModifiedMs: entry.m, path: urlPath(key) }
  }

  /** A document the build renders. */
  record(doc: Document): void {
    ;(this.entries ??= new Map()).set(doc.file, entryOf(doc))
  }

  /** The manifest of `keys` in `site`. */
  render(site: Site, keys: Iterable<DocKey>): Uint8Array {
    const entries = (this.entries ??= new Map())
    const builder = new ManifestBuilder()
    const kept = new Map<string, Entry>()
    for (const key of keys) {
      const file = filePath(key)
      let entry = entries.get(file)
      if (!entry) {
        const doc = site.get(key)
        if (!doc) continue
        entry = entryOf(doc)
      }
      kept.set(file, entry)
      builder.add(file, withTotal(entry, site, key))
    }
    this.entries = kept
    return builder.render(site.config)
  }

  /**
   * An in-place update: the new manifest when its bytes differ from the file in `outDir` (or
   * `force`), else undefined. `changed`: the documents the update writes.
   */
  async update(site: Site, keys: Iterable<DocKey>, changed: readonly DocKey[], outDir: string, force: boolean): Promise<Uint8Array | undefined> {
    const disk = await readFile(join(outDir, SITE_MANIFEST_FILE), 'utf8').catch(() => undefined)
    if (!this.entries) this.entries = disk === undefined ? new Map() : entriesOf(disk)
    for (const key of changed) {
      const doc = site.get(key)
      if (doc) this.record(doc)
    }
    const bytes = this.render(site, keys)
    return force || disk === undefined || new TextDecoder().decode(bytes) !== disk ? bytes : undefined
  }
}

/** A head's entry with its scope's item count now (the paged walk): it can change while the head's bytes do not. */
function withTotal(entry: Entry, site: Site, key: DocKey): Entry {
  if (key.type !== 'feed' || key.page.kind !== 'head') return entry
  const total = site.scopeItems(key.scope)?.length
  return total === undefined ? entry : { ...entry, n: total }
}

function entriesOf(text: string): Map<string, Entry> {
  const m = parseSiteManifest(text)
  const entries = new Map<string, Entry>()
  if (typeof m === 'string') return entries
  for (const file of Object.keys(m.documents)) {
    const e = resolvedEntry(m, file)
    if (e) entries.set(file, e)
  }
  return entries
}
