/**
 * The contract against the Cloudflare Worker in workerd (deploy/cloudflare/wrangler.jsonc, started
 * by test/contract/workerd.ts) serving a `feedstand build` through its static assets binding.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { WORKERD_CAPABILITIES } from './capabilities.js'
import { contractSuite } from './contract.js'
import { builtCorpus } from './fixture.js'
import { startWorkerd } from './workerd.js'

contractSuite({
  name: 'Cloudflare Worker (workerd)',
  capabilities: WORKERD_CAPABILITIES,
  async start() {
    const { seeds, root } = await builtCorpus()
    const work = await mkdtemp(join(tmpdir(), 'feedstand-worker-'))
    const worker = await startWorkerd(root, work)
    return {
      baseUrl: worker.baseUrl,
      async stop() {
        await worker.stop()
        await rm(work, { recursive: true, force: true })
        await seeds.cleanup()
      },
    }
  },
})
