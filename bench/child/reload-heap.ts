/**
 * Child of bench/reload-heap.ts, run with --expose-gc: one round. Starts a live site on the seeds
 * folder argv[2], edits the newest seed argv[3] argv[4] times through the real watcher (each edit
 * awaited as one reload), and prints the heap after a forced GC at the start and after the reloads.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { resolveConfig } from '../../src/config.js'
import { LiveSite } from '../../src/live/live-site.js'
import { nodePorts } from '../../src/node/document-ports.js'

const [seeds, file, countArg] = process.argv.slice(2) as [string, string, string]
const reloads = Number(countArg)
const config = resolveConfig({ seeds, baseUrl: 'http://bench.example', port: 0 })
const io = { out: () => {}, err: () => {}, now: () => Date.now() }
// A 1 ms settle: the bench times nothing, it only needs many reloads soon.
const live = await LiveSite.start({ config, io, ...nodePorts(), settle: { quietMs: 1 } })
const heapMb = () => {
  globalThis.gc!()
  globalThis.gc!()
  return process.memoryUsage().heapUsed / 2 ** 20
}
const freshMb = heapMb()
const text = readFileSync(join(seeds, file), 'utf8')
for (let i = 0; i < reloads; i++) {
  const done = new Promise<void>((resolve) => {
    const off = live.onUpdate(() => {
      off()
      resolve()
    })
  })
  writeFileSync(join(seeds, file), text.replace(/^title: .*$/m, `title: "Reload ${i}"`))
  await done
}
await new Promise((r) => setImmediate(r))
const afterMb = heapMb()
process.stdout.write(JSON.stringify({ freshMb, afterMb, rssMb: process.memoryUsage().rss / 2 ** 20 }) + '\n')
await live.close()
