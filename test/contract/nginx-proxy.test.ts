/**
 * The contract through deploy/nginx/proxy.conf: Debian's nginx in front of the real Node server,
 * both on loopback ports. The proxy must pass everything through untouched, so the capabilities
 * are the Node server's.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runServe } from '../../src/cli/serve.js'
import { NODE_CAPABILITIES } from './capabilities.js'
import { contractSuite } from './contract.js'
import { corpusSeeds, quietIo } from './fixture.js'
import { DEPLOY_NGINX, nginxMissing, startNginx } from './nginx.js'

/** upstream.conf with the test server's port in place of the README's 3000. */
async function upstream(port: number): Promise<string> {
  const text = await readFile(join(DEPLOY_NGINX, 'upstream.conf'), 'utf8')
  expect(text).toContain('server 127.0.0.1:3000;')
  return text.replace('server 127.0.0.1:3000;', `server 127.0.0.1:${port};`)
}

const missing = nginxMissing
if (missing) {
  describe('HTTP contract: nginx proxy → Node server', () => it.skip(missing, () => {}))
} else {
  contractSuite({
    name: 'nginx proxy → Node server',
    capabilities: NODE_CAPABILITIES,
    async start() {
      const { seeds, config } = await corpusSeeds()
      const server = await runServe(config, quietIo)
      const nginx = await startNginx({ http: await upstream(server.port), server: 'include feedstand/proxy.conf;' })
      return {
        baseUrl: nginx.url,
        async stop() {
          await nginx.stop()
          await server.close()
          await seeds.cleanup()
        },
      }
    },
  })
}
