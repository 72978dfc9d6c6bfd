/** The contract's paging checks (RFC 5005): the walk from each head, `?page=N`, `?limit=N`, archives. */
import { expect, it } from 'vitest'
import type { Format } from '../../src/paths.js'
import { readFeed } from '../paging/feed-links.js'
import type { ContractContext } from './contract.js'
import { CORPUS } from './fixture.js'
import type { Wire } from './http.js'
import { KINDS, REVALIDATING } from './kinds.js'

/** Registers these checks inside the target's contract suite (see contractSuite). */
export function pagingChecks({ get, itIf, local, target }: ContractContext): void {
  const caps = target.capabilities
  const formats: Format[] = ['rss', 'atom', 'json']
  const head = (scope: string, f: Format) => `${scope}/${f === 'json' ? 'feed.json' : `${f}.xml`}`

  /** The documents of the walk from the head, following `next`, with their items. */
  async function walk(scope: string, f: Format): Promise<{ path: string; ids: string[] }[]> {
    const docs: { path: string; ids: string[] }[] = []
    let path: string | undefined = head(scope, f)
    while (path !== undefined && docs.length < 20) {
      const res = await get(path)
      expect(res.status, path).toBe(200)
      const view = readFeed(f, res.body.toString('utf8'))
      docs.push({ path, ids: view.ids })
      path = view.links.next === undefined ? undefined : local(view.links.next)
    }
    return docs
  }

  it('following next from each head through the bridge and the archives gives every item once, in order', async () => {
    for (const [scope, ids] of Object.entries(CORPUS.scopes)) {
      for (const f of formats) {
        const docs = await walk(scope, f)
        expect(docs.length, `${scope} ${f}`).toBeGreaterThan(1)
        expect(docs.flatMap((d) => d.ids), `${scope} ${f}`).toEqual(ids)
      }
    }
  })

  itIf(caps.pageQuery, '?page=N answers 302 to the walk\'s Nth document; past the walk 404; page=1 is the head', async () => {
    for (const scope of Object.keys(CORPUS.scopes)) {
      for (const f of formats) {
        const docs = await walk(scope, f)
        for (let n = 2; n <= docs.length; n++) {
          const res = await get(`${head(scope, f)}?page=${n}`)
          expect(res.status, `${scope} ${f} page ${n}`).toBe(302)
          expect(local(res.headers.location!)).toBe(docs[n - 1]!.path)
          expect(res.headers['cache-control']).toBe(REVALIDATING)
        }
        expect((await get(`${head(scope, f)}?page=${docs.length + 1}`)).status).toBe(404)
        const first = await get(`${head(scope, f)}?page=1`)
        expect(first.status).toBe(200)
        expect(readFeed(f, first.body.toString('utf8')).ids).toEqual(docs[0]!.ids)
      }
    }
  })

  itIf(caps.limitQuery, '?limit=N answers the newest N items', async () => {
    const res = await get('/atom.xml?limit=2')
    expect(res.status).toBe(200)
    expect(readFeed('atom', res.body.toString('utf8')).ids).toEqual(CORPUS.scopes['']!.slice(0, 2))
  })

  it('archives are byte-stable and immutable: the same bytes and ETag on every request, in every encoding', async () => {
    for (const k of KINDS.filter((k) => k.path.includes('/archive/'))) {
      for (const accept of ['identity', 'gzip']) {
        const a: Wire = await get(k.path, { 'accept-encoding': accept })
        const b: Wire = await get(k.path, { 'accept-encoding': accept })
        expect(a.body.equals(b.body), k.path).toBe(true)
        expect(a.headers.etag).toBe(b.headers.etag)
        expect(a.headers['cache-control']).toMatch(/\bimmutable\b/)
      }
      const f: Format = k.path.endsWith('.json') ? 'json' : k.path.includes('/atom/') ? 'atom' : 'rss'
      expect(readFeed(f, (await get(k.path)).body.toString('utf8')).archive, k.path).toBe(true)
    }
  })
}
