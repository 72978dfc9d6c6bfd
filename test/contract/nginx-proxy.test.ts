/**
 * The contract through the README's proxy server block (deploy/nginx/proxy.conf, upstream.conf):
 * Debian's nginx in front of the real Node server, both on loopback ports. The proxy must pass
 * everything through untouched, so the capabilities are the Node server's.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runServe } from '../../src/cli/serve.js'
import { NODE_CAPABILITIES } from './capabilities.js'
import { contractSuite, type RunningTarget } from './contract.js'
import { corpusSeeds, quietIo } from './fixture.js'
import { wire } from './http.js'
import { DEPLOY_NGINX, nginxMissing, startNginx } from './nginx.js'
import { readmeServerBlock } from './readme.js'

/** upstream.conf with the test server's port in place of the README's 3000. */
async function upstream(port: number): Promise<string> {
  const text = await readFile(join(DEPLOY_NGINX, 'upstream.conf'), 'utf8')
  expect(text).toContain('server 127.0.0.1:3000;')
  return text.replace('server 127.0.0.1:3000;', `server 127.0.0.1:${port};`)
}

/** The Node server over the corpus, and nginx in front of it as the README sets it up. */
async function startProxied(): Promise<RunningTarget> {
  const { seeds, config } = await corpusSeeds()
  const server = await runServe(config, quietIo)
  const nginx = await startNginx({ http: async (port) => `${await upstream(server.port)}\n${await readmeServerBlock('proxy.conf', port)}` })
  return {
    baseUrl: nginx.url,
    async stop() {
      await nginx.stop()
      await server.close()
      await seeds.cleanup()
    },
  }
}

const missing = nginxMissing
if (missing) {
  describe('HTTP contract: nginx proxy → Node server', () => it.skip(missing, () => {}))
} else {
  contractSuite({ name: 'nginx proxy → Node server', capabilities: NODE_CAPABILITIES, start: startProxied })

  it('proxy.conf answers /healthz to loopback (127.0.0.1) only', async () => {
    const target = await startProxied()
    try {
      const local = await wire(`${target.baseUrl}/healthz`)
      expect(local.status).toBe(200)
      expect(local.body.toString()).toMatch(/^ok\narticles: 8\n/)
      // Another loopback address stands for any other client.
      expect((await wire(`${target.baseUrl}/healthz`, 'GET', {}, '127.0.0.2')).status).toBe(403)
      expect((await wire(`${target.baseUrl}/rss.xml`, 'GET', {}, '127.0.0.2')).status).toBe(200)
    } finally {
      await target.stop()
    }
  })
}
