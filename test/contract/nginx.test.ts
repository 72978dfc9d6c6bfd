/**
 * The contract against Debian's nginx serving a `feedstand build` with the README's server block
 * (deploy/nginx/feedstand.conf), started by the test on a loopback port.
 */
import { describe, it } from 'vitest'
import { NGINX_CAPABILITIES, NGINX_HAS_BROTLI as brotli } from './capabilities.js'
import { contractSuite } from './contract.js'
import { builtCorpus } from './fixture.js'
import { BROTLI_MODULE, nginxMissing, startNginx } from './nginx.js'
import { readmeServerBlock } from './readme.js'

const missing = nginxMissing
if (missing) {
  describe('HTTP contract: nginx (static tree)', () => it.skip(missing, () => {}))
} else {
  contractSuite({
    name: 'nginx (static tree)',
    capabilities: NGINX_CAPABILITIES,
    async start() {
      const { seeds, root } = await builtCorpus()
      // The README's server block as shown, plus its optional brotli include where the module is.
      const http = async (port: number) => {
        const block = await readmeServerBlock('feedstand.conf', port, root)
        return brotli ? block.replace('include feedstand/feedstand.conf;', '$&\n    include feedstand/brotli.conf;') : block
      }
      const nginx = await startNginx({ modules: brotli ? [BROTLI_MODULE] : [], http })
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
