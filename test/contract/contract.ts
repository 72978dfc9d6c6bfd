/**
 * The HTTP contract every way of serving Feedstand must keep (like unstorage's `testDriver`): one
 * function registers the same assertions against a target, so the Node server, nginx over the
 * static tree and (later) the Worker can never drift apart. A target that cannot do something
 * says so in its capabilities, and those tests show up as skipped with that reason, not as absent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ArchiveEncodings } from '../../src/config.js'
import { archiveChecks } from './contract-archives.js'
import { compressionChecks } from './contract-compression.js'
import { conditionalChecks } from './contract-conditional.js'
import { documentChecks } from './contract-documents.js'
import { pagingChecks } from './contract-paging.js'
import { CORPUS } from './fixture.js'
import { wire, type Wire } from './http.js'
import type { Kind } from './kinds.js'

/** `true`: the target does it; otherwise why it cannot (shown as the skip reason). */
export type Capability = true | { skip: string }

export interface Capabilities {
  /** `?page=N` answered with a 302 to the paged walk's Nth document. */
  pageQuery: Capability
  /** `?limit=N` answered with the newest N items. */
  limitQuery: Capability
  /** 405 (with Allow) for methods other than GET, HEAD and OPTIONS. */
  methodNotAllowed: Capability
  /** brotli (`br`) offered when the client accepts it. */
  brotli: Capability
  /** Last-Modified is the newest item's date (the same on every build), not a file time. */
  itemLastModified: Capability
  /** A matching If-None-Match gives 304 whatever If-Modified-Since says (RFC 9110 §13.1.3: the latter is then ignored). */
  ifNoneMatchWins: Capability
}

export interface RunningTarget {
  /** Where the target listens, without trailing slash: `http://127.0.0.1:8123`. */
  baseUrl: string
  stop(): Promise<void>
}

export interface Target {
  name: string
  capabilities: Capabilities
  /** What the target's tree stores for archives (`--archive-encodings`); default `all` (the Node server renders every encoding). */
  archiveEncodings?: ArchiveEncodings
  /**
   * An archive stored as its `.gz` alone is decoded while it is sent to a client without gzip
   * (nginx's gunzip filter): that identity answer is chunked, without Content-Length (HEAD sends
   * none either), and carries the `.gz` file's ETag made weak. Without it (the Worker) the
   * identity answer is framed as any other: its length and a strong tag.
   */
  gunzipsOnTheFly?: boolean
  /**
   * Cloudflare's edge (miniflare emulates its front line) re-encodes an answer of some text types
   * (RSS and JSON, not Atom, in miniflare's list) into the first of gzip and br the client lists
   * when the Worker's answer is in another coding: a br client may get br, chunked and with the
   * Worker's tag, of an archive the tree has no `.br` of (the Worker itself sends identity).
   */
  edgeReencodes?: boolean
  /** Starts the target over the contract corpus (test/contract/fixture.ts). */
  start(): Promise<RunningTarget>
}

/** What the check groups (contract-*.ts) get from `contractSuite`. */
export interface ContractContext {
  target: Target
  /** One request to the running target, nothing decoded. */
  get(path: string, headers?: Record<string, string>, method?: string): Promise<Wire>
  /** The path of a link a document gives: links name the configured base URL, not where the target listens. */
  local(href: string): string
  /** `it` when the target can, else a skipped test whose name carries the reason. */
  itIf(cap: Capability, title: string, fn: () => Promise<void>): void
  /** Whether this answer of `k` is an archive's `.gz` decoded while sent (see Target.gunzipsOnTheFly). */
  onTheFly(k: Kind, res: Wire): boolean
  /**
   * How a br client gets `k`: `stored` (the target's own br), `none` (a `gzip` or `gzip-only`
   * tree has no `.br` of archives) or `edge` (none of its own, but the edge may re-encode it,
   * see Target.edgeReencodes).
   */
  brotliOf(k: Kind): 'stored' | 'none' | 'edge'
  /** Whether this answer of `k` was re-encoded by the edge, not sent as the target made it (see Target.edgeReencodes). */
  reencoded(k: Kind, res: Wire): boolean
  /** Asserts how the GET answer `res` of `k` (or the HEAD answer `head` beside it) states its length: Content-Length of the GET body, or none when decoded on the fly. */
  expectLength(k: Kind, res: Wire, head?: Wire): void
  /** Asserts that HEAD of `k` answers as GET does (status 200, no body, its length, the `headers` named), for identity and gzip clients. */
  expectHeadAsGet(k: Kind, headers: readonly string[]): Promise<void>
}

/** Registers the contract suite for `target`. */
export function contractSuite(target: Target): void {
  let running: RunningTarget
  const ctx: ContractContext = {
    target,
    get: (path, headers = {}, method = 'GET') => wire(running.baseUrl + path, method, headers),
    local(href) {
      expect(href.startsWith(CORPUS.base), href).toBe(true)
      return href.slice(CORPUS.base.length)
    },
    itIf: (cap, title, fn) => (cap === true ? it(title, fn) : it.skip(`${title} (skipped on ${target.name}: ${cap.skip})`, fn)),
    onTheFly: (k, res) => target.gunzipsOnTheFly === true && target.archiveEncodings === 'gzip-only' && k.archive === true && res.headers['content-encoding'] === undefined,
    brotliOf(k) {
      if (target.capabilities.brotli === true && (k.archive !== true || (target.archiveEncodings ?? 'all') === 'all')) return 'stored'
      return target.edgeReencodes === true ? 'edge' : 'none'
    },
    reencoded: (k, res) => ctx.brotliOf(k) === 'edge' && res.headers['content-encoding'] === 'br',
    expectLength(k, res, head) {
      const answer = head ?? res
      if (ctx.onTheFly(k, res) || ctx.reencoded(k, res)) {
        expect(answer.headers['content-length'], k.path).toBeUndefined()
        if (!head) expect(res.headers['transfer-encoding'], k.path).toBe('chunked')
      } else {
        expect(answer.headers['content-length'], k.path).toBe(String(res.body.byteLength))
      }
    },
    async expectHeadAsGet(k, headers) {
      for (const accept of ['identity', 'gzip']) {
        const g = await ctx.get(k.path, { 'accept-encoding': accept })
        const h = await ctx.get(k.path, { 'accept-encoding': accept }, 'HEAD')
        expect(h.status, k.path).toBe(200)
        expect(h.body.byteLength, k.path).toBe(0)
        ctx.expectLength(k, g, h)
        for (const name of headers) expect(h.headers[name], `${k.path} ${accept} ${name}`).toBe(g.headers[name])
      }
    },
  }

  describe(`HTTP contract: ${target.name}`, () => {
    beforeAll(async () => {
      running = await target.start()
    })
    afterAll(async () => {
      await running?.stop()
    })
    describe('documents and methods', () => documentChecks(ctx))
    describe('conditional requests', () => conditionalChecks(ctx))
    describe('compression', () => compressionChecks(ctx))
    describe('paging (RFC 5005)', () => pagingChecks(ctx))
    describe('archives (every client, every encoding stored)', () => archiveChecks(ctx))
  })
}
