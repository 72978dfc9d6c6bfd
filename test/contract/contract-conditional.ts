/** The contract's conditional requests (RFC 9110 §13): If-None-Match and If-Modified-Since. */
import { expect, it } from 'vitest'
import type { ContractContext } from './contract.js'
import { CORPUS } from './fixture.js'
import { KINDS } from './kinds.js'

/** Registers these checks inside the target's contract suite (see contractSuite). */
export function conditionalChecks({ get, itIf, target, onTheFly }: ContractContext): void {
  const caps = target.capabilities
  it('answers 304 on If-None-Match: the tag, a list holding it, its weak form, and *; 200 on other tags', async () => {
    for (const k of KINDS) {
      const first = await get(k.path)
      const etag = first.headers.etag!
      const opaque = etag.replace(/^W\//, '')
      for (const inm of [etag, `"nope", ${etag}`, `W/${opaque}`, `W/"nope",W/${opaque}`, '*']) {
        const res = await get(k.path, { 'if-none-match': inm })
        expect(res.status, `${k.path} If-None-Match: ${inm}`).toBe(304)
        expect(res.body.byteLength).toBe(0)
        // nginx's not_modified filter answers before gunzip would weaken the tag: its 304 carries
        // the .gz file's strong tag, the one a gzip client holds for the same file.
        expect(res.headers.etag).toBe(onTheFly(k, first) ? opaque : etag)
        expect(res.headers['cache-control'], k.path).toBe(k.cacheControl)
      }
      expect((await get(k.path, { 'if-none-match': '"nope", W/"other"' })).status, k.path).toBe(200)
    }
  })

  it('answers 304 on If-Modified-Since at or after Last-Modified, 200 before it, and lets If-None-Match win', async () => {
    for (const k of KINDS.filter((k) => k.dated)) {
      const lastModified = (await get(k.path)).headers['last-modified']!
      const ms = Date.parse(lastModified)
      const at = (d: number) => new Date(d).toUTCString()
      for (const ims of [lastModified, at(ms + 86_400_000)]) {
        const res = await get(k.path, { 'if-modified-since': ims })
        expect(res.status, `${k.path} If-Modified-Since: ${ims}`).toBe(304)
        expect(res.headers['last-modified']).toBe(lastModified)
      }
      expect((await get(k.path, { 'if-modified-since': at(ms - 1000) })).status, k.path).toBe(200)
      // RFC 9110 §13.2.2: with If-None-Match present, If-Modified-Since is not the one that decides.
      expect((await get(k.path, { 'if-none-match': '"nope"', 'if-modified-since': lastModified })).status, k.path).toBe(200)
    }
  })

  itIf(caps.ifNoneMatchWins, 'answers 304 on a matching If-None-Match even with an older If-Modified-Since', async () => {
    for (const k of KINDS.filter((k) => k.dated)) {
      const first = await get(k.path)
      const older = new Date(Date.parse(first.headers['last-modified']!) - 86_400_000).toUTCString()
      expect((await get(k.path, { 'if-none-match': first.headers.etag!, 'if-modified-since': older })).status, k.path).toBe(304)
    }
  })

  itIf(caps.itemLastModified, 'sends the newest item\'s date as Last-Modified', async () => {
    const res = await get('/rss.xml')
    expect(res.headers['last-modified']).toBe(new Date(CORPUS.newestMs).toUTCString())
  })
}
