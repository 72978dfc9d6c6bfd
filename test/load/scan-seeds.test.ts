/**
 * The symlink rule (issue 15 #7) on a real folder: links to folders are never followed, a linked
 * file is read only when its real path is inside seeds/, and every skipped entry is a warning.
 * Before: a link back to the parent was walked 40 levels deep and a file from outside was published.
 */
import { execFileSync } from 'node:child_process'
import { mkdir, realpath, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { scanSeeds } from '../../src/load/read-seeds.js'
import { loadCatalog } from '../../src/loader/index.js'
import { PROBLEM_CODES } from '../../src/normalize/codes.js'
import { liveConfig, removeDir, seedText, tempDir, writeSeed } from '../live/helpers.js'

let dir: string
afterEach(async () => {
  await removeDir(dir)
})

/** seeds/ with one entry of every kind, and a secret file and folder next to it. */
async function hostileTree(): Promise<string> {
  dir = await tempDir('feedstand-scan-')
  const seeds = join(dir, 'seeds')
  await writeSeed(seeds, 'a.md', { slug: 'a' })
  await writeSeed(seeds, 'sub/b.md', { slug: 'b' })
  await writeSeed(dir, 'outside/secret.md', { slug: 'secret', title: 'Outside the seeds folder' })
  await symlink('..', join(seeds, 'sub/loop'))
  await symlink(join(dir, 'outside'), join(seeds, 'outdir'))
  await symlink(join(dir, 'outside/secret.md'), join(seeds, 'out.md'))
  await symlink('sub/b.md', join(seeds, 'in.md'))
  await symlink('y.md', join(seeds, 'x.md'))
  await symlink('x.md', join(seeds, 'y.md'))
  await symlink('self.md', join(seeds, 'self.md'))
  await symlink('nowhere.md', join(seeds, 'dangling.md'))
  await writeFile(join(seeds, 'notes.json'), '{}')
  await symlink('/dev/null', join(seeds, 'null.txt'))
  execFileSync('mkfifo', [join(seeds, 'pipe.md')])
  return seeds
}

describe('scanSeeds', () => {
  it('reads real seeds and links inside seeds/, and reports every other entry once, without blocking on a FIFO', async () => {
    const seeds = await hostileTree()
    const scan = await scanSeeds(seeds)
    expect(scan.entries.map((e) => e.file)).toEqual(['a.md', 'in.md', 'sub/b.md'])
    expect(scan.entries.find((e) => e.file === 'in.md')!.abs).toBe(join(await realpath(seeds), 'sub/b.md'))
    expect(scan.skipped.map((p) => [p.file, p.code, p.severity])).toEqual([
      ['dangling.md', 'dangling-link', 'warning'],
      ['null.txt', 'link-outside-seeds', 'warning'],
      ['out.md', 'link-outside-seeds', 'warning'],
      ['outdir', 'symlinked-folder', 'warning'],
      ['pipe.md', 'not-a-file', 'warning'],
      ['self.md', 'link-loop', 'warning'],
      ['sub/loop', 'symlinked-folder', 'warning'],
      ['x.md', 'link-loop', 'warning'],
      ['y.md', 'link-loop', 'warning'],
    ])
    for (const p of scan.skipped) expect(PROBLEM_CODES[p.code]?.severity, p.code).toBe('warning')
  })

  it('builds a catalog of the real seeds only: no copies through the loop, nothing from outside', async () => {
    const seeds = await hostileTree()
    const catalog = await loadCatalog(liveConfig(seeds), Date.now())
    // in.md is the same article as sub/b.md: published once (the path that sorts first), the other is a duplicate.
    expect(catalog.articles.map((a) => a.file).sort()).toEqual(['a.md', 'in.md'])
    expect(catalog.problems.filter((p) => p.severity === 'error').map((p) => [p.file, p.code])).toEqual([['sub/b.md', 'duplicate-id']])
    expect(catalog.problems.filter((p) => p.severity === 'warning')).toHaveLength(9)
    expect(JSON.stringify(catalog)).not.toContain('Outside the seeds folder')
  })

  it('reads a linked file by its real path when the seeds folder itself is a link', async () => {
    dir = await tempDir('feedstand-scan-')
    await writeSeed(dir, 'real/a.md', seedText({ slug: 'a' }))
    await symlink('a.md', join(dir, 'real/b.md'))
    await symlink(join(dir, 'real'), join(dir, 'seeds'))
    const scan = await scanSeeds(join(dir, 'seeds'))
    expect(scan.entries.map((e) => e.file)).toEqual(['a.md', 'b.md'])
    expect(scan.skipped).toEqual([])
  })

  it('is a settings error when the seeds folder is missing', async () => {
    dir = await tempDir('feedstand-scan-')
    await mkdir(join(dir, 'x'))
    await expect(scanSeeds(join(dir, 'missing'))).rejects.toThrow(/does not exist or is not a folder/)
  })
})
