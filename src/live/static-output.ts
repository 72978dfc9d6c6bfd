/**
 * `build --watch`: keeps the output folder equal to what a full build of the current snapshot
 * would write, touching only files whose bytes changed.
 *
 * Which documents can have changed is read off the catalogs, not found by rendering everything:
 * a scope (the global feed or one topic) whose article list and name are the same objects as
 * before is skipped whole; in a scope that changed, the head and the bridge are re-rendered if
 * their slice of the list changed or the count did (their links follow the count), an archive
 * only if its slice is not in the part of the list that stayed the same from the oldest end
 * (RFC 5005: full archives, links included, never change when new articles arrive). So a new
 * newest article re-renders the heads and bridges of its scopes and at most one newly filled
 * archive each. Each candidate is then written only if its bytes differ from the file written
 * before.
 */
import { createHash } from 'node:crypto'
import { siteFiles } from '../build.js'
import type { Document } from '../documents/document.js'
import { HEADERS_FILE } from '../documents/headers-file.js'
import { BRIDGE, archiveCount, hasBridge } from '../documents/paging.js'
import type { Site } from '../documents/site.js'
import { writeChangedFiles, type ChangeStats } from '../fs/write-changed.js'
import { writeTreeAtomically, type OutputFile, type WriteStats } from '../fs/write-tree.js'
import { FORMATS, HEAD, filePath, type DocKey, type FeedPage } from '../paths.js'
import type { Article } from '../types.js'
import { StaticHeaders } from './static-headers.js'

type FeedKey = Extract<DocKey, { type: 'feed' }>

export class StaticOutput {
  /** Digest of every file this process wrote (or the first build wrote), by relative path. */
  private readonly written = new Map<string, string>()
  private readonly headers = new StaticHeaders()
  private failed = false

  constructor(private readonly outDir: string) {}

  /** The first build: the whole tree, swapped in at once (like `feedstand build`). */
  async writeAll(site: Site): Promise<WriteStats> {
    this.written.clear()
    const written = this.written
    function* recorded(): Generator<OutputFile> {
      for (const f of siteFiles(site)) {
        written.set(f.file, digest(f.bytes))
        yield f
      }
    }
    return writeTreeAtomically(this.outDir, recorded())
  }

  /**
   * Brings the folder from `prev`'s documents to `next`'s. After a failed write (disk full) the
   * record of what is on disk cannot be trusted, so the next update rewrites the whole tree.
   */
  async update(prev: Site, next: Site): Promise<ChangeStats> {
    if (this.failed) {
      const stats = await this.writeAll(next)
      this.failed = false
      return { written: stats.files, deleted: 0, bytes: stats.bytes }
    }
    try {
      return await this.writeChanges(prev, next)
    } catch (err) {
      this.failed = true
      throw err
    }
  }

  private async writeChanges(prev: Site, next: Site): Promise<ChangeStats> {
    const writes: OutputFile[] = []
    const deletions: string[] = []
    const consider = (doc: Document | undefined) => doc && this.compare(doc, writes, deletions)
    for (const key of next.headKeys()) if (key.type !== 'feed') consider(next.get(key))
    const perPage = next.config.maxItems
    const slugs = new Set([...prev.catalog.topics.keys(), ...next.catalog.topics.keys()])
    for (const topic of [null, ...slugs]) {
      const before = scope(prev, topic)
      const after = scope(next, topic)
      if (before && after && before.articles === after.articles && before.name === after.name) continue
      if (after) for (const key of candidates(topic, before, after, perPage)) consider(next.get(key))
      for (const key of vanished(topic, before?.articles.length ?? -1, after ? after.articles.length : -1, perPage)) {
        for (const file of variantsOf(filePath(key))) if (this.written.delete(file)) deletions.push(file)
      }
    }
    this.compareBytes(HEADERS_FILE, this.headers.render(next), writes)
    return writeChangedFiles(this.outDir, writes, deletions)
  }

  private compare(doc: Document, writes: OutputFile[], deletions: string[]): void {
    if (!this.compareBytes(doc.file, doc.body, writes)) return
    for (const enc of ['gzip', 'br'] as const) {
      const file = `${doc.file}.${enc === 'gzip' ? 'gz' : 'br'}`
      const v = doc.variant(enc)
      if (v) this.compareBytes(file, v.body, writes)
      else if (this.written.delete(file)) deletions.push(file)
    }
  }

  /** Queues the file when its bytes differ from what was written; true when queued. */
  private compareBytes(file: string, bytes: Uint8Array, writes: OutputFile[]): boolean {
    const d = digest(bytes)
    if (this.written.get(file) === d) return false
    this.written.set(file, d)
    writes.push({ file, bytes })
    return true
  }
}

interface Scope {
  articles: readonly Article[]
  name: string | undefined
}

function scope(site: Site, topic: string | null): Scope | undefined {
  if (topic === null) return { articles: site.catalog.articles, name: undefined }
  const t = site.catalog.topics.get(topic)
  return t && { articles: t.articles, name: t.name }
}

/** Documents of a scope that may differ from before (see the file comment). */
function* candidates(topic: string | null, before: Scope | undefined, after: Scope, perPage: number): Generator<FeedKey> {
  const P = before?.articles ?? []
  const Q = after.articles
  const all = !before || before.name !== after.name
  const mutableAll = all || P.length !== Q.length
  const prefix = all ? 0 : commonPrefix(P, Q)
  const suffix = all ? 0 : commonSuffix(P, Q, prefix)
  // Whether newest-first indices [start, end) hold anything outside the common head and tail.
  const touched = (start: number, end: number) => start < Q.length - suffix && end > prefix
  for (const format of FORMATS) {
    const key = (page: FeedPage): FeedKey => ({ type: 'feed', topic, format, page })
    if (mutableAll || touched(0, Math.min(perPage, Q.length)) || Q.length === 0) yield key(HEAD)
    if (hasBridge(Q.length, perPage) && (mutableAll || touched(perPage, perPage + (Q.length % perPage)))) yield key(BRIDGE)
    const had = before ? archiveCount(P.length, perPage) : 0
    for (let n = 1; n <= archiveCount(Q.length, perPage); n++) {
      if (all || n > had || n * perPage > suffix) yield key({ kind: 'archive', n })
    }
  }
}

/** Documents that existed with `was` items and not with `now` (-1: the scope does not exist). */
function* vanished(topic: string | null, was: number, now: number, perPage: number): Generator<FeedKey> {
  if (was < 0) return
  const bridge = now >= 0 && hasBridge(now, perPage)
  const archives = now < 0 ? 0 : archiveCount(now, perPage)
  for (const format of FORMATS) {
    const key = (page: FeedPage): FeedKey => ({ type: 'feed', topic, format, page })
    if (now < 0) yield key(HEAD)
    if (hasBridge(was, perPage) && !bridge) yield key(BRIDGE)
    for (let n = archives + 1; n <= archiveCount(was, perPage); n++) yield key({ kind: 'archive', n })
  }
}

function commonPrefix(a: readonly Article[], b: readonly Article[]): number {
  const max = Math.min(a.length, b.length)
  let i = 0
  while (i < max && a[i] === b[i]) i++
  return i
}

/** Length of the common tail, not overlapping the common head. */
function commonSuffix(a: readonly Article[], b: readonly Article[], prefix: number): number {
  const max = Math.min(a.length, b.length) - prefix
  let i = 0
  while (i < max && a[a.length - 1 - i] === b[b.length - 1 - i]) i++
  return i
}

function variantsOf(file: string): string[] {
  return [file, `${file}.gz`, `${file}.br`]
}

function digest(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('base64')
}
