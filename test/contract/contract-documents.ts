/** The contract's document checks: every kind's headers, HEAD, 404, 405 and the CORS preflight. */
import { expect, it } from 'vitest'
import type { ContractContext } from './contract.js'
import { PAGE_CSP } from '../../src/render/pages/csp.js'
import { EXPOSED_HEADERS, KINDS } from './kinds.js'

/** Registers these checks inside the target's contract suite (see contractSuite). */
export function documentChecks({ get, itIf, target, onTheFly, expectLength, expectHeadAsGet }: ContractContext): void {
  const caps = target.capabilities
  it('answers every kind of document 200 with its Content-Type (charset), Cache-Control, nosniff, CORS and Vary', async () => {
    for (const k of KINDS) {
      const res = await get(k.path)
      const h = res.headers
      expect(res.status, k.path).toBe(200)
      expect(h['content-type'], k.path).toBe(k.contentType)
      expect(h['cache-control'], k.path).toBe(k.cacheControl)
      expect(h['x-content-type-options'], k.path).toBe('nosniff')
      expect(h['content-encoding'], k.path).toBeUndefined()
      expectLength(k, res)
      // Strong, but weak where nginx decodes an archive's .gz while sending it (other bytes than the file's).
      expect(h.etag, k.path).toMatch(onTheFly(k, res) ? /^W\/"[^"]+"$/ : /^"[^"]+"$/)
      expect(h['access-control-allow-origin'], k.path).toBe(k.cors ? '*' : undefined)
      expect(h['access-control-expose-headers'], k.path).toBe(k.cors ? EXPOSED_HEADERS : undefined)
      // Every answer varies by Accept-Encoding, the icon's too: one URL can answer 404, 302 or 200 (issue 15 #10).
      expect(h.vary, k.path).toBe('Accept-Encoding')
      expect(h['content-security-policy'], k.path).toBe(k.page ? PAGE_CSP : undefined)
      if (k.dated) expect(Date.parse(h['last-modified']!), k.path).not.toBeNaN()
    }
  })


  it('answers HEAD with the GET headers, Content-Length included, and no body', async () => {
    for (const k of KINDS) await expectHeadAsGet(k, ['etag', 'last-modified', 'cache-control', 'content-type', 'content-encoding', 'vary', 'access-control-allow-origin'])
  })

  it('sends a scope page asked without its slash to the slash form (301), only when the page exists', async () => {
    for (const [path, to] of [['/topics/ai', '/topics/ai/'], ['/providers/wire-service', '/providers/wire-service/']]) {
      const res = await get(path!)
      expect(res.status, path).toBe(301)
      expect(new URL(res.headers.location!, 'http://host.invalid').pathname, path).toBe(to)
    }
    expect((await get('/topics/nope')).status).toBe(404)
  })

  it('answers 404 for an unknown topic, page, archive or path, for _headers, the site manifest and the .gz/.br files', async () => {
    for (const path of ['/topics/nope/rss.xml', '/rss/archive/99.xml', '/rss/page/3.xml', '/rss/page/1.xml', '/nope.txt', '/topics/', '/_headers', '/_feedstand.json', '/rss.xml.gz', '/rss.xml.br', '/topics/ai/atom/archive/1.xml.gz']) {
      const res = await get(path)
      expect(res.status, path).toBe(404)
      expect(res.headers['content-encoding'], path).toBeUndefined()
    }
  })

  itIf(caps.methodNotAllowed, 'answers 405 with Allow: GET, HEAD for other methods', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
      const res = await get('/rss.xml', {}, method)
      expect(res.status, method).toBe(405)
      expect(res.headers.allow, method).toBe('GET, HEAD')
    }
  })

  it('answers a CORS preflight: any origin may GET and send the validators', async () => {
    const res = await get('/rss.xml', { origin: 'https://reader.example', 'access-control-request-method': 'GET', 'access-control-request-headers': 'if-none-match' }, 'OPTIONS')
    expect(res.status).toBe(204)
    expect(res.headers['access-control-allow-origin']).toBe('*')
    expect(res.headers['access-control-allow-methods']).toMatch(/\bGET\b/)
    expect(res.headers['access-control-allow-headers']).toMatch(/If-None-Match/i)
  })
}
