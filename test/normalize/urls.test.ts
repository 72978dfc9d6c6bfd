/** URL rules: absolute http(s) only, and written as RFC 3986 URIs (what feed readers and validators parse). */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { httpUrl } from '../../src/normalize/urls.js'

describe('httpUrl', () => {
  it.each([
    ['/relative', /is not an absolute URL/],
    ['../up', /is not an absolute URL/],
    ['//evil.example/x', /is not an absolute URL/],
    ['javascript:alert(1)', /"javascript:" URLs are not allowed/],
    ['  JaVaScRiPt:alert(1)', /"javascript:" URLs are not allowed/],
    ['java\tscript:alert(1)', /"javascript:" URLs are not allowed/],
    ['data:text/html,<script>alert(1)</script>', /"data:" URLs are not allowed/],
    ['vbscript:msgbox(1)', /"vbscript:" URLs are not allowed/],
    ['file:///etc/passwd', /"file:" URLs are not allowed/],
    ['https://', /is not an absolute URL/],
  ])('refuses %j', (value, reason) => {
    const r = httpUrl(value)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.reason).toMatch(reason)
  })

  it('refuses what is not text, naming it', () => {
    expect(httpUrl(['https://example.com/'])).toEqual({ ok: false, reason: 'must be an absolute http(s) URL, not a list' })
  })

  it.each([
    ['https://example.com/[', 'https://example.com/%5B'],
    ['https://example.com/a|b^c{d}e`f?q=[1]#x#y', 'https://example.com/a%7Cb%5Ec%7Bd%7De%60f?q=%5B1%5D#x%23y'],
    ['https://example.com/100%zz', 'https://example.com/100%25zz'],
    ['https://example.com/caf%C3%A9?x=é', 'https://example.com/caf%C3%A9?x=%C3%A9'],
    ['HTTPS://Example.COM:443/a b', 'https://example.com/a%20b'],
    ['https://bücher.example/', 'https://xn--bcher-kva.example/'],
  ])('writes %j as an RFC 3986 URI', (value, href) => {
    expect(httpUrl(value)).toEqual({ ok: true, url: href })
  })
})

describe('credentials in URLs (issue 15, finding 10)', () => {
  it.each([
    ['https://user:pass@example.com/a', 'https://example.com/a'],
    ['http://user@example.com:8080/a?b#c', 'http://example.com:8080/a?b#c'],
    ['https://:pass@example.com/', 'https://example.com/'],
    ['https://us%40er:p%3Ass@example.com/', 'https://example.com/'],
  ])('removes them from %j and says so', (value, url) => {
    expect(httpUrl(value)).toEqual({ ok: true, url, credentials: true })
  })

  it('never quotes them in a reason', () => {
    const r = httpUrl('https://user:hunter2@')
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.reason).not.toContain('hunter2')
  })
})

describe('a seed with credentials in every URL field', () => {
  it('publishes every URL without them, a url-credentials warning each, and no password anywhere', async () => {
    const { readFile } = await import('node:fs/promises')
    const { siteOf, documentsOf } = await import('../properties/site-of.js')
    const text = await readFile(new URL('../fixtures/bad/url-credentials.md', import.meta.url), 'utf8')
    const { site, outcomes } = siteOf([{ file: 'c.md', text }], Date.UTC(2026, 0, 1))
    const a = outcomes[0]!.article!
    expect([a.webUrl, a.originalUrl, a.images[0]?.url, a.related[0]?.url, a.provider?.url]).toEqual([
      'https://example.com/credentials', 'http://example.org/credentials', 'https://example.com/lead.jpg', 'https://example.net/other', 'https://example.com/',
    ])
    expect(outcomes[0]!.problems.map((p) => `${p.code} ${p.field}`)).toEqual([
      'url-credentials webUrl', 'url-credentials originalUrl', 'url-credentials provider.domain', 'url-credentials images[0].url', 'url-credentials related[0].webUrl',
    ])
    expect(JSON.stringify(outcomes)).not.toContain('hunter2')
    let documents = 0
    for (const doc of documentsOf(site)) {
      expect(Buffer.from(doc.body).includes('hunter2'), doc.file).toBe(false)
      documents++
    }
    expect(documents).toBeGreaterThan(5)
  })
})

describe('the RFC 3986 escape, with or without the early answer (issue 11)', () => {
  const NOT_URI_CHAR = /%(?![0-9A-Fa-f]{2})|[^A-Za-z0-9\-._~!$&'()*+,;=:@/?%]/g
  /** The WHATWG serialization with every part escaped, always (what urls.ts did for every URL). */
  function escaped(s: string): string {
    const url = new URL(s)
    const tail = url.pathname + url.search + url.hash
    const head = url.href.slice(0, url.href.length - tail.length)
    const enc = (part: string) => part.replace(NOT_URI_CHAR, (c) => (c === '%' ? '%25' : encodeURIComponent(c)))
    return head + enc(url.pathname + url.search) + (url.hash ? '#' + enc(url.hash.slice(1)).replace(/#/g, '%23') : '')
  }
  const part = fc.array(fc.constantFrom('a', 'Z', '0', '/', '.', '-', '~', '[', ']', '|', '^', '{', '}', '%', '%41', '%zz', '#', '?', '&', '=', ' ', '"', '<', '`', 'é', '中', '\\'), { maxLength: 10 }).map((xs) => xs.join(''))

  it('gives what escaping every part gives, for any path, query and fragment', () => {
    fc.assert(fc.property(part, part, part, (path, query, fragment) => {
      const s = `https://example.com/${path}?${query}#${fragment}`
      expect(httpUrl(s)).toEqual({ ok: true, url: escaped(s) })
    }), { numRuns: 10000 })
  })
})
