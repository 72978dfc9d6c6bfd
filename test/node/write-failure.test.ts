/**
 * A full build that fails while its new tree is being written (issue 15 #8): the error is the
 * first cause, not a clean-up error (ENOTEMPTY from removing a folder other writes were still
 * filling), the old tree is untouched and no temporary folder is left.
 */
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { OutputFile } from '../../src/output/files.js'
import { writeTreeAtomically } from '../../src/output/write-tree.js'

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'feedstand-fail-'))
})
afterAll(() => rm(dir, { recursive: true, force: true }))

describe('a full build that fails half-way', () => {
  it('reports the first cause, keeps the old tree and leaves no temporary folder', async () => {
    const out = join(dir, 'feeds')
    await mkdir(out)
    await writeFile(join(out, 'rss.xml'), 'old')
    const bytes = new Uint8Array(64 * 1024)
    function* files(): Generator<OutputFile> {
      // A file where a folder must go, while many other writes are under way in other folders.
      yield { file: 'topics/x', bytes }
      for (let i = 0; i < 400; i++) yield { file: `topics/t${i}/a/b/rss.xml`, bytes }
      yield { file: 'topics/x/rss.xml', bytes }
      for (let i = 0; i < 400; i++) yield { file: `archive/t${i}/c/d/rss.xml`, bytes }
    }
    const err = (await writeTreeAtomically(out, files()).catch((e: unknown) => e)) as NodeJS.ErrnoException
    expect(err).toBeInstanceOf(Error)
    expect(err.code).toMatch(/^(ENOTDIR|EEXIST)$/)
    expect(err.message).toContain('topics/x')
    expect(await readdir(dir)).toEqual(['feeds'])
    expect(await readdir(out)).toEqual(['rss.xml'])
  })
})
