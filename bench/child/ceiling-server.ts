/**
 * The ceiling: a bare Hono app on the same @hono/node-server stack as `feedstand serve`,
 * answering every GET with one constant Buffer of the given size and the same set of headers
 * our feeds carry (304 when If-None-Match matches). Nothing to look up, negotiate or compare:
 * what is left is the cost of the HTTP stack itself.
 * Usage: ceiling-server.ts BODY_BYTES
 */
import { randomBytes } from 'node:crypto'
import { serve } from '@hono/node-server'
import { Hono } from 'hono'
import type { AddressInfo } from 'node:net'

const size = Number(process.argv[2])
if (!Number.isInteger(size) || size < 0) throw new Error('usage: ceiling-server.ts BODY_BYTES')
// Incompressible bytes of the right size; the client never decodes them.
const body = randomBytes(size)
const etag = '"ceiling-0000000000000000000000-gzip"'
const headers = {
  'Content-Type': 'application/rss+xml; charset=utf-8',
  'Cache-Control': 'public, max-age=300, stale-while-revalidate=600',
  ETag: etag,
  Vary: 'Accept-Encoding',
  'X-Content-Type-Options': 'nosniff',
  'Access-Control-Allow-Origin': '*',
  'Last-Modified': new Date(0).toUTCString(),
}
const ok = { ...headers, 'Content-Encoding': 'gzip', 'Content-Length': String(size) }

const app = new Hono()
app.get('*', (c) => {
  if (c.req.header('if-none-match') === etag) return new Response(null, { status: 304, headers })
  return new Response(body, { status: 200, headers: ok })
})

const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
  process.stderr.write(`ceiling serving ${size} bytes on http://127.0.0.1:${info.port} \n`)
})
process.once('SIGTERM', () => server.close(() => process.exit(0)))
