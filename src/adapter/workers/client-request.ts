/**
 * What workerd changes between the client and the Worker, undone at the edges of the app.
 *
 * - Accept-Encoding: the Worker always sees `br, gzip` (Cloudflare's edge, and workerd locally,
 *   replace the header with what they can decode), whatever the client sent. The client's own
 *   value is in `request.cf.clientAcceptEncoding` (`""` when it sent none; measured in workerd
 *   through wrangler 4.164's dev server), so the app negotiates on that, as the Node server does
 *   on the header. Without it (a runtime that does not set it) the header stays as it came.
 * - Response bodies: workerd compresses a body itself by the client's header unless the Response
 *   says its body is encoded already (`encodeBody: 'manual'`); the app sends the prebuilt
 *   `.gz`/`.br` bytes with their Content-Encoding, so every answer goes out as it is. Without
 *   it a gzip client got gzip around brotli (issue 13). An identity answer is sent as it is too,
 *   so its strong ETag stays the ETag of the bytes sent.
 *
 * @see https://developers.cloudflare.com/workers/runtime-apis/request/#incomingrequestcfproperties
 * @see https://developers.cloudflare.com/workers/runtime-apis/response/ (encodeBody)
 */

/** The request with the client's Accept-Encoding, when the runtime kept it aside. */
export function clientRequest(request: Request): Request {
  const client = (request as Request & { cf?: { clientAcceptEncoding?: unknown } }).cf?.clientAcceptEncoding
  if (typeof client !== 'string' || client === request.headers.get('accept-encoding')) return request
  const headers = new Headers(request.headers)
  if (client === '') headers.delete('accept-encoding')
  else headers.set('accept-encoding', client)
  return new Request(request, { headers })
}

/**
 * The app's answer, marked as already encoded: workerd sends its bytes and headers as they are.
 * The body stream of a Response made from bytes keeps its length in workerd, so Content-Length
 * goes out as the app set it (measured; wrangler's dev proxy, not used here, rewrites HTML and
 * sends it chunked).
 */
export function asEncoded(res: Response): Response {
  // `encodeBody` is workerd's extension of ResponseInit (not in the DOM types).
  const init = { status: res.status, statusText: res.statusText, headers: res.headers, encodeBody: 'manual' }
  return new Response(res.body, init as ResponseInit)
}
