/**
 * Child of snapshot-retention.test.ts, run with --expose-gc: starts a live site on the folder in
 * argv[2], edits a seed through the real watcher a few times, and prints (JSON) which of the
 * snapshots it held weakly are still alive after a forced GC. Nothing but the LiveSite holds them.
 */
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { resolveConfig } from '../../src/config.js'
import { LiveSite } from '../../src/live/live-site.js'
import { nodePorts } from '../../src/node/document-ports.js'
import { seedText } from './helpers.js'

const seeds = process.argv[2]!
const config = resolveConfig({ seeds, baseUrl: 'http://feeds.test', port: 0 })
const io = { out: () => {}, err: () => {}, now: () => Date.now() }
const live = await LiveSite.start({ config, io, ...nodePorts({ gzipLevel: 1, brotliQuality: 1 }), settle: { quietMs: 20 } })
const sites: WeakRef<object>[] = []
const catalogs: WeakRef<object>[] = []
for (let i = 0; i < 4; i++) {
  sites.push(new WeakRef(live.site))
  catalogs.push(new WeakRef(live.site.catalog))
  const updated = new Promise<void>((resolve) => {
    const off = live.onUpdate(() => {
      off()
      resolve()
    })
  })
  await writeFile(join(seeds, 'a.md'), seedText({ slug: 'a', title: `Edit ${i}` }))
  await updated
}
await new Promise((r) => setImmediate(r))
globalThis.gc!()
globalThis.gc!()
process.stdout.write(JSON.stringify({
  sites: sites.filter((r) => r.deref() !== undefined).length,
  catalogs: catalogs.filter((r) => r.deref() !== undefined).length,
  current: live.site.catalog.byId.get('https://news.test/a')?.title,
}) + '\n')
await live.close()
