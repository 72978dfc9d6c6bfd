/**
 * URL rules: everything we publish as a link is an absolute http(s) URL. Relative URLs and
 * other schemes (`javascript:`, `data:`, `file:`) are refused at the door.
 *
 * Credentials (`https://user:pass@host/`) are removed, with a `url-credentials` warning, and the
 * URL is kept without them: a password in a seed is a leak waiting to happen, never something
 * a reader needs (RFC 3986 §3.2.1 deprecates `user:password` in URIs), and the rest of the URL
 * still names the page. Problem messages never quote them either.
 */
import { describe } from './dates.js'

export type UrlResult = { ok: true; url: string; /** User name or password removed. */ credentials?: true } | { ok: false; reason: string }

export function httpUrl(value: unknown): UrlResult {
  if (typeof value !== 'string') return { ok: false, reason: `must be an absolute http(s) URL, not ${describe(value)}` }
  const s = value.trim()
  let url: URL
  try {
    url = new URL(s)
  } catch {
    return { ok: false, reason: `${JSON.stringify(withoutUserinfo(s)).slice(0, 200)} is not an absolute URL` }
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, reason: `${JSON.stringify(url.protocol)} URLs are not allowed, only http and https` }
  }
  if (!url.hostname) return { ok: false, reason: `${JSON.stringify(withoutUserinfo(s))} has no host` }
  if (url.username === '' && url.password === '') return { ok: true, url: rfc3986(url) }
  url.username = ''
  url.password = ''
  return { ok: true, url: rfc3986(url), credentials: true }
}

/** The `url-credentials` warning for a URL whose user name or password was removed. */
export function warnCredentials(field: string, r: UrlResult, p: { warn(field: string, code: string, message: string): void }): void {
  if (r.ok && r.credentials) p.warn(field, 'url-credentials', `${field} had a user name or password (user:pass@); removed, the URL is kept without them`)
}

/** `scheme://user:pass@host…` → `scheme://…@host…`, for messages about URLs that did not parse. */
function withoutUserinfo(s: string): string {
  return s.replace(/^([^:/?#]*:\/\/)[^/?#]*@/, '$1…@')
}

/** What RFC 3986 allows unescaped after the authority (pchar, `/`, `?`), and `%` only before two hex digits. */
const NOT_URI_CHAR = /%(?![0-9A-Fa-f]{2})|[^A-Za-z0-9\-._~!$&'()*+,;=:@/?%]/g
/** NOT_URI_CHAR without the global flag, to test for one (a global regex's test keeps state). */
const NOT_URI_CHAR_ONE = new RegExp(NOT_URI_CHAR.source)

/**
 * The WHATWG serialization, with what it leaves unescaped but RFC 3986 forbids (`[ ] | ^ { }`,
 * a stray `%`, a second `#`) percent-encoded: feeds put these URLs in `<link>`, Atom `href` and
 * JSON Feed `url`, which readers and validators parse as RFC 3986 URIs.
 */
function rfc3986(url: URL): string {
  const { href, pathname, search, hash } = url
  const tail = pathname + search + hash
  // Nearly every URL has nothing to escape: then each part below comes back as it is, and so does
  // href. Not when href does not end with the parts: an empty `?` or `#` is in href but in neither
  // search nor hash, and the cut below then takes it for part of the head (`https://h/?#` becomes
  // `https://h/?/`); that answer is kept as it was until it is fixed on its own.
  if (href.endsWith(tail) && !NOT_URI_CHAR_ONE.test(pathname + search + hash.slice(1))) return href
  const head = href.slice(0, href.length - tail.length)
  const enc = (part: string) => part.replace(NOT_URI_CHAR, (c) => (c === '%' ? '%25' : encodeURIComponent(c)))
  return head + enc(pathname + search) + (hash ? '#' + enc(hash.slice(1)).replace(/#/g, '%23') : '')
}

const HOSTNAME = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,62}$/i

/**
 * `siliconangle.com` → `https://siliconangle.com/`; anything that is not a plain host name →
 * undefined. `user:pass@siliconangle.com` is the host with credentials: they are removed
 * (`credentials`), as in every other URL.
 */
export function domainUrl(domain: unknown): { url: string; credentials?: true } | undefined {
  if (typeof domain !== 'string') return undefined
  let d = domain.trim().toLowerCase()
  const at = d.lastIndexOf('@')
  if (at >= 0) d = d.slice(at + 1)
  if (!HOSTNAME.test(d)) return undefined
  return at >= 0 ? { url: `https://${d}/`, credentials: true } : { url: `https://${d}/` }
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
