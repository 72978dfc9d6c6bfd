/**
 * The static build: writes exactly the documents the server serves, at the path-table file
 * paths, byte for byte; twice gives identical trees; a failed build leaves the old tree alone.
 */
import { mkdtemp, readdir, readFile, rm, writeFile, mkdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { resolveConfig } from '../../src/config.js'
import { runBuild } from '../../src/cli/build.js'
import type { Io } from '../../src/io.js'
import { createApp } from '../../src/http/app.js'
import { urlPath } from '../../src/paths.js'
import { writeTreeAtomically } from '../../src/output/write-tree.js'
import { FIXTURES, TEST_NOW, siteFromDir } from '../helpers/site.js'

let tmp: string
const io: Io & { lines: string[] } = { lines: [], out: (l) => io.lines.push(l), err: (l) => io.lines.push(l), now: () => TEST_NOW }

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'feedstand-build-'))
})
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true })
})

async function tree(dir: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>()
  for (const name of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!name.isFile()) continue
    const abs = join(name.parentPath, name.name)
    files.set(abs.slice(dir.length + 1), await readFile(abs))
  }
  return files
}

async function build(out: string): Promise<number> {
  const config = resolveConfig({ seeds: FIXTURES, out, baseUrl: 'http://localhost:3000' })
  return runBuild(config, io)
}

describe('static build', () => {
  it('writes every document, and the HTTP body equals the built file byte for byte', async () => {
    const out = join(tmp, 'feeds')
    expect(await build(out)).toBe(0)
    const files = await tree(out)
    const { site } = await siteFromDir(FIXTURES)
    const app = createApp({ site: () => site })
    let checked = 0
    for (const key of site.keys()) {
      const doc = site.get(key)!
      const res = await app.request(urlPath(key))
      expect(res.status, urlPath(key)).toBe(200)
      const body = Buffer.from(await res.arrayBuffer())
      expect(files.get(doc.file), doc.file).toEqual(body)
      checked++
    }
    expect(checked).toBeGreaterThan(15)
    expect(files.has('rss.xml')).toBe(true)
    expect(files.has('topics/ai-hardware/atom.xml')).toBe(true)
    expect(files.has('topics/中国/feed.json')).toBe(true)
    expect(files.has('topics.opml') && files.has('topics.json') && files.has('index.html')).toBe(true)
  })

  it('two builds of the same seeds give byte-identical trees', async () => {
    await build(join(tmp, 'one'))
    await build(join(tmp, 'two'))
    const [one, two] = [await tree(join(tmp, 'one')), await tree(join(tmp, 'two'))]
    expect([...two.keys()].sort()).toEqual([...one.keys()].sort())
    for (const [file, bytes] of one) expect(two.get(file), file).toEqual(bytes)
  })

  it('replaces the previous tree whole: stale files disappear', async () => {
    const out = join(tmp, 'replace')
    await mkdir(join(out, 'topics/gone'), { recursive: true })
    await writeFile(join(out, 'topics/gone/rss.xml'), 'stale')
    await build(out)
    expect((await tree(out)).has('topics/gone/rss.xml')).toBe(false)
  })

  it('a failed build leaves the previous tree untouched and no temporary folder behind', async () => {
    const out = join(tmp, 'atomic')
    await build(out)
    const before = await tree(out)
    function* failing() {
      yield { file: 'rss.xml', bytes: new Uint8Array([1, 2, 3]) }
      throw new Error('render failed half-way')
    }
    await expect(writeTreeAtomically(out, failing())).rejects.toThrow('render failed half-way')
    expect(await tree(out)).toEqual(before)
    expect((await readdir(tmp)).filter((n) => n.includes('.tmp-'))).toEqual([])
  })
})
