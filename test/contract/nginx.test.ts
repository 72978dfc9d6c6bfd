/**
 * The contract against Debian's nginx serving a `feedstand build` with the README's server block
 * (deploy/nginx/feedstand.conf), started by the test on a loopback port: once over the contract's
 * tree, once over the same corpus built with `--archive-encodings gzip-only` (archives as `.gz` alone).
 */
import { describe, it } from 'vitest'
import type { ArchiveEncodings } from '../../src/config.js'
import { NGINX_CAPABILITIES, NGINX_HAS_BROTLI as brotli } from './capabilities.js'
import { contractSuite } from './contract.js'
import { builtCorpus } from './fixture.js'
import { BROTLI_MODULE, nginxMissing, startNginx } from './nginx.js'
import { readmeServerBlock } from './readme.js'

const missing = nginxMissing
if (missing) {
  describe('HTTP contract: nginx (static tree)', () => it.skip(missing, () => {}))
} else {
  // The contract's tree (archives with every encoding) and one with archives as their .gz alone.
  for (const archiveEncodings of ['all', 'gzip-only'] as ArchiveEncodings[]) {
    // Not with brotli.conf over a gzip-only tree (README "Deploy"): ngx_brotli's static module
    // marks every request that accepts br as not taking gzip, also when it finds no .br, so
    // gunzip would decode the archives' .gz for a client that takes both.
    const withBrotli = brotli && archiveEncodings !== 'gzip-only'
    contractSuite({
      name: archiveEncodings === 'all' ? 'nginx (static tree)' : `nginx (static tree, archives ${archiveEncodings})`,
      capabilities: withBrotli || !brotli ? NGINX_CAPABILITIES : { ...NGINX_CAPABILITIES, brotli: { skip: 'brotli.conf is not for a gzip-only tree (README "Deploy")' } },
      archiveEncodings,
      gunzipsOnTheFly: true,
      async start() {
        const { seeds, root } = await builtCorpus(archiveEncodings)
        // The README's server block as shown, plus its optional brotli include where the module is.
        const http = async (port: number) => {
          const block = await readmeServerBlock('feedstand.conf', port, root)
          return withBrotli ? block.replace('include feedstand/feedstand.conf;', '$&\n    include feedstand/brotli.conf;') : block
        }
        const nginx = await startNginx({ modules: withBrotli ? [BROTLI_MODULE] : [], http })
        return {
          baseUrl: nginx.url,
          async stop() {
            await nginx.stop()
            await seeds.cleanup()
          },
        }
      },
    })
  }
}
