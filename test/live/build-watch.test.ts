/**
 * `build --watch` over real folders: after every change the output folder equals a fresh full
 * build byte for byte, files that did not change keep their inode (they were not rewritten), and
 * files of vanished documents are deleted. Small documents (maxItems 2) so that bridges and archives exist.
 */
import { readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runBuild, runBuildWatch, type ChangeStats, type WatchingBuild } from '../../src/cli/build.js'
import type { Config } from '../../src/config.js'
import type { LiveUpdate } from '../../src/live/live-site.js'
import { captureIo, liveConfig, removeDir, tempDir, until, writeSeed } from './helpers.js'

let dir: string
let seeds: string
let config: Config
let build: WatchingBuild | undefined
let io: ReturnType<typeof captureIo>

const day = (d: number) => new Date(Date.UTC(2024, 2, d)).toISOString()

beforeEach(async () => {
  dir = await tempDir()
  seeds = join(dir, 'seeds')
  for (let i = 1; i <= 5; i++) await writeSeed(seeds, `chips/c${i}.md`, { slug: `c${i}`, topics: ['Chips'], date: day(i) })
  await writeSeed(seeds, 'energy/e1.md', { slug: 'e1', topics: ['Energy'], date: day(10) })
  await writeSeed(seeds, 'energy/e2.md', { slug: 'e2', topics: ['Energy', 'Chips'], date: day(11) })
  config = liveConfig(seeds, { out: join(dir, 'out'), maxItems: 2 })
  io = captureIo()
  build = await runBuildWatch(config, io)
})

afterEach(async () => {
  await build?.close()
  build = undefined
  await removeDir(dir)
})

/** Every file under `root`: relative path → bytes and inode. */
async function tree(root: string): Promise<Map<string, { bytes: Buffer; ino: number }>> {
  const out = new Map<string, { bytes: Buffer; ino: number }>()
  for (const name of await readdir(root, { recursive: true })) {
    const abs = join(root, name)
    // A later update may be staging (or removing) temporary files while this walks the tree.
    const st = await stat(abs).catch(() => undefined)
    if (st?.isFile()) out.set(name.split('\\').join('/'), { bytes: await readFile(abs), ino: st.ino })
  }
  return out
}

/** The output folder must hold exactly what `feedstand build` writes for the same seeds. */
async function expectEqualToFullBuild(): Promise<void> {
  const fresh = join(dir, `fresh-${Math.random().toString(36).slice(2)}`)
  await runBuild({ ...config, outDir: fresh }, captureIo())
  const [got, want] = await Promise.all([tree(config.outDir), tree(fresh)])
  expect([...got.keys()].sort()).toEqual([...want.keys()].sort())
  for (const [file, { bytes }] of want) expect(got.get(file)!.bytes.equals(bytes), file).toBe(true)
  await rm(fresh, { recursive: true, force: true })
}

