/**
 * The one digest helper: every hash Feedstand computes on Node is SHA-256 through here, in one of
 * two encodings (hex for keys and file names, base64url where it is sent or stored compactly), and
 * the Digest port the core's Documents take is this same function.
 */
import { createHash } from 'node:crypto'
import type { Digest } from '../documents/document.js'

export type DigestEncoding = 'hex' | 'base64url'

/** SHA-256 of `data` (or of its parts, in order, as one stream). */
export function sha256(data: string | Uint8Array | readonly (string | Uint8Array)[], encoding: DigestEncoding = 'hex'): string {
  const h = createHash('sha256')
  if (typeof data === 'string' || data instanceof Uint8Array) h.update(data)
  else for (const part of data) h.update(part)
  return h.digest(encoding)
}

/** The Digest port on Node: SHA-256 of the bytes, base64url without padding (the encoding ETags have always used). */
export const nodeDigest: Digest = (bytes) => sha256(bytes, 'base64url')
