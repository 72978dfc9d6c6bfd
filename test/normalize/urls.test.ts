/** URL rules: absolute http(s) only, and written as RFC 3986 URIs (what feed readers and validators parse). */
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