function nextWrite(timeoutMs = 8000, done: (update: LiveUpdate) => boolean = () => true): Promise<ChangeStats> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no incremental write within ${timeoutMs} ms`)), timeoutMs)
    const off = build!.onWrite((stats, update) => {
      if (!done(update)) return
      clearTimeout(timer)
      off()
      resolve(stats)
    })
  })
}

function rewritten(before: Map<string, { ino: number }>, after: Map<string, { ino: number }>): string[] {
  return [...after].filter(([f, { ino }]) => before.get(f)?.ino !== ino).map(([f]) => f).sort()
}

/** Document files among `files`: `.gz`/`.br` folded into the file they compress. */
function documents(files: string[]): string[] {
  return [...new Set(files.map((f) => f.replace(/\.(gz|br)$/, '')))].sort()
}

describe('build --watch', () => {
  it('starts from a full build', async () => {
    await expectEqualToFullBuild()
  })

  it('writes only changed files when a new article arrives: full archives and other topics stay', async () => {
    const before = await tree(config.outDir)
    const written = nextWrite()
    await writeSeed(seeds, 'chips/c6.md', { slug: 'c6', topics: ['Chips'], date: day(20) })
    const stats = await written
    await expectEqualToFullBuild()
    const after = await tree(config.outDir)
    const changed = rewritten(before, after)
    expect(changed.length).toBe(stats.written)
    // Globally 7 → 8 articles, 2 per document: archive 4 fills (c6, e2) and the bridge (page 2) is
    // gone into it; Chips 6 → 7 gets a bridge; archives 1–3 and the Energy topic are untouched.
    const feeds = (dir: string, docs: string[]) => docs.flatMap((d) => [`${dir}rss${d}.xml`, `${dir}atom${d}.xml`, `${dir}feed${d}.json`])
    expect(documents(changed)).toEqual([
      ...feeds('', ['', '/archive/4']), '_feedstand.json', '_headers', 'index.html', ...feeds('topics/chips/', ['', '/page/2']), 'topics/chips/index.html', 'scopes.json', 'topics.json', 'topics.opml',
    ].sort())
    expect(documents([...before.keys()].filter((f) => !after.has(f)))).toEqual(feeds('', ['/page/2']).sort())
    expect([...after.keys()].filter((f) => f.includes('.tmp-'))).toEqual([])
  })

  it('rewrites only the archive holding an edited old article', async () => {
    const before = await tree(config.outDir)
    const written = nextWrite()
    await writeSeed(seeds, 'chips/c2.md', { slug: 'c2', title: 'Corrected title', topics: ['Chips'], date: day(2) })
    await written
    await expectEqualToFullBuild()
    const changed = rewritten(before, await tree(config.outDir))
    // c2 is the 6th newest of 7 globally and of 6 in Chips: in archive 1 (the two oldest, c1 and c2)
    // of both, and in no head or bridge. The site page and the Chips page show it (they list the newest
    // 20 and 50); topics.json, the OPML and _headers list no articles. The site manifest holds every
    // document's hash.
    expect(documents(changed)).toEqual([
      '_feedstand.json',
      'atom/archive/1.xml', 'feed/archive/1.json', 'index.html', 'rss/archive/1.xml',
      'topics/chips/atom/archive/1.xml', 'topics/chips/feed/archive/1.json', 'topics/chips/index.html', 'topics/chips/rss/archive/1.xml',
    ])
  })

  it('keeps the files of a broken article and writes its fix', async () => {
    const before = await tree(config.outDir)
    const brokenSeen = new Promise<void>((resolve) => {
      const off = build!.live.onUpdate((u) => {
        if (u.changes.kept.includes('energy/e1.md')) {
          off()
          resolve()
        }
      })
    })
    const noWrite = nextWrite()
    await writeFile(join(seeds, 'energy/e1.md'), '---\ntitle: [broken\n---\n')
    await brokenSeen
    // Same documents: the incremental pass finds nothing to write.
    expect((await noWrite).written).toBe(0)
    expect(rewritten(before, await tree(config.outDir))).toEqual([])

    let written = nextWrite()
    await writeSeed(seeds, 'energy/e1.md', { slug: 'e1', title: 'Fixed', topics: ['Energy'], date: day(10) })
    await written
    await expectEqualToFullBuild()
  })

  // The one change detector enumerates Site.keys(), so a vanished topic's page goes with its feeds
  // (the old watch writer kept its own, feeds-only list, and left topics/energy/index.html behind).
  it('deletes a vanished topic, its page included', async () => {
    // Two deletions may settle into one update or two (a loaded machine): the write to wait for is
    // the one whose snapshot no longer has the topic.
    const written = nextWrite(8000, (u) => !u.site.catalog.topics.has('energy'))
    await rm(join(seeds, 'energy/e1.md'))
    await rm(join(seeds, 'energy/e2.md'))
    await written
    await expectEqualToFullBuild()
    await expect(stat(join(config.outDir, 'topics/energy'))).rejects.toThrow()
  })

  it('writes nothing when a seed is renamed', async () => {
    const before = await tree(config.outDir)
    const written = nextWrite()
    await rename(join(seeds, 'chips/c3.md'), join(seeds, 'c3-moved.md'))
    expect((await written).written).toBe(0)
    expect(rewritten(before, await tree(config.outDir))).toEqual([])
  })

  it('a write that fails lands none of its files, reports the real error, and the next update restores a consistent tree', async () => {
    // A file where the new topic's folder must go: its documents cannot be written.
    await writeFile(join(config.outDir, 'topics', 'robots'), 'in the way')
    const before = await tree(config.outDir)
    await writeSeed(seeds, 'robots/r1.md', { slug: 'r1', topics: ['Robots'], date: day(25) })
    const isFailure = (l: string) => l.startsWith(`build: writing ${config.outDir} failed`)
    await until(() => io.lines.some(isFailure))
    expect(io.lines.find(isFailure)).toMatch(/ENOTDIR|EEXIST/)
    // Not one file of the update landed: the global feed does not list an article topics.json
    // lacks. (Temporary files of an update still being staged are not part of the tree.)
    const after = new Map([...(await tree(config.outDir))].filter(([f]) => !f.includes('.tmp-')))
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort())
    for (const [file, { bytes }] of before) expect(after.get(file)!.bytes.equals(bytes), file).toBe(true)
    expect(after.get('rss.xml')!.bytes.toString()).not.toContain('r1')

    await rm(join(config.outDir, 'topics', 'robots'))
    const written = nextWrite()
    await writeSeed(seeds, 'chips/c1.md', { slug: 'c1', title: 'Retitled', topics: ['Chips'], date: day(1) })
    await written
    await expectEqualToFullBuild()
  })
})
