/**
 * Crash safety of the static build (issue 15 #4, #8): a real `feedstand build` in a child
 * process is SIGKILLed at three moments of its in-place phase (as it begins, 5 and 30 ms in),
 * and the next build must leave a tree byte-equal to a fresh full build, repairing in place
 * from the journal, with no temporary file or folder left. Output deleted or truncated between builds is written again;
 * the temporary folders of dead builds are removed, those of a live one kept.
 */
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { siteFiles } from '../../src/output/index.js'
import { runBuild } from '../../src/cli/build.js'
import { defaultCacheDir } from '../../src/cache/open.js'
import { resolveConfig } from '../../src/config.js'
import type { Site } from '../../src/documents/site.js'
import { SiteOutput } from '../../src/output/index.js'
import { loadCatalog } from '../../src/loader/index.js'
import { manifestPath } from '../../src/output/manifest.js'
import { removeStaleSiblings } from '../../src/output/write-tree.js'
import { TEST_NOW, makeSite } from '../helpers/site.js'
import { BASE, SeedDir, seedText } from '../http/fixture.js'
import { expectSameTree, tree } from './tree.js'

const ROOT = resolve(import.meta.dirname, '../..')
const ARTICLES = 60
const MAX_ITEMS = 3
const topicsOf = (i: number) => (i % 3 === 0 ? ['AI', 'Chips'] : i % 3 === 1 ? ['AI'] : ['Robots'])
const io = { out: () => undefined, err: () => undefined, now: () => TEST_NOW }

let seeds: SeedDir
const out = () => join(seeds.dir, 'site', 'feeds')
const config = (outDir = out()) => resolveConfig({ seeds: seeds.seeds, out: outDir, baseUrl: BASE, maxItems: MAX_ITEMS, archiveSize: MAX_ITEMS })
const journal = () => manifestPath(defaultCacheDir(config()), out()).replace(/\.json$/, '.journal.json')

beforeAll(async () => {
  seeds = await SeedDir.create()
  await seeds.write(1, ARTICLES, topicsOf)
  await runBuild(config(), io)
})
afterAll(() => seeds.cleanup())

/** The site `feedstand build` makes of the seeds as they are now. */
async function currentSite(): Promise<Site> {
  return makeSite(await loadCatalog(config(), TEST_NOW), config())
}

/** What a from-scratch build of `site` writes (the full build's file list). */
function reference(site: Site): Map<string, Buffer> {
  return new Map([...siteFiles(site)].map((f) => [f.file, Buffer.from(f.bytes)]))
}

/** Edits every seed, so that the next build rewrites every document in place. */
async function editAll(round: number): Promise<void> {
  await Promise.all(Array.from({ length: ARTICLES }, (_, k) => writeFile(join(seeds.seeds, `a${String(k + 1).padStart(4, '0')}.md`), seedText(k + 1, topicsOf(k + 1)).replace('About article', `Round ${round}, about article`))))
}

/** Runs a build in a child process and SIGKILLs it `delayMs` after its journal appears (the in-place phase began). */
async function killedBuild(delayMs: number): Promise<{ killedInPlace: boolean }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'test/node/build-child.ts'), seeds.seeds, out(), String(MAX_ITEMS)], { cwd: ROOT, stdio: 'ignore' })
  const exited = new Promise<void>((done) => child.on('exit', () => done()))
  let done = false
  void exited.then(() => (done = true))
  while (!done && !existsSync(journal())) await new Promise((r) => setImmediate(r))
  if (!done) {
    await new Promise((r) => setTimeout(r, delayMs))
    child.kill('SIGKILL')
  }
  await exited
  return { killedInPlace: existsSync(journal()) }
}

const tempLeftovers = async (dir: string) => (await readdir(dir, { recursive: true })).filter((f) => f.includes('.tmp-'))

describe('a killed incremental build', () => {
  it('is repaired in place by the next build, whatever moment of its write phase the kill came at', async () => {
    let interrupted = 0
    for (const [round, delayMs] of [0, 5, 30].entries()) {
      await editAll(round)
      const { killedInPlace } = await killedBuild(delayMs)
      if (killedInPlace) interrupted++
      const site = await currentSite()
      const stats = await new SiteOutput(out(), { cacheDir: defaultCacheDir(config()) }).build(site)
      expect(stats.mode, `kill after ${delayMs} ms`).toBe('incremental')
      if (killedInPlace) expect(stats.repaired, `kill after ${delayMs} ms`).toBeGreaterThan(0)
      expectSameTree(await tree(out()), reference(site), `kill after ${delayMs} ms`)
      expect(await tempLeftovers(out())).toEqual([])
      expect(existsSync(journal())).toBe(false)
    }
    // The test means something only if some kills landed inside the write phase.
    expect(interrupted).toBeGreaterThan(0)
  }, 180_000)
})

describe('each build checks its manifest against the disk', () => {
  it('writes again what was deleted or truncated behind its back', async () => {
    const before = reference(await currentSite())
    await runBuild(config(), io)
    await truncate(join(out(), 'rss.xml'), 10)
    await rm(join(out(), 'topics/ai/atom.xml.gz'))
    await rm(join(out(), 'topics/robots'), { recursive: true })
    await writeFile(join(out(), '_headers'), 'x')
    const stats = await new SiteOutput(out(), { cacheDir: defaultCacheDir(config()) }).build(await currentSite())
    expect(stats.mode).toBe('incremental')
    expect(stats.repaired).toBeGreaterThan(4)
    expectSameTree(await tree(out()), before)
  })
})

describe('temporary folders of dead builds', () => {
  it('are removed by the next build; those of a build still running are kept', async () => {
    const dead = await new Promise<number>((done) => {
      const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' })
      child.on('exit', () => done(child.pid!))
    })
    const parent = dirname(out())
    const stale = [`.feeds.tmp-${dead}-0123abcd`, '.feeds.tmp-89abcdef', `.feeds.old-${dead}-deadbeef`]
    const live = `.feeds.tmp-${process.pid}-00000000`
    for (const name of [...stale, live]) {
      await mkdir(join(parent, name, 'topics'), { recursive: true })
      await writeFile(join(parent, name, 'topics', 'rss.xml'), 'half-written')
    }
    await runBuild(config(), io)
    const left = (await readdir(parent)).filter((n) => n.startsWith('.feeds.'))
    expect(left).toEqual([live])
    await rm(join(parent, live), { recursive: true })
  })

  it('a build killed between the two renames of its swap: the old tree is put back', async () => {
    const dead = await new Promise<number>((done) => {
      const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' })
      child.on('exit', () => done(child.pid!))
    })
    const parent = await mkdtemp(join(tmpdir(), 'feedstand-swap-'))
    const outDir = join(parent, 'feeds')
    await mkdir(join(parent, `.feeds.old-${dead}-0badcafe`, 'topics'), { recursive: true })
    await writeFile(join(parent, `.feeds.old-${dead}-0badcafe`, 'rss.xml'), 'the old tree')
    await mkdir(join(parent, `.feeds.tmp-${dead}-1badcafe`))
    await removeStaleSiblings(outDir)
    expect(await readdir(parent)).toEqual(['feeds'])
    expect(await readFile(join(outDir, 'rss.xml'), 'utf8')).toBe('the old tree')
    await rm(parent, { recursive: true })
  })
})
