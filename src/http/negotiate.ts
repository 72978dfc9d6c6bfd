/**
 * Accept-Encoding negotiation (RFC 9110 §12.5.3) with q-values. Among encodings the client
 * accepts with the same weight, the smaller one wins: br, then gzip, then identity.
 */
import type { Encoding } from '../documents/document.js'

const PREFERENCE: readonly (Encoding | 'identity')[] = ['br', 'gzip', 'identity']

/**
 * The encodings to try, best first, leaving out those the client refused (q=0).
 *
 * - No header or an empty one: identity only (§12.5.3: an empty value means "no coding, please").
 * - `*` stands for every coding the header does not name, identity included.
 * - identity is acceptable unless refused by `identity;q=0`, or by `*;q=0` without an identity
 *   entry; when named by neither, it ranks last.
 *
 * When nothing offered is acceptable the caller still sends identity: RFC 9110 lets a server
 * disregard the field (§12.1), which beats a 406 for a feed reader with an odd header.
 *
 * @example acceptedEncodings('gzip;q=0.8, br;q=0.5') // ['gzip', 'br', 'identity']
 * @see https://www.rfc-editor.org/rfc/rfc9110#section-12.5.3
 */
export function acceptedEncodings(header: string | null | undefined): readonly (Encoding | 'identity')[] {
  if (!header) return IDENTITY_ONLY
  // Clients send few distinct values, and every request asks: parse each once (bounded).
  let hit = seen.get(header)
  if (!hit) {
    if (seen.size >= SEEN_MAX) seen.clear()
    seen.set(header, (hit = Object.freeze(parse(header))))
  }
  return hit
}

const IDENTITY_ONLY = Object.freeze(['identity'] as const)
const SEEN_MAX = 256
const seen = new Map<string, readonly (Encoding | 'identity')[]>()

function parse(header: string): (Encoding | 'identity')[] {
  if (!header.trim()) return ['identity']
  const q = new Map<string, number>()
  for (const part of header.split(',')) {
    const [rawName, ...params] = part.trim().split(';')
    const name = rawName!.trim().toLowerCase()
    if (!name) continue
    let weight = 1
    for (const p of params) {
      const [k, v] = p.split('=').map((s) => s.trim())
      if (k?.toLowerCase() !== 'q' || v === undefined) continue
      // qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] ); anything else is ignored.
      if (/^(0(\.\d{0,3})?|1(\.0{0,3})?)$/.test(v)) weight = Number(v)
    }
    q.set(name === 'x-gzip' ? 'gzip' : name, weight)
  }
  const star = q.get('*')
  const weightOf = (e: string) => q.get(e) ?? star ?? (e === 'identity' ? 0.0005 : 0)
  return PREFERENCE.filter((e) => weightOf(e) > 0).sort((a, b) => weightOf(b) - weightOf(a))
}
