/** The contract against the real Node server (`feedstand serve`, @hono/node-server) on a loopback port. */
import { runServe } from '../../src/cli/serve.js'
import { NODE_CAPABILITIES } from './capabilities.js'
import { contractSuite } from './contract.js'
import { corpusSeeds, quietIo } from './fixture.js'

contractSuite({
  name: 'Node server',
  capabilities: NODE_CAPABILITIES,
  async start() {
    const { seeds, config } = await corpusSeeds()
    const server = await runServe(config, quietIo)
    return {
      baseUrl: server.url,
      async stop() {
        await server.close()
        await seeds.cleanup()
      },
    }
  },
})
