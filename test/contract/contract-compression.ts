/** The contract's compression checks: Accept-Encoding q-values, and decoded bodies equal to the identity body. */
import { expect, it } from 'vitest'
import type { Capability, ContractContext } from './contract.js'
import { decoded } from './http.js'
import { COMPRESSIBLE } from './kinds.js'

/** Registers these checks inside the target's contract suite (see contractSuite). */
export function compressionChecks({ get, itIf, target, brotliOf, reencoded, expectLength }: ContractContext): void {
  const caps = target.capabilities
  /**
   * Accept-Encoding → the Content-Encoding the target must choose (undefined: identity), and the
   * one for a document it has no brotli of (archives of a `gzip`/`gzip-only` tree).
   */
  const cases: [string, string | undefined, Capability, (string | undefined)?][] = [
    ['gzip', 'gzip', true],
    ['identity', undefined, true],
    ['', undefined, true],
    ['gzip;q=0', undefined, true],
    ['gzip;q=0, br;q=0', undefined, true],
    ['deflate', undefined, true],
    ['br;q=0, gzip', 'gzip', true],
    ['br', 'br', caps.brotli, undefined],
    ['gzip;q=0.5, br;q=1', 'br', caps.brotli, 'gzip'],
  ]
  for (const [accept, wanted, cap, withoutBrotli] of cases) {
    itIf(cap, `Accept-Encoding: "${accept}" → ${wanted ?? 'identity'}, decoding to the identity bytes`, async () => {
      for (const k of COMPRESSIBLE) {
        const br = brotliOf(k)
        const expected = wanted === 'br' && br !== 'stored' ? withoutBrotli : wanted
        const plain = await get(k.path)
        const res = await get(k.path, { 'accept-encoding': accept })
        expect(res.status, k.path).toBe(200)
        expect(br === 'edge' && wanted === 'br' ? [expected, 'br'] : [expected], k.path).toContain(res.headers['content-encoding'])
        expect(res.headers.vary, k.path).toBe('Accept-Encoding')
        expect(res.headers['content-type'], k.path).toBe(k.contentType)
        expectLength(k, res)
        expect(decoded(res).equals(plain.body), k.path).toBe(true)
        // Another representation, other bytes: another strong tag (RFC 9110 §8.8.3).
        if (res.headers['content-encoding'] && !reencoded(k, res)) expect(res.headers.etag, k.path).not.toBe(plain.headers.etag)
      }
    })
  }

  it('sends gzip to a client behind a proxy or CDN too (a Via header)', async () => {
    for (const k of COMPRESSIBLE) {
      const res = await get(k.path, { 'accept-encoding': 'gzip', via: '1.1 cdn.example' })
      expect(res.headers['content-encoding'], k.path).toBe('gzip')
      expect(res.headers.vary, k.path).toBe('Accept-Encoding')
    }
  })

  it('answers a compressed representation 304 on its own tag', async () => {
    for (const k of COMPRESSIBLE) {
      const first = await get(k.path, { 'accept-encoding': 'gzip' })
      const again = await get(k.path, { 'accept-encoding': 'gzip', 'if-none-match': first.headers.etag! })
      expect(again.status, k.path).toBe(304)
    }
  })

  it('any other Accept-Encoding gets an acceptable coding that decodes to the identity bytes', async () => {
    // Which of the acceptable codings is a target's choice (nginx takes gzip whenever its q > 0).
    const all = ['br', 'gzip', 'identity']
    const cases: [string, string[]][] = [
      ['*', all],
      ['gzip, deflate, br', all],
      ['br;q=0.1, gzip;q=0.9', all],
      ['gzip;q=0.2, identity;q=0.5', ['gzip', 'identity']],
      ['identity;q=1, *;q=0', ['identity']],
      ['GZIP', ['gzip', 'identity']],
      ['x-gzip', ['gzip', 'identity']],
    ]
    for (const k of COMPRESSIBLE) {
      const plain = await get(k.path)
      for (const [accept, acceptable] of cases) {
        const res = await get(k.path, { 'accept-encoding': accept })
        expect(res.status).toBe(200)
        expect(acceptable, `${k.path} ${accept}`).toContain(res.headers['content-encoding'] ?? 'identity')
        expect(decoded(res).equals(plain.body), `${k.path} ${accept}`).toBe(true)
      }
    }
  })
}
