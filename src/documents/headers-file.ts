/**
 * The `_headers` file of the static build (the format Netlify and Cloudflare Pages read), made
 * from the same Documents the server answers from, so a CDN serving `feeds/` sends what the
 * server sends: Content-Type, Cache-Control, Vary, nosniff, CORS and the WebSub Link.
 *
 * Both hosts apply EVERY rule whose path matches and join repeated header names with commas,
 * so no two rules that can match one path may set the same header: each rule is either one
 * kind of document (`/topics/:topic/rss/archive/*.xml`) or one WebSub Link line for one head.
 * That keeps the file at a few dozen rules plus three per topic, however many archives there are.
 * The `…/page/*.xml` rules match only the bridges (`page/2`, see paging.ts).
 *
 * The page number is a splat with the extension after it, not a `:n` placeholder: a placeholder
 * matches a whole segment, `1.xml.gz` too, and labelled the prebuilt `.gz`/`.br` files (which
 * nginx and the Worker use) as feeds without a Content-Encoding. Both hosts read `*` inside a
 * segment; with the extension after it a rule cannot match a variant file, which the host then
 * types by its own extension. (Cloudflare allows one splat per rule: the topic stays `:topic`.)
 *
 * Validators: the host's own ETag (it hashes the file). A rule that is one document's alone (the
 * global heads, `/`, `topics.json`, `topics.opml`) also carries that document's Last-Modified,
 * the newest item's date the server sends; a rule of many documents cannot (each has its own
 * date, and a rule per document would pass Cloudflare's 100 rules).
 *
 * Paths are written percent-encoded, as the path table makes them: Cloudflare matches rules
 * against the request's encoded pathname and normalizes a Unicode rule path to that form, so a
 * second, decoded copy would match the same request and repeat its Link header.
 *
 * @see https://developers.cloudflare.com/pages/configuration/headers/
 * @see https://docs.netlify.com/manage/routing/headers/
 */
import { urlPath, type DocKey } from '../paths.js'
import type { Document } from './document.js'

/** File name of the rules, at the root of the output folder. */
export const HEADERS_FILE = '_headers'

/** Cloudflare Pages reads at most this many rules. */
export const CLOUDFLARE_MAX_RULES = 100

type HeaderSet = Readonly<Record<string, string>>

/** Collects one rule set while the build walks the documents; `render()` gives the file. */
export class HeadersFile {
  /** Path pattern → headers shared by every document it matches (no Link). */
  private readonly shared = new Map<string, HeaderSet>()
  /** Literal path → the WebSub Link of that one head. */
  private readonly links = new Map<string, string>()

  /** Comment lines after the header (why the tree may not suit the host reading this file). */
  private readonly notes: string[] = []

  /** @param now the build's time: Last-Modified is never later (RFC 9110 §8.8.2.1; an article may be dated a few minutes ahead). */
  constructor(private readonly now = Date.now()) {}

  /** Adds comment lines to the file's header. */
  note(...lines: string[]): void {
    this.notes.push(...lines.map((l) => `# ${l}`))
  }

  add(key: DocKey, doc: Pick<Document, 'headers' | 'lastModifiedMs' | 'path'>): void {
    const { Link: link, ...headers } = doc.headers
    const rule = rulePath(key)
    const rest = isLiteral(rule) && doc.lastModifiedMs !== undefined ? { ...headers, 'Last-Modified': new Date(Math.min(doc.lastModifiedMs, this.now)).toUTCString() } : headers
    this.share(rule, rest, doc.path)
    // A folder's page is also served at its file name by hosts that serve files as they are.
    if (key.type === 'index') this.share('/index.html', rest, doc.path)
    if (key.type === 'scope-page') this.share(`${rulePath(key)}index.html`, rest, doc.path)
    if (link !== undefined) this.links.set(doc.path, link)
  }

  /** Number of rule blocks `render()` writes. */
  get ruleCount(): number {
    let n = this.shared.size
    for (const path of this.links.keys()) if (!this.shared.has(path)) n++
    return n
  }

  render(): Uint8Array {
    const lines = [
      '# Response headers for Netlify and Cloudflare Pages, written by `feedstand build` from the',
      '# documents the server answers from. No two rules matching one path set the same header.',
      '# ETag is the host\'s own; Last-Modified is set where a rule is one document\'s. The .gz/.br files',
      '# are for nginx gzip_static and the Worker (no rule matches them): these hosts compress themselves.',
    ]
    lines.push(...this.notes)
    if (this.ruleCount > CLOUDFLARE_MAX_RULES) {
      lines.push(
        `# ${this.ruleCount} rules: Cloudflare Pages reads ${CLOUDFLARE_MAX_RULES}. The rules every document needs come`,
        '# first; the per-feed WebSub Link rules after them may be cut (the feeds carry the same links in their bodies).',
      )
    }
    const block = (path: string, headers: HeaderSet) => {
      lines.push('', path, ...Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`))
    }
    for (const [path, headers] of this.shared) {
      const link = this.links.get(path)
      block(path, link === undefined ? headers : { ...headers, Link: link })
    }
    for (const [path, link] of this.links) if (!this.shared.has(path)) block(path, { Link: link })
    return new TextEncoder().encode(lines.join('\n') + '\n')
  }

  private share(path: string, headers: HeaderSet, from: string): void {
    const seen = this.shared.get(path)
    if (!seen) this.shared.set(path, headers)
    else if (!sameHeaders(seen, headers)) {
      // A bug, not an input problem: documents of one kind must share their headers.
      throw new Error(`_headers: ${from} needs other headers than the rest of ${path}`)
    }
  }
}

/**
 * The rule path of a document: its own URL path for heads of the global feed, index documents
 * and assets; `/topics/:topic/` for topic pages (`/providers/:provider/`, `/categories/:category/`
 * for the other kinds); for the others the path-table URL with the scope's slug a placeholder and
 * the page number a splat before the extension (`/topics/:topic/atom/page/*.xml`).
 */
export function rulePath(key: DocKey): string {
  // One rule for every scope page of a kind (their headers, the CSP included, are the same).
  if (key.type === 'scope-page') return urlPath({ ...key, scope: { ...key.scope, slug: TOPIC_SENTINEL } }).replace(TOPIC_SENTINEL, `:${key.scope.kind}`)
  if (key.type !== 'feed' || (key.scope === null && key.page.kind === 'head')) return urlPath(key)
  const general: DocKey = {
    ...key,
    scope: key.scope === null ? null : { ...key.scope, slug: TOPIC_SENTINEL },
    page: key.page.kind === 'head' ? key.page : { kind: key.page.kind, n: 1 },
  }
  const segments = urlPath(general).split('/')
  if (key.page.kind !== 'head') segments[segments.length - 1] = segments.at(-1)!.replace(/^1\./, '*.')
  return segments.map((s) => (s === TOPIC_SENTINEL ? `:${key.scope!.kind}` : s)).join('/')
}

/** Whether a rule path names one path only (no placeholder, no splat). */
export function isLiteral(rule: string): boolean {
  return !rule.includes('/:') && !rule.includes('*')
}

/** A slug can never be this (slugs are lowercase), so its segment is the scope's. */
const TOPIC_SENTINEL = 'TOPIC'

function sameHeaders(a: HeaderSet, b: HeaderSet): boolean {
  const ka = Object.keys(a)
  return ka.length === Object.keys(b).length && ka.every((k) => a[k] === b[k])
}
