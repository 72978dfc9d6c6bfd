/** node:crypto behind the Digest port: native SHA-256, base64url (the encoding ETags have always used). */
import { createHash } from 'node:crypto'
import type { Digest } from '../documents/document.js'

/** SHA-256 of the bytes, base64url without padding. */
export const nodeDigest: Digest = (bytes) => createHash('sha256').update(bytes).digest('base64url')
