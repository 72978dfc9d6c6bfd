/**
 * The contract's archive checks: every client gets every full archive, as the bytes the Node
 * server renders, whatever the target's tree stores for it (`--archive-encodings`: with
 * `gzip-only` the tree has the `.gz` alone, which nginx and the Worker must decode for a client
 * without gzip). The reference bytes are the archive files of a default build of the corpus.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { SeedDir } from '../http/fixture.js'
import type { ContractContext } from './contract.js'
import { builtCorpus } from './fixture.js'
import { decoded } from './http.js'
import { ARCHIVES } from './kinds.js'

/** Registers these checks inside the target's contract suite (see contractSuite). */
export function archiveChecks({ get, brotliOf, onTheFly, expectLength, expectHeadAsGet }: ContractContext): void {
  let seeds: SeedDir
  const reference = new Map<string, Buffer>()
  beforeAll(async () => {
    const built = await builtCorpus('all')
    seeds = built.seeds
    for (const k of ARCHIVES) reference.set(k.path, await readFile(join(built.root, ...k.path.split('/').map(decodeURIComponent))))
  })
  afterAll(() => seeds?.cleanup())

  it('identity clients (no header, identity, gzip;q=0) get the server\'s bytes as they are', async () => {
    for (const k of ARCHIVES) {
      for (const headers of [{} as Record<string, string>, { 'accept-encoding': 'identity' }, { 'accept-encoding': 'gzip;q=0, br;q=0' }]) {
        const res = await get(k.path, headers)
        expect(res.status, k.path).toBe(200)
        expect(res.headers['content-encoding'], k.path).toBeUndefined()
        expect(res.headers['content-type'], k.path).toBe(k.contentType)
        expect(res.headers['cache-control'], k.path).toBe(k.cacheControl)
        expectLength(k, res)
        expect(res.body.equals(reference.get(k.path)!), k.path).toBe(true)
      }
    }
  })

  it('gzip clients get gzip that decodes to the server\'s bytes; br-only clients get br or identity', async () => {
    for (const k of ARCHIVES) {
      const gz = await get(k.path, { 'accept-encoding': 'gzip' })
      expect(gz.headers['content-encoding'], k.path).toBe('gzip')
      expect(Number(gz.headers['content-length']), k.path).toBe(gz.body.byteLength)
      expect(gunzipSync(gz.body).equals(reference.get(k.path)!), k.path).toBe(true)
      const br = await get(k.path, { 'accept-encoding': 'br' })
      expect(br.status, k.path).toBe(200)
      const codings = { stored: ['br'], none: [undefined], edge: [undefined, 'br'] }[brotliOf(k)]
      expect(codings, k.path).toContain(br.headers['content-encoding'])
      expectLength(k, br)
      expect(decoded(br).equals(reference.get(k.path)!), k.path).toBe(true)
    }
  })

  it('HEAD answers as GET does, without a body, for identity and gzip clients', async () => {
    for (const k of ARCHIVES) await expectHeadAsGet(k, ['etag', 'last-modified', 'cache-control', 'content-type', 'content-encoding', 'vary'])
  })

  it('a conditional GET on an archive answers 304 to the tag and date each client holds', async () => {
    for (const k of ARCHIVES) {
      for (const accept of ['identity', 'gzip', 'br']) {
        const first = await get(k.path, { 'accept-encoding': accept })
        const etag = first.headers.etag!
        const inm = await get(k.path, { 'accept-encoding': accept, 'if-none-match': etag })
        expect(inm.status, `${k.path} ${accept} If-None-Match: ${etag}`).toBe(304)
        expect(inm.body.byteLength, k.path).toBe(0)
        expect(inm.headers['cache-control'], k.path).toBe(k.cacheControl)
        // nginx's 304 comes before its gunzip filter weakens the tag: the .gz file's strong tag.
        expect(inm.headers.etag, k.path).toBe(onTheFly(k, first) ? etag.replace(/^W\//, '') : etag)
        const ims = await get(k.path, { 'accept-encoding': accept, 'if-modified-since': first.headers['last-modified']! })
        expect(ims.status, `${k.path} ${accept} If-Modified-Since`).toBe(304)
        expect((await get(k.path, { 'accept-encoding': accept, 'if-none-match': '"nope"' })).status, k.path).toBe(200)
      }
    }
  })
}
