/**
 * The app's own plain-text answers (/healthz, 400, 404) and its redirects, with the headers every
 * answer of the app carries. Bodies are bytes with their length stated, so a HEAD answer keeps
 * the Content-Length its GET would send (RFC 9110 §9.3.2: the server SHOULD send the same header
 * fields in response to HEAD as to GET); Hono drops the body of a HEAD, not the headers.
 */

/**
 * Every answer says it varies by Accept-Encoding, whatever its status or type: the server reads
 * Accept-Encoding for every document it answers, and a path answers 404 before its topic has an
 * article, 302 for `?page=N`, 200 after, so a cache keying one URL's responses (RFC 9111 §4.1)
 * sees one secondary key for all of them; and nosniff everywhere, so no answer is content-sniffed
 * into another type (a 404 echoing its path must stay text).
 */
export const COMMON_HEADERS: Readonly<Record<string, string>> = {
  Vary: 'Accept-Encoding',
  'X-Content-Type-Options': 'nosniff',
}

/** Errors are readable cross-origin too, so a web-based reader sees "404", not a CORS failure. */
export const ERROR_HEADERS: Readonly<Record<string, string>> = { ...COMMON_HEADERS, 'Access-Control-Allow-Origin': '*' }

const TEXT = 'text/plain; charset=UTF-8'
const encoder = new TextEncoder()

/** A prepared text answer: encoded once, answered any number of times. */
export interface TextAnswer {
  body: Uint8Array
  headers: Readonly<Record<string, string>>
}

/** Encodes `text` and states its type and length beside `headers`. */
export function textAnswer(text: string, headers: Readonly<Record<string, string>>): TextAnswer {
  const body = encoder.encode(text)
  return { body, headers: { ...headers, 'Content-Type': TEXT, 'Content-Length': String(body.byteLength) } }
}

export function answer(status: number, a: TextAnswer): Response {
  return new Response(a.body as Uint8Array<ArrayBuffer>, { status, headers: a.headers })
}
