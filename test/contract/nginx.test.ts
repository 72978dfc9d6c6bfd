/**
 * The contract against Debian's nginx serving a `feedstand build` with the repo's
 * deploy/nginx/feedstand.conf, started by the test on a loopback port.
 */
import { describe, it } from 'vitest'
import { NGINX_CAPABILITIES, NGINX_HAS_BROTLI as brotli } from './capabilities.js'
import { contractSuite } from './contract.js'
import { builtCorpus } from './fixture.js'
import { BROTLI_MODULE, nginxMissing, startNginx } from './nginx.js'

const missing = nginxMissing
if (missing) {
  describe('HTTP contract: nginx (static tree)', () => it.skip(missing, () => {}))
} else {
  contractSuite({
    name: 'nginx (static tree)',
    capabilities: NGINX_CAPABILITIES,
    async start() {
      const { seeds, root } = await builtCorpus()
      const nginx = await startNginx({
        modules: brotli ? [BROTLI_MODULE] : [],
        server: `root ${root};\n    include feedstand/feedstand.conf;${brotli ? '\n    include feedstand/brotli.conf;' : ''}`,
      })
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
