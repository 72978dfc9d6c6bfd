/**
 * The HTTP contract every way of serving Feedstand must keep (like unstorage's `testDriver`): one
 * function registers the same assertions against a target, so the Node server, nginx over the
 * static tree and (later) the Worker can never drift apart. A target that cannot do something
 * says so in its capabilities, and those tests show up as skipped with that reason, not as absent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { compressionChecks } from './contract-compression.js'
import { conditionalChecks } from './contract-conditional.js'
import { documentChecks } from './contract-documents.js'
import { pagingChecks } from './contract-paging.js'
import { CORPUS } from './fixture.js'
import { wire, type Wire } from './http.js'

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
  })
}
