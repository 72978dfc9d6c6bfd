/**
 * URL rules: everything we publish as a link is an absolute http(s) URL. Relative URLs and
 * other schemes (`javascript:`, `data:`, `file:`) are refused at the door.
 */
import { describe } from './dates.js'

export type UrlResult = { ok: true; url: string } | { ok: false; reason: string }

export function httpUrl(value: unknown): UrlResult {
  if (typeof value !== 'string') return { ok: false, reason: `must be an absolute http(s) URL, not ${describe(value)}` }
  const s = value.trim()
  let url: URL
  try {
    url = new URL(s)
  } catch {
    return { ok: false, reason: `${JSON.stringify(s).slice(0, 200)} is not an absolute URL` }
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, reason: `${JSON.stringify(url.protocol)} URLs are not allowed, only http and https` }
  }
  if (!url.hostname) return { ok: false, reason: `${JSON.stringify(s)} has no host` }
  return { ok: true, url: rfc3986(url) }
}

/** What RFC 3986 allows unescaped after the authority (pchar, `/`, `?`), and `%` only before two hex digits. */
const NOT_URI_CHAR = /%(?![0-9A-Fa-f]{2})|[^A-Za-z0-9\-._~!$&'()*+,;=:@/?%]/g

/**
 * The WHATWG serialization, with what it leaves unescaped but RFC 3986 forbids (`[ ] | ^ { }`,
 * a stray `%`, a second `#`) percent-encoded: feeds put these URLs in `<link>`, Atom `href` and
 * JSON Feed `url`, which readers and validators parse as RFC 3986 URIs.
 */
function rfc3986(url: URL): string {
  const tail = url.pathname + url.search + url.hash
  const head = url.href.slice(0, url.href.length - tail.length)
  const enc = (part: string) => part.replace(NOT_URI_CHAR, (c) => (c === '%' ? '%25' : encodeURIComponent(c)))
  return head + enc(url.pathname + url.search) + (url.hash ? '#' + enc(url.hash.slice(1)).replace(/#/g, '%23') : '')
}

const HOSTNAME = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,62}$/i

/** `siliconangle.com` → `https://siliconangle.com/`; anything that is not a plain host name → undefined. */
export function domainUrl(domain: unknown): string | undefined {
  if (typeof domain !== 'string') return undefined
  const d = domain.trim().toLowerCase()
  return HOSTNAME.test(d) ? `https://${d}/` : undefined
}

const IMAGE_TYPES: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
  svg: 'image/svg+xml',
}

/** MIME type from the URL path's extension, when it is a known image type. */
export function imageType(url: string): string | undefined {
  const ext = /\.([a-z0-9]+)$/i.exec(new URL(url).pathname)?.[1]?.toLowerCase()
  return ext ? IMAGE_TYPES[ext] : undefined
}
