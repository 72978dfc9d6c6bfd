/**
 * A tiny static file server over a built output folder, the way a plain static host serves it:
 * `/x/` answers `x/index.html`, the type comes from the extension, `_headers` is ignored. For
 * the browser test's "the pages work from `feeds/`" half.
 */
import { createServer, type Server } from 'node:http'
import { readFile } from 'node:fs/promises'
import { join, normalize } from 'node:path'

const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  xml: 'application/xml; charset=utf-8',
  json: 'application/json; charset=utf-8',
  opml: 'text/x-opml; charset=utf-8',
  png: 'image/png',
}

/** Serves `root` on `port` at 127.0.0.1. */
export function serveStatic(root: string, port: number): Promise<Server> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)
    const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path))
    if (!file.startsWith(root)) return void res.writeHead(403).end()
    readFile(file).then(
      (body) => res.writeHead(200, { 'Content-Type': TYPES[file.split('.').pop()!] ?? 'application/octet-stream' }).end(body),
      () => res.writeHead(404).end('not found'),
    )
  })
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)))
}

/** A port that was free a moment ago (the base URL must be known before the server starts). */
export function freePort(): Promise<number> {
  const probe = createServer()
  return new Promise((resolve) =>
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number }
      probe.close(() => resolve(port))
    }),
  )
}
