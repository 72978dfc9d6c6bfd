/**
 * The Cloudflare Worker: the same Hono app as `feedstand serve`, over the static build deployed as
 * the Worker's static assets (deploy/cloudflare/wrangler.jsonc). The bytes come from the assets
 * binding, headers, ETags, Last-Modified and the paged walk from the build's `_feedstand.json`;
 * nothing is rendered, hashed or compressed here. Every request reaches the Worker first
 * (`run_worker_first`), so `_headers`, the manifest and the `.gz`/`.br` files are never served
 * as files: the app answers them 404 like any path outside the path table.
 */
import type { Context } from 'hono'
import type { DocumentSource } from '../../documents/document-source.js'
import { createApp } from '../../http/app.js'
import { asEncoded, clientRequest } from './client-request.js'
import { ManifestSite } from './manifest-site.js'
import type { AssetsFetcher } from './prebuilt-document.js'

export interface Env {
  ASSETS: AssetsFetcher
}

/** What the app reads per request (c.env): the documents loaded for it. */
interface RequestEnv {
  site: DocumentSource
}

const app = createApp({ site: (c: Context) => (c.env as RequestEnv).site })

/** The manifest, read once per isolate (a deploy starts new isolates with the new assets). */
let opened: Promise<ManifestSite | string> | undefined

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const site = await (opened ??= ManifestSite.open(env.ASSETS))
    if (typeof site === 'string') {
      opened = undefined // not kept: the next request tries again
      return failure(site)
    }
    try {
      const req = clientRequest(request)
      const res = await app.fetch(req, { site: await site.forRequest(req) } satisfies RequestEnv)
      return asEncoded(res)
    } catch (err) {
      return failure((err as Error).message)
    }
  },
}

function failure(reason: string): Response {
  console.error(`feedstand: ${reason}`)
  return new Response(`Internal error: ${reason}\n`, { status: 500, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } })
}
