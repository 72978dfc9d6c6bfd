/**
 * Issue 15 #6: memory grew with every live reload (heap 52 → 235 MB over 1,081 reloads at 10k)
 * because each Site kept the one it replaced, and so every snapshot since the start. This checks
 * the cause, not a timing or a size: after a few reloads and a forced GC (in a child process run
 * with --expose-gc), no old Site and no old Catalog is reachable. bench/reload-heap.ts prints the
 * heap after 1,000 reloads.
 */
import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterEach, describe, expect, it } from 'vitest'
import { removeDir, tempDir, writeSeed } from './helpers.js'

const child = fileURLToPath(new URL('./retention-child.ts', import.meta.url))
let dir: string

afterEach(async () => {
  await removeDir(dir)
})

describe('live reloads', () => {
  it('let every replaced snapshot be collected', async () => {
    dir = await tempDir()
    const seeds = join(dir, 'seeds')
    for (const slug of ['a', 'b', 'c']) await writeSeed(seeds, `${slug}.md`, { slug })
    const { stdout } = await promisify(execFile)(process.execPath, ['--expose-gc', '--import', 'tsx', child, seeds], { timeout: 30_000 })
    expect(JSON.parse(stdout)).toEqual({ sites: 0, catalogs: 0, current: 'Edit 3' })
  })
})
