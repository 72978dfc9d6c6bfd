/**
 * `serve` starts from the persistent cache `build` left (issue 11: 23-36 s to the first answer at
 * 100k, every start re-parsing every seed): it answers with the cached state before it has looked
 * at the seeds folder, then catches up with what changed while it was down (edited, added and
 * deleted files). A cache of another seeds folder is not taken for this one's; `--cache-dir`
 * points build and serve at one cache wherever their output folders are.
 */
import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { runBuild } from '../../src/cli/build.js'
import { runServe, type RunningServer } from '../../src/cli/serve.js'
import type { LiveUpdate } from '../../src/live/live-site.js'
import { captureIo, liveConfig, removeDir, tempDir, writeSeed } from './helpers.js'

let dir: string
let server: RunningServer | undefined

afterEach(async () => {
  await server?.close()
  server = undefined
  await removeDir(dir)
})

/** Once the live site has applied updates in which every one of `files` took part: the first update's snapshot before it. */
function applied(server: RunningServer, files: string[]): Promise<LiveUpdate['prev']> {
  const left = new Set(files)
  let first: LiveUpdate['prev'] | undefined
  return new Promise((resolve) => {
    const seen = (u: LiveUpdate) => {
      first ??= u.prev
      for (const f of [...u.changes.added, ...u.changes.changed, ...u.changes.removed]) left.delete(f)
      if (left.size === 0) resolve(first)
    }
    server.live!.onUpdate(seen)
  })
}

describe('serve from the cache', () => {
  it('answers with the state the build left, then catches up with edits, additions and deletions made while it was down', async () => {
    dir = await tempDir()
    const seeds = join(dir, 'seeds')
    await writeSeed(seeds, 'a.md', { slug: 'a', title: 'Alpha as built' })
    await writeSeed(seeds, 'b.md', { slug: 'b', title: 'Bravo as built' })
    await writeSeed(seeds, 'c.md', { slug: 'c', title: 'Charlie as built' })
    const config = liveConfig(seeds)
    expect(await runBuild(config, captureIo())).toBe(0)

    await writeSeed(seeds, 'a.md', { slug: 'a', title: 'Alpha edited while down' })
    await writeSeed(seeds, 'd.md', { slug: 'd', title: 'Delta added while down' })
    await rm(join(seeds, 'c.md'))
    const io = captureIo()
    server = await runServe(config, io)
    const caughtUp = applied(server, ['a.md', 'c.md', 'd.md'])
    expect(server.live!.startInfo.from).toBe('cache')
    expect(io.lines.some((l) => /^Ready in \d+\.\d\d s, from the cache/.test(l))).toBe(true)
    await server.live!.startInfo.caughtUp
    // The first snapshot was the cache's: made before the folder was looked at.
    const first = await caughtUp
    expect(first.catalog.articles.map((a) => a.title).sort()).toEqual(['Alpha as built', 'Bravo as built', 'Charlie as built'])
    const rss = await (await fetch(`${server.url}/rss.xml`)).text()
    expect(rss).toContain('Alpha edited while down')
    expect(rss).toContain('Delta added while down')
    expect(rss).toContain('Bravo as built')
    expect(rss).not.toContain('Charlie')
    expect(io.lines.some((l) => /^Caught up with .* in \d+\.\d\d s: 3 files changed since the cache/.test(l))).toBe(true)
  })

  it('starts from the seeds folder when the cache is of another folder, and --cache-dir joins build and serve', async () => {
    dir = await tempDir()
    const seeds = join(dir, 'seeds')
    const other = join(dir, 'other')
    await writeSeed(seeds, 'a.md', { slug: 'a', title: 'Mine' })
    await writeSeed(other, 'a.md', { slug: 'a', title: 'Not mine' })
    // Same output folder, so the same default cache: the other folder's records must not be served.
    expect(await runBuild(liveConfig(other), captureIo())).toBe(0)
    server = await runServe(liveConfig(seeds), captureIo())
    expect(server.live!.startInfo.from).toBe('seeds')
    expect(server.live!.site.catalog.articles.map((a) => a.title)).toEqual(['Mine'])
    await server.close()

    const cacheDir = join(dir, 'shared-cache')
    expect(await runBuild(liveConfig(seeds, { out: join(dir, 'elsewhere', 'out'), cacheDir }), captureIo())).toBe(0)
    server = await runServe(liveConfig(seeds, { cacheDir }), captureIo())
    expect(server.live!.startInfo.from).toBe('cache')
    await server.live!.startInfo.caughtUp
    expect(server.live!.site.catalog.articles.map((a) => a.title)).toEqual(['Mine'])
  })
})
