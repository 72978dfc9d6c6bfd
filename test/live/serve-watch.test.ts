/** `feedstand serve` over a real socket: watching by default, off with `watch: false`. */
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { runServe, type RunningServer } from '../../src/cli/serve.js'
import { startHubStub } from '../websub/hub-stub.js'
import { captureIo, liveConfig, nextUpdate, removeDir, tempDir, touches, writeSeed } from './helpers.js'

let dir: string
let server: RunningServer | undefined

afterEach(async () => {
  await server?.close()
  server = undefined
  await removeDir(dir)
})

describe('serve --watch', () => {
  it('serves a new seed written after start, and says so in /healthz', async () => {
    dir = await tempDir()
    const seeds = join(dir, 'seeds')
    await writeSeed(seeds, 'a.md', { slug: 'a', topics: ['Chips'] })
    const io = captureIo()
    server = await runServe(liveConfig(seeds), io)
    expect(server.live).toBeDefined()
    expect(io.lines.some((l) => l.startsWith('Watching '))).toBe(true)
    const before = await fetch(`${server.url}/rss.xml`)
    const next = nextUpdate(server.live!, touches('b.md'))
    await writeSeed(seeds, 'b.md', { slug: 'b', title: 'Arrived while serving', topics: ['Chips'] })
    await next
    const after = await fetch(`${server.url}/rss.xml`)
    expect(after.headers.get('etag')).not.toBe(before.headers.get('etag'))
    expect(await after.text()).toContain('Arrived while serving')
    const health = await (await fetch(`${server.url}/healthz`)).text()
    expect(health).toMatch(/^watch: on$/m)
    expect(health).toMatch(/^reloads: 1$/m)
    expect(health).toMatch(/^last-reload: \d{4}-/m)
    expect(io.lines.some((l) => l.startsWith('live: 1 added (b.md)'))).toBe(true)
  })

  it('pings the WebSub hub for exactly the head feeds that changed', async () => {
    let sixth!: () => void
    const sixPings = new Promise<void>((resolve) => (sixth = resolve))
    const hub = await startHubStub((n) => {
      if (n === 5) sixth()
      return 204
    })
    try {
      dir = await tempDir()
      const seeds = join(dir, 'seeds')
      await writeSeed(seeds, 'a.md', { slug: 'a', topics: ['Chips'] })
      await writeSeed(seeds, 'b.md', { slug: 'b', topics: ['Energy'] })
      server = await runServe(liveConfig(seeds, { hubUrl: hub.url }), captureIo())
      // Energy sorts after Chips: a wrong ping for Chips would come before the right ones.
      await writeSeed(seeds, 'b.md', { slug: 'b', title: 'Edited', topics: ['Energy'] })
      await Promise.race([sixPings, new Promise((_, reject) => setTimeout(() => reject(new Error('fewer than 6 pings in 8 s')), 8000))])
      const urls = hub.pings.slice(0, 6).map((p) => p.form.get('hub.url'))
      const base = 'http://feeds.test'
      expect(urls.sort()).toEqual([`${base}/atom.xml`, `${base}/feed.json`, `${base}/rss.xml`,
        `${base}/topics/energy/atom.xml`, `${base}/topics/energy/feed.json`, `${base}/topics/energy/rss.xml`])
    } finally {
      await hub.close()
    }
  })

  it('does not watch with --no-watch', async () => {
    dir = await tempDir()
    const seeds = join(dir, 'seeds')
    await writeSeed(seeds, 'a.md', { slug: 'a' })
    server = await runServe(liveConfig(seeds, { watch: false }), captureIo())
    expect(server.live).toBeUndefined()
    expect(await (await fetch(`${server.url}/healthz`)).text()).not.toMatch(/^watch:/m)
  })
})
