/**
 * What each target can do, said explicitly: the contract suite skips (with the reason shown) what
 * a target cannot do. A new target (the Worker in workerd) adds its own set here.
 */
import { existsSync } from 'node:fs'
import type { Capabilities } from './contract.js'
import { BROTLI_MODULE } from './nginx.js'

/** Everything: the Node server is the reference the other targets are held to. */
export const NODE_CAPABILITIES: Capabilities = {
  pageQuery: true,
  limitQuery: true,
  methodNotAllowed: true,
  brotli: true,
  itemLastModified: true,
  ifNoneMatchWins: true,
}

/** Whether this machine's nginx can load brotli_static (Debian: libnginx-mod-http-brotli-static). */
export const NGINX_HAS_BROTLI = existsSync(BROTLI_MODULE)

/** A static host: no walk arithmetic, no views; validators are nginx's own (file mtime and size). */
export const NGINX_CAPABILITIES: Capabilities = {
  pageQuery: { skip: '?page=N needs the paged walk, which only the server computes (a static host serves the head and ignores the query)' },
  limitQuery: { skip: '?limit=N needs the server (no such file in the static tree)' },
  methodNotAllowed: true,
  brotli: NGINX_HAS_BROTLI ? true : { skip: `no brotli_static here (${BROTLI_MODULE} missing: apt-get install libnginx-mod-http-brotli-static)` },
  itemLastModified: { skip: 'the static tree has no Last-Modified source: nginx sends the file\'s mtime, the time the build wrote it' },
  // ngx_http_not_modified_filter_module answers 304 only when every validator sent says so; the
  // 200 it gives instead is never stale, only a refetch for a client that sends both (rare: a
  // reader sends the ETag it got, and most send both from the same answer, where both match).
  ifNoneMatchWins: { skip: 'nginx answers 304 only when If-Modified-Since agrees too (its not_modified filter checks both); the 200 is a refetch, never stale' },
}

/**
 * The Worker over the static build (src/adapter/workers/): the app and Document code of the Node
 * server, with the paged walk and every validator from the build's `_feedstand.json`.
 */
export const WORKERD_CAPABILITIES: Capabilities = {
  ...NODE_CAPABILITIES,
  limitQuery: { skip: '?limit=N views are rendered from articles, which the Worker does not have: it answers the full head, as static hosts do' },
}
