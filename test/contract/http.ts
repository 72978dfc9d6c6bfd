/**
 * One request with node:http: the status, headers and bytes exactly as they came over the wire,
 * nothing decoded (fetch would decode gzip/br and hide what the target sent), plus the decoder for
 * the Content-Encoding a target answered with.
 */
import { request, type IncomingHttpHeaders } from 'node:http'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'

export interface Wire {
  status: number
  headers: IncomingHttpHeaders
  body: Buffer
}

/** @param localAddress the client's source address (127.0.0.2 is another loopback client). */
export function wire(url: string, method = 'GET', headers: Record<string, string> = {}, localAddress?: string): Promise<Wire> {
  return new Promise((resolve, reject) => {
    // No keep-alive agent: a target stopped in afterAll must not find a pooled socket of ours.
    const req = request(url, { method, headers, agent: false, timeout: 10_000, ...(localAddress && { localAddress }) }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }))
      res.on('error', reject)
    })
    req.on('timeout', () => req.destroy(new Error(`timeout: ${method} ${url}`)))
    req.on('error', reject)
    req.end()
  })
}

/** The identity bytes of a body sent with `encoding` (undefined: sent as is). */
export function decoded(res: Wire): Buffer {
  const enc = res.headers['content-encoding']
  if (enc === undefined || enc === 'identity') return res.body
  if (enc === 'gzip') return gunzipSync(res.body)
  if (enc === 'br') return brotliDecompressSync(res.body)
  throw new Error(`unexpected Content-Encoding ${enc}`)
}
