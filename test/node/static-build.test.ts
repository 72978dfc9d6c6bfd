/**
 * The static build writer: a full build writes exactly what `siteFiles` lists; an incremental
 * build (manifest in the cache folder) renders only documents whose signature changed, and
 * leaves a folder byte-for-byte equal to a full build of the same snapshot.
 */
import { readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { siteFiles } from '../../src/output/index.js'
import { writeTreeAtomically } from '../../src/output/write-tree.js'
import { writeSite } from '../../src/output/write-site.js'
import { BASE, SeedDir, seedText } from '../http/fixture.js'

let seeds: SeedDir
const options = { maxItems: 3, baseUrl: BASE }
const topicsOf = (i: number) => (i % 3 === 0 ? ['AI', 'Chips'] : i % 3 === 1 ? ['AI'] : ['Robots'])

beforeAll(async () => {
  seeds = await SeedDir.create()
  await seeds.write(1, 20, topicsOf)
})
afterAll(() => seeds.cleanup())

/** Every file under `dir` with its bytes. */
async function tree(dir: string): Promise<Map<string, Buffer>> {
  const entries = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile())
  const files = new Map<string, Buffer>()
  for (const e of entries) files.set(join(e.parentPath, e.name).slice(dir.length + 1), await readFile(join(e.parentPath, e.name)))
  return files
}

/** The folder a from-scratch build of the current seeds gives, through `siteFiles`. */
async function reference(name: string): Promise<Map<string, Buffer>> {
  const out = join(seeds.dir, name)
  await rm(out, { recursive: true, force: true })
  await writeTreeAtomically(out, siteFiles(await seeds.site(options)))
  return tree(out)
}

function expectSameTree(actual: Map<string, Buffer>, expected: Map<string, Buffer>): void {
  expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort())
  for (const [file, bytes] of expected) expect(actual.get(file)?.equals(bytes), file).toBe(true)
}

describe('writeSite', () => {
  const out = () => join(seeds.dir, 'out', 'feeds')
  const cacheDir = () => join(seeds.dir, 'out', '.feedstand-cache')
  const build = async () => writeSite(await seeds.site(options), out(), { cacheDir: cacheDir() })

  it('a first build is a full one and writes exactly what siteFiles lists', async () => {
    const stats = await build()
    expect(stats.mode).toBe('full')
    expectSameTree(await tree(out()), await reference('ref-1'))
  })

  it('with nothing changed it renders and writes nothing', async () => {
    const stats = await build()
    expect(stats).toMatchObject({ mode: 'incremental', files: 0, rendered: 0, deleted: 0 })
    expect(stats.unchanged).toBeGreaterThan(20)
  })

  it('one edited article re-renders only the documents that hold it, and the folder equals a full build', async () => {
    await writeFile(join(seeds.seeds, 'a0020.md'), seedText(20, topicsOf(20)).replace('title: "Article 20"', 'title: "Article 20, edited"'))
    const stats = await build()
    expect(stats.mode).toBe('incremental')
    // Article 20 is the newest, in "Robots": global and topic heads, 3 formats each, plus the two
    // pages that list it (`/` and `/topics/robots/`); same documents, so _headers stays.
    expect(stats.rendered).toBe(8)
    expectSameTree(await tree(out()), await reference('ref-2'))
  })

  it('new and removed articles move pages, fill archives and drop a topic: still equal to a full build', async () => {
    await seeds.write(21, 26, () => ['AI'])
    await seeds.remove(2)
    await seeds.remove(5)
    await seeds.remove(8)
    await seeds.remove(11)
    await seeds.remove(14)
    await seeds.remove(17)
    await seeds.remove(20)
    const stats = await build()
    expect(stats.mode).toBe('incremental')
    expect(stats.deleted).toBeGreaterThan(0)
    const built = await tree(out())
    expect([...built.keys()].some((f) => f.startsWith('topics/robots/'))).toBe(false)
    expectSameTree(built, await reference('ref-3'))
  })

  it('other settings, or a missing output folder, mean a full build', async () => {
    const site = await seeds.site({ ...options, maxItems: 4 })
    expect((await writeSite(site, out(), { cacheDir: cacheDir() })).mode).toBe('full')
    await rm(out(), { recursive: true })
    expect((await writeSite(site, out(), { cacheDir: cacheDir() })).mode).toBe('full')
    expect((await writeSite(site, out(), { cacheDir: cacheDir() })).mode).toBe('incremental')
  })
})
