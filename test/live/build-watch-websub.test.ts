/**
 * `build --watch` with a hub: the heads an update changed are announced once their files are in
 * place. When an update's write fails, its heads are not in place yet, so they are announced with
 * the next update that lands — before, the next ping compared with the failed snapshot and the
 * failed update's heads were never announced at all.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { runBuildWatch, type WatchingBuild } from '../../src/cli/build.js'
import { startHubStub, type HubStub } from '../websub/hub-stub.js'
import { captureIo, liveConfig, removeDir, tempDir, until, writeSeed } from './helpers.js'

let dir: string
let build: WatchingBuild | undefined
let hub: HubStub | undefined

afterEach(async () => {
  await build?.close()
  await hub?.close()
  build = hub = undefined
  await removeDir(dir)
})

const day = (d: number) => new Date(Date.UTC(2024, 2, d)).toISOString()

describe('build --watch and WebSub', () => {
  it('announces the heads of a failed update with the next update that lands', async () => {
    dir = await tempDir()
    const seeds = join(dir, 'seeds')
    await writeSeed(seeds, 'chips/c1.md', { slug: 'c1', topics: ['Chips'], date: day(1) })
    hub = await startHubStub()
    const config = liveConfig(seeds, { out: join(dir, 'out'), maxItems: 2, hubUrl: hub.url })
    const io = captureIo()
    build = await runBuildWatch(config, io)
    const pinged = () => hub!.pings.map((p) => p.form.get('hub.url')!)

    // A file where the new topic's folder must go: the update that adds the topic cannot land.
    await mkdir(join(config.outDir, 'topics'), { recursive: true })
    await writeFile(join(config.outDir, 'topics', 'robots'), 'in the way')
    await writeSeed(seeds, 'robots/r1.md', { slug: 'r1', topics: ['Robots'], date: day(2) })
    await until(() => io.lines.some((l) => l.startsWith(`build: writing ${config.outDir} failed`)))
    expect(pinged().filter((u) => u.includes('/topics/robots/'))).toEqual([])

    // The next update lands (the obstacle gone): the robots heads are in place now, and announced.
    await rm(join(config.outDir, 'topics', 'robots'))
    await writeSeed(seeds, 'chips/c2.md', { slug: 'c2', topics: ['Chips'], date: day(3) })
    // One POST per head, in flight together: wait for all three.
    await until(() => pinged().filter((u) => u.includes('/topics/robots/')).length >= 3)
    expect(pinged().filter((u) => u.includes('/topics/robots/')).sort()).toEqual(
      ['atom.xml', 'feed.json', 'rss.xml'].map((f) => `${config.baseUrl}/topics/robots/${f}`),
    )
  })
})
