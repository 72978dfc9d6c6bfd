/**
 * `feedstand build` prints the loader's notice when it finds the seed cache damaged (issue 15 #5:
 * "reported once"), and the next build, over the rewritten cache, prints none.
 */
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { defaultCacheDir } from '../../src/cache/open.js'
import { runBuild } from '../../src/cli/build.js'
import { resolveConfig } from '../../src/config.js'
import type { Io } from '../../src/io.js'
import { FIXTURES, TEST_NOW } from '../helpers/site.js'

let tmp: string
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'feedstand-notice-'))
  await cp(FIXTURES, join(tmp, 'seeds'), { recursive: true })
})
afterAll(() => rm(tmp, { recursive: true, force: true }))

async function build(): Promise<string[]> {
  const lines: string[] = []
  const io: Io = { out: (l) => lines.push(l), err: (l) => lines.push(l), now: () => TEST_NOW }
  await runBuild(resolveConfig({ seeds: join(tmp, 'seeds'), out: join(tmp, 'feeds'), baseUrl: 'https://feeds.example' }), io)
  return lines
}

describe('build and a damaged seed cache', () => {
  it('says so once, then builds clean', async () => {
    await build()
    const config = resolveConfig({ seeds: join(tmp, 'seeds'), out: join(tmp, 'feeds') })
    const cacheDir = defaultCacheDir(config)
    const files = (await readdir(cacheDir, { recursive: true, withFileTypes: true })).filter((f) => f.isFile() && f.name === 'seeds.mdb')
    expect(files.length, 'the cache keeps its records in seeds.mdb').toBeGreaterThan(0)
    const shard = join(files[0]!.parentPath, files[0]!.name)
    const bytes = await readFile(shard)
    bytes[Math.floor(bytes.length / 2)]! ^= 0xff
    await writeFile(shard, bytes)
    const damaged = await build()
    expect(damaged.filter((l) => l.startsWith('cache: discarded damaged records'))).toHaveLength(1)
    const clean = await build()
    expect(clean.some((l) => l.startsWith('cache:'))).toBe(false)
  })
})
