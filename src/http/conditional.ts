/**
 * Conditional GET (RFC 9110 §13.1): If-None-Match takes precedence; If-Modified-Since is
 * evaluated only when there is no If-None-Match. ETags compare weakly, since a proxy's
 * compression may have weakened them (W/"…").
 */
import type { Document } from '../documents/document.js'

export function isNotModified(doc: Document, headers: Headers): boolean {
  const inm = headers.get('if-none-match')
  if (inm !== null) return matchesAny(doc, inm)
  const ims = headers.get('if-modified-since')
  if (ims !== null && doc.lastModifiedMs !== undefined) {
    const since = Date.parse(ims)
    // HTTP dates have whole seconds: compare at that precision.
    return !Number.isNaN(since) && Math.floor(doc.lastModifiedMs / 1000) <= Math.floor(since / 1000)
  }
  return false
}

function matchesAny(doc: Document, header: string): boolean {
  if (header.trim() === '*') return true
  for (const m of header.matchAll(/(?:W\/)?"([^"]*)"/g)) {
    if (doc.matchesTag(m[1]!)) return true
  }
  return false
}
