/**
 * A seed swapped for a FIFO (or a link) between the listing and the read must not block a parse
 * worker: its fast synchronous read opened the path with readFileSync, which waits forever for a
 * writer on a FIFO (the main thread's readSeed was already safe). Real worker threads, a real FIFO.
 */
import { execFileSync } from 'node:child_process'
import { mkdtemp, rm, stat, writeFile, symlink } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { resolveConfig } from '../../src/config.js'
import { parseInWorkers } from '../../src/node/parse-pool.js'
import { normalizeOptions } from '../../src/seed/process-seed.js'
import type { SeedJob } from '../../src/seed/seed-job.js'
import { TEST_NOW } from '../helpers/site.js'
import { seedText } from '../http/fixture.js'

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'feedstand-fifo-'))
})
afterAll(() => rm(dir, { recursive: true, force: true }))

describe('parse workers and entries swapped after the listing', () => {
  it('answer a FIFO or a link put in place of a listed seed with a problem, without blocking', async () => {
    const jobs: SeedJob[] = []
    for (const [i, name] of ['ok.md', 'fifo.md', 'link.md'].entries()) {
      const abs = join(dir, name)
      await writeFile(abs, seedText(i + 1))
      const st = await stat(abs)
      jobs.push({ file: name, abs, size: st.size, mtimeMs: st.mtimeMs })
    }
    // Swapped after the listing: a FIFO no writer will ever open, and a link to a file outside.
    await rm(join(dir, 'fifo.md'))
    execFileSync('mkfifo', [join(dir, 'fifo.md')])
    await writeFile(join(dir, 'secret.txt'), 'secured: outside\n')
    await rm(join(dir, 'link.md'))
    await symlink(join(dir, 'secret.txt'), join(dir, 'link.md'))

    const config = resolveConfig({ seeds: dir })
    const results = await parseInWorkers(jobs, { maxFileBytes: config.maxFileBytes, normalize: normalizeOptions(config, TEST_NOW) }, 1)
    const byFile = new Map(results.map((r) => [r.file, r]))
    expect(byFile.get('ok.md')!.outcome!.article).toBeDefined()
    for (const file of ['fifo.md', 'link.md']) {
      const outcome = byFile.get(file)!.outcome!
      expect(outcome.article, file).toBeUndefined()
      expect(outcome.problems.map((p) => p.severity), file).toEqual(['error'])
    }
  }, 15_000)
})
