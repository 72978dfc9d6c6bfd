/**
 * Accept-Encoding negotiation (RFC 9110 §12.5.3) with q-values. Among encodings the client
 * accepts with the same weight, the smaller one wins: br, then gzip, then identity.
 */
import type { Encoding } from '../documents/document.js'

const PREFERENCE: readonly (Encoding | 'identity')[] = ['br', 'gzip', 'identity']

/** The encodings to try, best first; `identity` is last unless the client refused it. */
export function acceptedEncodings(header: string | null | undefined): (Encoding | 'identity')[] {
  if (!header) return ['identity']
  const q = new Map<string, number>()
  for (const part of header.split(',')) {
    const [rawName, ...params] = part.trim().split(';')
    const name = rawName!.trim().toLowerCase()
    if (!name) continue
    let weight = 1
    for (const p of params) {
      const m = /^\s*q\s*=\s*([0-9.]+)\s*$/i.exec(p)
      if (m) weight = Math.min(1, Number(m[1]) || 0)
    }
    q.set(name === 'x-gzip' ? 'gzip' : name, weight)
  }
  const star = q.get('*')
  const weightOf = (e: string) => q.get(e) ?? (e === 'identity' ? (star === 0 ? 0 : 0.001) : (star ?? 0))
  return PREFERENCE.filter((e) => weightOf(e) > 0).sort((a, b) => weightOf(b) - weightOf(a))
}
