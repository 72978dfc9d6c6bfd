/**
 * The contract against the Cloudflare Worker in workerd (deploy/cloudflare/wrangler.jsonc, started
 * by test/contract/workerd.ts) serving a `feedstand build` through its static assets binding: once
 * over the contract's tree, once over the same corpus built with `--archive-encodings gzip-only`.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import type { ArchiveEncodings } from '../../src/config.js'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { WORKERD_CAPABILITIES } from './capabilities.js'
import { contractSuite } from './contract.js'
import { builtCorpus } from './fixture.js'
import { startWorkerd } from './workerd.js'

// The contract's tree (archives with every encoding) and one with archives as their .gz alone.
for (const archiveEncodings of ['all', 'gzip-only'] as ArchiveEncodings[]) {
  contractSuite({
    name: archiveEncodings === 'all' ? 'Cloudflare Worker (workerd)' : `Cloudflare Worker (workerd, archives ${archiveEncodings})`,
    capabilities: WORKERD_CAPABILITIES,
    archiveEncodings,
    edgeReencodes: true,
    async start() {
      const { seeds, root } = await builtCorpus(archiveEncodings)
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
}
