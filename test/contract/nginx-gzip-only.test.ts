/**
 * Why the README says to leave brotli.conf out over a `--archive-encodings gzip-only` tree:
 * ngx_brotli's static module marks every request that accepts br as not taking gzip, also when it
 * finds no `.br`, so nginx's gunzip then decodes an archive's `.gz` for a client that takes both.
 * Measured here, so the README's advice can go when the module changes.
 */
import { describe, expect, it } from 'vitest'
import { NGINX_HAS_BROTLI } from './capabilities.js'
import { builtCorpus } from './fixture.js'
import { wire } from './http.js'
import { BROTLI_MODULE, nginxMissing, startNginx } from './nginx.js'
import { readmeServerBlock } from './readme.js'

const missing = nginxMissing ?? (NGINX_HAS_BROTLI ? undefined : `${BROTLI_MODULE} missing`)
describe.skipIf(missing)(`nginx over a gzip-only tree, with and without brotli.conf${missing ? ` (skipped: ${missing})` : ''}`, () => {
  it('a client taking gzip and br gets the archive as gzip without brotli.conf, decoded to identity with it', async () => {
    const { seeds, root } = await builtCorpus('gzip-only')
    try {
      const got: Record<string, string> = {}
      for (const withBrotli of [false, true]) {
        const http = async (port: number) => {
          const block = await readmeServerBlock('feedstand.conf', port, root)
          return withBrotli ? block.replace('include feedstand/feedstand.conf;', '$&\n    include feedstand/brotli.conf;') : block
        }
        const nginx = await startNginx({ modules: withBrotli ? [BROTLI_MODULE] : [], http })
        try {
          const res = await wire(nginx.url + '/rss/archive/1.xml', 'GET', { 'accept-encoding': 'gzip, deflate, br' })
          got[withBrotli ? 'brotli.conf' : 'plain'] = res.headers['content-encoding'] ?? 'identity'
        } finally {
          await nginx.stop()
        }
      }
      expect(got).toEqual({ plain: 'gzip', 'brotli.conf': 'identity' })
    } finally {
      await seeds.cleanup()
    }
  })
})
