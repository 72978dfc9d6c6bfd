/**
 * Conditional GET (RFC 9110 §13.1, §13.2.2): If-None-Match takes precedence; If-Modified-Since
 * is evaluated only when there is no If-None-Match. ETags compare weakly (§8.8.3.2), as
 * If-None-Match requires, so a tag a proxy weakened (W/"…") still matches.
 */
import type { Document } from '../documents/document.js'

/**
 * Whether a GET/HEAD for `doc` with these request headers is answered 304.
 * `*` matches since the document exists; any representation's tag matches, so a client gets its
 * 304 whichever encoding it asks for now.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9110#section-13.2.2
 */
export function isNotModified(doc: Document, headers: Headers): boolean {
  const inm = headers.get('if-none-match')
  if (inm !== null) return matchesAny(doc, inm)
  const ims = headers.get('if-modified-since')
  if (ims === null || doc.lastModifiedMs === undefined) return false
  const since = parseHttpDate(ims)
  // HTTP dates have whole seconds: compare at that precision.
  return since !== undefined && Math.floor(doc.lastModifiedMs / 1000) <= Math.floor(since / 1000)
}

function matchesAny(doc: Document, header: string): boolean {
  if (header.trim() === '*') return true
  for (const m of header.matchAll(/(?:W\/)?"([^"]*)"/g)) {
    if (doc.matchesTag(m[1]!)) return true
  }
  return false
}

/**
 * An HTTP-date, or undefined. §13.1.3: a value that is not a valid date, or that has more than
 * one member (a list), is ignored. IMF-fixdate and rfc850-date hold one comma, asctime none.
 */
function parseHttpDate(value: string): number | undefined {
  if ((value.match(/,/g)?.length ?? 0) > 1) return undefined
  const ms = Date.parse(value)
  return Number.isNaN(ms) ? undefined : ms
}
